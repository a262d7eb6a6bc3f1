#!/usr/bin/env bash
# serve.sh - HTTP API throughput and latency with wrk on loopback, a mixed query set
# (bench/serve_queries.lua), on the bundled sample and on a generated index (10,000 documents by default).
# Usage: bench/serve.sh [BUILD_DIR] [DOCUMENTS] [SECONDS] [CONNECTIONS]  (build first)
# CQC_BENCH_DATA=DIR reuses a data folder whose DIR/index was made by cqc-bench-gen-index.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
docs=${2:-10000}  # realistic generated documents cost ~14 ms of CPU each to make (bench/COMPARE.md)
secs=${3:-20}
conns=${4:-8}
bin=$build/cli/cqc-archive
gen=$build/bench/cqc-bench-gen-index
if ! command -v wrk >/dev/null; then
  if [ "$(id -u)" = 0 ]; then apt-get install -y wrk >/dev/null; else sudo apt-get install -y wrk >/dev/null; fi
fi
work=$(mktemp -d)
pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; [ -n "$pid" ] && wait "$pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

# bench DATA_DIR LABEL: start the server on a free port, warm up, run wrk, stop the server.
bench() {
  local data=$1 label=$2 log=$work/serve.log url=""
  "$bin" serve --data "$data" --port 0 --threads "$conns" >"$log" 2>&1 &
  pid=$!
  for _ in $(seq 100); do
    url=$(sed -n 's/^serving \(http[^ ]*\)$/\1/p' "$log"); [ -n "$url" ] && break; sleep 0.1
  done
  [ -n "$url" ] || { cat "$log" >&2; exit 1; }
  wrk -t2 -c"$conns" -d3s -s "$root/bench/serve_queries.lua" "${url%/}" >/dev/null   # warm-up
  local out
  out=$(wrk -t2 -c"$conns" -d"${secs}s" --latency -s "$root/bench/serve_queries.lua" "${url%/}")
  echo "$label: $(grep '^RESULT' <<<"$out" | cut -d' ' -f2-)"
  kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""
}

"$bin" import --data "$work/sample" --base-url https://sample.cqc-archive.test/ "$build/sample" >/dev/null
"$bin" index --data "$work/sample" >/dev/null
echo "wrk: 2 threads, $conns connections, ${secs} s, server --threads $conns, loopback"
bench "$work/sample" "sample (45 documents)"

big=${CQC_BENCH_DATA:-}
if [ -z "$big" ]; then
  big=$work/big
  mkdir -p "$big"
  t=$(date +%s)
  "$gen" "$build/sample" "$big/index" "$docs" >/dev/null 2>&1
  echo "generated $docs documents in $(( $(date +%s) - t )) s"
fi
bench "$big" "generated ($docs documents)"
