#!/usr/bin/env bash
# scale.sh - index growth and search latency on generated indexes of growing size: for each
# size, cqc-bench-gen-index writes a realistic index (indexing time, docs/s, CPU, peak RSS,
# index size) and cqc-bench-compare runs bench/scale_queries.tsv on it (p50/p95/p99).
set -euo pipefail
usage() {
  cat <<'EOF'
Usage: bench/scale.sh [--help] [BUILD_DIR]   (default BUILD_DIR: build)

Environment knobs (defaults in brackets):
  SIZES="10000 100000"   documents per generated index (1000000 takes hours: run it nice'd)
  REPORTS=N              percent of documents that are 20-120-page inspection reports [10]
  VOCAB=DIR              real text whose word frequencies rank the vocabulary
                         [/work/corpus/txt if present, else the sample]
  WORK=DIR               where indexes and logs go                     [/tmp/cqc-scale]
  KEEP=1                 keep each index (default: deleted after its latency run)
  BUDGET_MS=N            per-query latency loop budget                 [3000]
  MIN_ROUNDS=N           runs of each query at least (p99 of few runs is their maximum)  [20]
  SHARDS=N THREADS=T     write N shard databases on T threads (cqc-bench-gen-index --shards) [1 1]
  COMMIT_MB=N            text between commits, over all shards                          [32]
Needs: BUILD_DIR/bench/cqc-bench-gen-index, BUILD_DIR/bench/cqc-bench-compare and the sample
corpus BUILD_DIR/sample (cmake --build build --target cqc-bench-gen-index cqc-bench-compare
sample-corpus), /usr/bin/time.
EOF
}
build=""
for a in "$@"; do
  case $a in
    --help|-h) usage; exit 0 ;;
    -*) echo "scale.sh: unknown option $a" >&2; usage >&2; exit 2 ;;
    *) build=$a ;;
  esac
done
root=$(cd "$(dirname "$0")/.." && pwd)
want=${build:-$root/build}
build=$(cd "$want" 2>/dev/null && pwd) || { echo "scale.sh: no build folder $want" >&2; exit 2; }
SHARDS=${SHARDS:-1} THREADS=${THREADS:-1} COMMIT_MB=${COMMIT_MB:-32}
SIZES=${SIZES:-10000 100000} REPORTS=${REPORTS:-10} WORK=${WORK:-/tmp/cqc-scale} KEEP=${KEEP:-0} BUDGET_MS=${BUDGET_MS:-3000} MIN_ROUNDS=${MIN_ROUNDS:-20}
VOCAB=${VOCAB:-$( [ -d /work/corpus/txt ] && echo /work/corpus/txt || echo "$build/sample")}
gen=$build/bench/cqc-bench-gen-index
cmp=$build/bench/cqc-bench-compare
queries=$root/bench/scale_queries.tsv
for f in "$gen" "$cmp" "$build/sample" "$VOCAB" "$queries" /usr/bin/time; do
  [ -e "$f" ] || { echo "scale.sh: missing $f (see --help)" >&2; exit 2; }
done
mkdir -p "$WORK"
summary=$WORK/summary.tsv
: >"$summary"
for n in $SIZES; do
  d=$WORK/$n
  rm -rf "$d"; mkdir -p "$d"
  echo "[scale $(date -u +%H:%M:%S)] generating $n documents ($REPORTS % reports)" >&2
  /usr/bin/time -v -o "$d/gen.time" "$gen" --vocab "$VOCAB" --reports "$REPORTS" --shards "$SHARDS" --threads "$THREADS" --commit-mb "$COMMIT_MB" "$build/sample" "$d/index" "$n" \
    >"$d/gen.log" 2>&1 || { echo "scale.sh: generator failed, see $d/gen.log" >&2; tail -3 "$d/gen.log" >&2; exit 1; }
  "$cmp" latency ours "$d/index" "$queries" "$BUDGET_MS" 200 "$MIN_ROUNDS" >"$d/latency.tsv"
  sed -n 's/^RESULT //p' "$d/gen.log" | tr ' ' '\n' | awk -F= -v n="$n" '{ v[$1] = $2 } END {
    printf "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", n, v["seconds"], v["docs_per_s"], v["cpu_s"], v["peak_rss_mb"], v["index_mb"], v["words"] }' >>"$summary"
  [ "$KEEP" = 1 ] || rm -rf "$d/index"
done

echo
echo "Generated indexes ($REPORTS % reports of 20-120 pages, news of 300-1,500 words; vocabulary ranked by $VOCAB)"
echo
echo "| documents | seconds | docs/s | CPU s | peak RSS MB | index MB | words | s per 1,000 docs |"
echo "|---|---|---|---|---|---|---|---|"
awk -F'\t' '{ printf "| %s | %s | %s | %s | %s | %s | %s | %.2f |\n", $1, $2, $3, $4, $5, $6, $7, $2 * 1000 / $1 }' "$summary"
echo
echo "Search, full answer (cqc-bench-compare latency ours, at least $MIN_ROUNDS runs, $BUDGET_MS ms budget): p50 / p95 / p99 ms [hits]"
echo
printf '| query |'; for n in $SIZES; do printf ' %s docs |' "$n"; done; echo
printf '|---|'; for _ in $SIZES; do printf -- '---|'; done; echo
for q in $(grep -v '^#' "$queries" | cut -f1); do
  printf '| %s `%s` |' "$q" "$(awk -F'\t' -v q="$q" '$1 == q { print $4 ($3 == "-" ? "" : " [" $3 "]") }' "$queries")"
  for n in $SIZES; do
    awk -F'\t' -v q="$q" '$1 == q { printf " %.2f / %.2f / %.2f [%s] |", $4, $5, $6, $3 }' "$WORK/$n/latency.tsv"
  done
  echo
done
