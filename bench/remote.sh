#!/usr/bin/env bash
# remote.sh - query latency of a split index opened locally (its stub) against the same shards
# served by xapian-tcpsrv on loopback (a stub of `remote` lines), and optionally against one
# database holding the same documents: the full answer of bench/scale_queries.tsv (10 hits with
# snippets, exact facets over the whole match set, timeline), p50/p95/p99 per query.
set -euo pipefail
usage() {
  cat <<'EOF'
Usage: bench/remote.sh [--help] SPLIT_INDEX [ONE_DATABASE] [BUILD_DIR]

SPLIT_INDEX   a folder holding Xapian's stub XAPIANDB and its shards shard0..shardN-1 (as
              `cqc-archive index --shards N` or `cqc-bench-gen-index --shards N` write them)
ONE_DATABASE  the same documents in one database (e.g. `xapian-compact` of the shards), or -
BUILD_DIR     default: build (needs BUILD_DIR/bench/cqc-bench-compare)

Environment knobs: QUERIES (default bench/scale_queries.tsv), BUDGET_MS per query [3000],
MIN_ROUNDS [10], MAX_ROUNDS [200], PORT0 first port for xapian-tcpsrv [34700].
Needs xapian-tcpsrv (Debian package xapian-tools). Stops its servers on exit.
EOF
}
[ "${1:-}" = --help ] || [ "${1:-}" = -h ] && { usage; exit 0; }
[ $# -ge 1 ] || { usage >&2; exit 2; }
root=$(cd "$(dirname "$0")/.." && pwd)
split=$(cd "$1" && pwd)
one=${2:--}
build=$(cd "${3:-$root/build}" && pwd)
cmp=$build/bench/cqc-bench-compare
QUERIES=${QUERIES:-$root/bench/scale_queries.tsv} BUDGET_MS=${BUDGET_MS:-3000}
MIN_ROUNDS=${MIN_ROUNDS:-10} MAX_ROUNDS=${MAX_ROUNDS:-200} PORT0=${PORT0:-34700}
for f in "$cmp" "$split/XAPIANDB" "$QUERIES"; do
  [ -e "$f" ] || { echo "remote.sh: missing $f (see --help)" >&2; exit 2; }
done
command -v xapian-tcpsrv >/dev/null || { echo "remote.sh: xapian-tcpsrv not found (apt-get install xapian-tools)" >&2; exit 2; }

work=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill -- -"$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT
stub=$work/remote.stub
n=0
while read -r type path; do
  case $type in auto|glass) ;; *) continue ;; esac
  port=$((PORT0 + n))
  setsid xapian-tcpsrv --interface 127.0.0.1 --port "$port" --quiet "$split/$path" </dev/null >/dev/null 2>&1 &
  pids+=($!)
  echo "remote 127.0.0.1:$port" >>"$stub"
  n=$((n + 1))
done <"$split/XAPIANDB"
for i in $(seq 100); do
  up=0
  for k in $(seq 0 $((n - 1))); do (exec 3<>/dev/tcp/127.0.0.1/$((PORT0 + k))) 2>/dev/null && up=$((up + 1)); done
  [ "$up" = "$n" ] && break
  sleep 0.1
done

run() { "$cmp" latency ours "$1" "$QUERIES" "$BUDGET_MS" "$MAX_ROUNDS" "$MIN_ROUNDS"; }
[ "$one" != - ] && run "$one" >"$work/one.tsv"
run "$split" >"$work/local.tsv"
run "$stub" >"$work/remote.tsv"

echo "Full answer, ms (p50 / p95 / p99): $n shards of $split; hits per query"
echo
if [ "$one" != - ]; then
  echo "| query | hits | one database | $n local shards | $n remote shards |"
  echo "|---|---|---|---|---|"
  paste "$work/one.tsv" "$work/local.tsv" "$work/remote.tsv" | awk -F'\t' '{
    printf "| %s | %s | %s / %s / %s | %s / %s / %s | %s / %s / %s |\n", $1, $3, $4, $5, $6, $11, $12, $13, $18, $19, $20 }'
else
  echo "| query | hits | $n local shards | $n remote shards |"
  echo "|---|---|---|---|"
  paste "$work/local.tsv" "$work/remote.tsv" | awk -F'\t' '{
    printf "| %s | %s | %s / %s / %s | %s / %s / %s |\n", $1, $3, $4, $5, $6, $11, $12, $13 }'
fi
