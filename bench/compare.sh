#!/usr/bin/env bash
# compare.sh - cqc-archive against Xapian Omega (omindex/quest) and SQLite FTS5 on the real
# benchmark corpus (../shared/bench/make-corpus.sh): import+index speed per half, peak memory,
# index size, in-process query latency per query class, whole-process CLI, HTTP with wrk, and
# hit counts / top-10 overlap against omindex with each difference attributed to its cause.
set -euo pipefail
usage() {
  cat <<'EOF'
Usage: bench/compare.sh [--quick] [--help] [BUILD_DIR]   (default BUILD_DIR: build)

Environment knobs (defaults in brackets):
  CORPUS=DIR       corpus with html/ pdf/ txt/                 [/work/corpus]
  RESULTS=DIR      raw figures, logs and indexes; re-running with the same RESULTS skips every
                   phase already done (delete DIR/PHASE.done to redo one)  [/tmp/cqc-compare]
  RUNS=N           interleaved runs (ours, omindex, ours, ...); medians with min-max   [3]
  HALVES="html pdf"  which halves to import+index
  PHASES="index fts5 latency cli http hits"   phases to run (in this order)
  JOBS=N           cqc-archive index --jobs                    [2]
  BUDGET_MS=N      per query and engine, in-process latency loop budget  [3000]
  CLI_REPS=N       whole-process repetitions per query         [20]
  WRK_SECS=N       seconds per wrk run                         [10]
  --quick          a subset (300 HTML, 40 PDF, 50 text files), RUNS=1, BUDGET_MS=500,
                   CLI_REPS=5, WRK_SECS=3, RESULTS=/tmp/cqc-compare-quick
Needs: BUILD_DIR/cli/cqc-archive, BUILD_DIR/bench/cqc-bench-compare (cmake --build build
--target cqc-archive cqc-bench-compare), omindex, quest, xapian-compact, sqlite3, curl, jq,
wrk, /usr/bin/time.
EOF
}
quick=0
build=""
for a in "$@"; do
  case $a in
    --help|-h) usage; exit 0 ;;
    --quick) quick=1 ;;
    -*) echo "compare.sh: unknown option $a" >&2; usage >&2; exit 2 ;;
    *) build=$a ;;
  esac
done
root=$(cd "$(dirname "$0")/.." && pwd)
want=${build:-$root/build}
build=$(cd "$want" 2>/dev/null && pwd) || { echo "compare.sh: no build folder $want" >&2; exit 2; }
CORPUS=${CORPUS:-/work/corpus}
if [ "$quick" = 1 ]; then
  RUNS=${RUNS:-1} BUDGET_MS=${BUDGET_MS:-500} CLI_REPS=${CLI_REPS:-5} WRK_SECS=${WRK_SECS:-3}
  RESULTS=${RESULTS:-/tmp/cqc-compare-quick}
fi
RUNS=${RUNS:-3} HALVES=${HALVES:-html pdf} JOBS=${JOBS:-2} BUDGET_MS=${BUDGET_MS:-3000}
CLI_REPS=${CLI_REPS:-20} WRK_SECS=${WRK_SECS:-10} RESULTS=${RESULTS:-/tmp/cqc-compare}
PHASES=${PHASES:-index fts5 latency cli http hits}
QUERIES=${QUERIES:-$root/bench/compare_queries.tsv}
bin=$build/cli/cqc-archive
cmp=$build/bench/cqc-bench-compare
for f in "$bin" "$cmp" "$QUERIES"; do [ -e "$f" ] || { echo "compare.sh: missing $f (see --help)" >&2; exit 2; }; done
for t in omindex quest xapian-compact sqlite3 curl jq wrk; do
  command -v "$t" >/dev/null || { echo "compare.sh: missing tool $t (apt-get install xapian-omega xapian-tools sqlite3 curl jq wrk)" >&2; exit 2; }
done
[ -x /usr/bin/time ] || { echo "compare.sh: missing /usr/bin/time (apt-get install time)" >&2; exit 2; }
for h in html pdf txt; do [ -d "$CORPUS/$h" ] || { echo "compare.sh: no $CORPUS/$h (build it with ../shared/bench/make-corpus.sh)" >&2; exit 2; }; done
mkdir -p "$RESULTS"
R=$RESULTS
log() { printf '[compare %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
done_phase() { [ -e "$R/$1.done" ]; }

# --quick: copy a subset of the corpus (once) and use it instead.
if [ "$quick" = 1 ]; then
  if [ ! -e "$R/corpus.done" ]; then
    rm -rf "$R/corpus"
    for spec in html:300 pdf:40 txt:50; do
      h=${spec%:*} n=${spec#*:}
      total=$(find "$CORPUS/$h" -type f | wc -l)
      # every k-th file, so each package of the half is represented
      (cd "$CORPUS" && find "$h" -type f | sort | awk -v k=$(( total / n )) -v n="$n" 'NR % k == 0 && ++c <= n') | while read -r f; do
        mkdir -p "$R/corpus/$(dirname "$f")"; cp "$CORPUS/$f" "$R/corpus/$f"
      done
    done
    touch "$R/corpus.done"
  fi
  CORPUS=$R/corpus
fi
export LC_ALL=C
source "$root/bench/compare_lib.sh"

uptime >>"$R/uptime.log"
for phase in $PHASES; do
  case $phase in
    index|fts5|latency|cli|http|hits) ;;
    *) echo "compare.sh: unknown phase $phase" >&2; exit 2 ;;
  esac
  if done_phase "$phase"; then log "$phase: done before (rm $R/$phase.done to redo)"; continue; fi
  log "$phase: start ($(uptime | sed 's/.*load/load/'))"
  "phase_$phase"
  touch "$R/$phase.done"
done
uptime >>"$R/uptime.log"
report | tee "$R/report.txt"
