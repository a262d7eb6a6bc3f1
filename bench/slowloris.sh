#!/usr/bin/env bash
# slowloris.sh - the server beside slow clients and a committing indexer (issue 11). Measures
# capacity with wrk -t2 -c8, then runs a fixed-rate load at SHARE % of it (bench/slowloris.cpp:
# open loop, latency counted from each request's due time) three ways: alone; beside SLOW slow
# connections that trickle a request head one byte a second; and beside them while `import` +
# `index` commit new documents in a loop.
# Usage: bench/slowloris.sh [BUILD_DIR] [SECONDS]   (build first)
#   CQC_BENCH_DATA=DIR  a data folder to copy and serve (default: the sample, imported here)
#   PATHS=FILE          request targets, one a line (default: bench/corpus_paths.txt with
#                       CQC_BENCH_DATA, else a few sample searches)
#   SLOW=N [200]  SHARE=P [70]  INDEX_OPTIONS="--nice 0" (options of the committing index runs)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
secs=${2:-20}
slow=${SLOW:-200}
share=${SHARE:-70}
bin=$build/cli/cqc-archive
tool=$build/bench/cqc-bench-slowloris
[ -x "$tool" ] || { echo "slowloris.sh: build first (cmake --build $build --target cqc-bench-slowloris)" >&2; exit 2; }
if ! command -v wrk >/dev/null; then
  if [ "$(id -u)" = 0 ]; then apt-get install -y wrk >/dev/null; else sudo apt-get install -y wrk >/dev/null; fi
fi
work=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

data=$work/data
if [ -n "${CQC_BENCH_DATA:-}" ]; then
  cp -a "$CQC_BENCH_DATA" "$data"
  "$bin" index --data "$data" >/dev/null  # up to date first (an older index is rebuilt whole)
  paths=${PATHS:-$root/bench/corpus_paths.txt}
else
  "$bin" import --data "$data" --base-url https://sample.cqc-archive.test/ "$build/sample" >/dev/null
  "$bin" index --data "$data" >/dev/null
  paths=$work/paths.txt
  printf '%s\n' '/api/search?q=seclusion' '/api/search?q=restraint&rating=inadequate' \
    '/api/search?q=%22mental+health%22&year=2019' '/api/search?q=staff*' '/api/search?q=&sort=newest' >"$paths"
  paths=${PATHS:-$paths}
fi

"$bin" serve --data "$data" --port 0 --threads 8 >"$work/serve.log" 2>&1 &
pids+=($!)
url=""
for _ in $(seq 100); do
  url=$(sed -n 's/^serving \(http[^ ]*\)$/\1/p' "$work/serve.log"); [ -n "$url" ] && break; sleep 0.1
done
[ -n "$url" ] || { cat "$work/serve.log" >&2; exit 1; }
port=${url##*:}; port=${port%/}

PATHS_FILE=$paths wrk -t2 -c8 -d3s -s "$root/bench/compare_wrk.lua" "${url%/}" >/dev/null  # warm-up
capacity=$(PATHS_FILE=$paths wrk -t2 -c8 -d"${secs}s" -s "$root/bench/compare_wrk.lua" "${url%/}" | sed -n 's/^RESULT \([0-9.]*\).*/\1/p')
rate=$(awk -v c="$capacity" -v s="$share" 'BEGIN { printf "%d", c * s / 100 }')
echo "capacity (wrk -t2 -c8, ${secs} s): $capacity requests/s; fixed rate $rate requests/s ($share %), $secs s per run"

run() {  # LABEL SLOW
  echo "$1: $("$tool" --port "$port" --paths "$paths" --rate "$rate" --seconds "$secs" --slow "$2" | sed 's/^RESULT //')"
}
run "alone" 0
run "beside $slow slow connections" "$slow"

# The indexer commits in a loop: each round imports the sample under a new address and indexes it.
(
  i=0
  while :; do
    i=$((i + 1))
    "$bin" import --data "$data" --base-url "https://round-$i.bench.test/" "$build/sample" >/dev/null 2>&1
    "$bin" index --data "$data" --batch 20 ${INDEX_OPTIONS:-} >/dev/null 2>&1
    echo "$i" >"$work/rounds"
  done
) &
pids+=($!)
sleep 1
run "beside $slow slow connections, indexer committing" "$slow"
echo "index rounds completed during that run: $(cat "$work/rounds" 2>/dev/null || echo 0)"
