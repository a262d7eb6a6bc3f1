#!/usr/bin/env bash
# sample.sh - time the main job on the bundled sample: import, index, search latency.
# Usage: bench/sample.sh [BUILD_DIR]   (build first: scripts/build.sh)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
bin=$build/cli/cqc-archive
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
ms() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }
files=$(find "$build/sample" -type f | wc -l)
bytes=$(du -sb "$build/sample" | cut -f1)
t=$(date +%s%N); "$bin" import --data "$work" --base-url https://s.test/ "$build/sample" >/dev/null; import_ms=$(ms "$t")
t=$(date +%s%N); "$bin" index --data "$work" >/dev/null; index_ms=$(ms "$t")
t=$(date +%s%N); "$bin" index --data "$work" >/dev/null; reindex_ms=$(ms "$t")
t=$(date +%s%N); "$bin" search --data "$work" seclusion >/dev/null; cli_ms=$(ms "$t")
echo "sample: $files files, $bytes bytes"
echo "import:          ${import_ms} ms"
echo "index:           ${index_ms} ms"
echo "index (no-op):   ${reindex_ms} ms"
echo "search CLI (process start + open + query + print): ${cli_ms} ms"
"$build/bench/cqc-bench-search" "$work/index" 50
