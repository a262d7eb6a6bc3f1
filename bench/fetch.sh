#!/usr/bin/env bash
# fetch.sh - fetch benchmark against the loopback test server (tests/support):
#   1. throughput: 1,000 small documents, politeness off (no robots, no delay, 8 connections);
#   2. peak memory (VmHWM) of cqc-archive while fetching a 1 GiB body (streamed to disk).
# Usage: bench/fetch.sh [BUILD_DIR] [DOCS] [BODY_MB]   (defaults: build 1000 1024)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
docs=${2:-1000}
body_mb=${3:-1024}
bin=$build/cli/cqc-archive
server=$build/tests/support/cqc-test-server
work=$(mktemp -d)
trap 'kill $spid 2>/dev/null || true; rm -rf "$work"' EXIT

"$server" --no-crawl-delay --threads 16 --huge-mb "$body_mb" >"$work/server.log" 2>&1 &
spid=$!
for _ in $(seq 50); do grep -q listening "$work/server.log" && break; sleep 0.1; done
base=$(sed -n 's/.*listening on \(http[^ ]*\).*/\1/p' "$work/server.log")
port=${base##*:}
curl -s "$base/bench/list.txt?n=$docs" >"$work/sources.txt"
fast=(--allow "127.0.0.1:$port" --no-robots --delay-ms 0 --per-host 8 --max-connections 8)

# Peak resident memory of a command, polled from /proc (GNU time may not be installed).
peak_kib() {
  "$@" >"$work/out.json" 2>"$work/err.txt" &
  local pid=$! peak=0 v
  while kill -0 $pid 2>/dev/null; do
    v=$(awk '/VmHWM/ {print $2}' /proc/$pid/status 2>/dev/null || echo 0)
    [ -n "$v" ] && [ "$v" -gt "$peak" ] && peak=$v
    sleep 0.05
  done
  wait $pid || true
  echo "$peak"
}

t=$(date +%s%N)
TIMEFORMAT='%U %S'
{ time "$bin" fetch --data "$work/d1" "${fast[@]}" --json --sources "$work/sources.txt" >"$work/f1.json"; } 2>"$work/cpu.txt"
ms=$(( ($(date +%s%N) - t) / 1000000 ))
bytes=$(sed -n 's/.*"bytes":\([0-9]*\).*/\1/p' "$work/f1.json")
echo "throughput: $docs documents, $bytes bytes in ${ms} ms = $(( docs * 1000 / (ms > 0 ? ms : 1) )) documents/s"
# CPU time of cqc-archive alone (the wall time also waits for the server and other load).
read -r user sys <"$work/cpu.txt"
echo "  cqc-archive CPU: user ${user} s + sys ${sys} s"
# Captures are made durable in groups (archive::kGroupCaptures / kGroupAge): count the syncs.
if command -v strace >/dev/null; then
  strace -f -c -e trace=fsync,fdatasync -o "$work/syncs.txt" \
    "$bin" fetch --data "$work/d3" "${fast[@]}" --json --sources "$work/sources.txt" >/dev/null || true
  echo "  syncs for $docs documents: $(awk '/fsync|fdatasync/ {printf "%s %s  ", $4, $NF}' "$work/syncs.txt")"
fi
echo "  $(cat "$work/f1.json")"

t=$(date +%s%N)
kib=$(peak_kib "$bin" fetch --data "$work/d2" "${fast[@]}" --max-body-mb $((body_mb + 1)) --json "$base/huge")
ms=$(( ($(date +%s%N) - t) / 1000000 ))
echo "large body: ${body_mb} MiB fetched and archived in ${ms} ms, peak RSS ${kib} KiB"
echo "  $(cat "$work/out.json")"
du -sh "$work/d2/archive" | sed 's/^/  archive on disk: /'
