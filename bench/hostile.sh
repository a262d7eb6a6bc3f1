#!/usr/bin/env bash
# hostile.sh - time and peak memory of indexing each file of the hostile corpus (issue 11,
# made by tests/hostile/hostile_gen.cpp) beside the 45 sample documents, with the default
# limits; for the 200 MB pages also a search that matches them and the size of their
# /api/documents answer. Prints one table row per case.
# Usage: bench/hostile.sh [BUILD_DIR]   (build first; LARGE=0 skips the two 200 MB pages)
#   JOBS=N [2]  EXTRA="--job-timeout 20" (more index options)  ONLY="long-*" (some cases)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
bin=$build/cli/cqc-archive
gen=$build/tests/hostile/cqc-hostile-gen
[ -x "$gen" ] || { echo "hostile.sh: build first (cmake --build $build --target cqc-hostile-gen cqc-archive)" >&2; exit 2; }
work=$(mktemp -d)
pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
"$gen" "$work/corpus" $([ "${LARGE:-1}" = 1 ] && echo --large)

field() { local v; v=$(sed -n "s/.*\"$1\":\([0-9]*\).*/\1/p" "$2"); echo "${v:-0}"; }

echo "| case | size | index wall s | indexer peak MB | worker peak MB | outcome |"
echo "|---|---|---|---|---|---|"
for f in "$work"/corpus/${ONLY:-*}; do
  name=$(basename "$f")
  d=$work/data-$name
  "$bin" import --data "$d" --base-url https://hostile.test/ "$f" >/dev/null
  "$bin" import --data "$d" --base-url https://sample.cqc-archive.test/ "$build/sample" >/dev/null
  /usr/bin/time -f "%e" -o "$d/time" "$bin" index --data "$d" --jobs "${JOBS:-2}" ${EXTRA:-} --json >"$d/index.json" 2>"$d/index.err" || true
  reason=$(sed -n "s|^skipped https://hostile.test/$name: ||p" "$d/index.err" | head -1)
  warning=$(sed -n "s|^warning https://hostile.test/$name: ||p" "$d/index.err" | head -1)
  outcome="indexed $(field indexed "$d/index.json") of 46"
  [ -n "$reason" ] && outcome="$outcome; $name failed: $reason"
  [ -n "$warning" ] && outcome="$outcome; warning: $warning"
  [ -s "$d/index.json" ] || outcome="index ended abnormally: $(tail -1 "$d/index.err")"
  printf '| %s | %s | %s | %d | %d | %s |\n' "$name" "$(du -h "$f" | cut -f1)" "$(tail -1 "$d/time")" \
    $(( $(field peak_rss_kib "$d/index.json") / 1024 )) $(( $(field worker_peak_rss_kib "$d/index.json") / 1024 )) "$outcome"
done

# The long pages once indexed: a search that matches them, and their document JSON (jq picks
# the page's id out of the hits).
for name in long-200mb.html long-200mb.txt; do
  d=$work/data-$name
  [ -d "$d" ] || continue
  /usr/bin/time -f "%e %M" -o "$d/search-time" "$bin" search --data "$d" "night checks" --json >"$d/search.json"
  read -r secs kib <"$d/search-time"
  "$bin" serve --data "$d" --port 0 >"$d/serve.log" 2>&1 &
  pid=$!
  url=""
  for _ in $(seq 100); do url=$(sed -n 's/^serving \(http[^ ]*\)$/\1/p' "$d/serve.log"); [ -n "$url" ] && break; sleep 0.1; done
  id=$(jq -r '.hits[] | select(.url | test("hostile.test")) | .id' "$d/search.json" | head -1)
  bytes=$(curl -s "${url}api/documents/$id" | wc -c)
  kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""
  echo "$name: search 'night checks' (whole process, matches it) ${secs} s, peak $((kib / 1024)) MB; /api/documents/$id answer $bytes bytes"
done
