#!/usr/bin/env bash
# index.sh - indexing throughput with 1 and with N extraction threads, on COPIES copies of the
# bundled sample (each file changed by one trailing comment so every copy is a new document).
# Usage: bench/index.sh [BUILD_DIR] [COPIES] [JOBS]   (defaults: build 20 $(nproc))
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
copies=${2:-20}
jobs=${3:-$(nproc)}
bin=$build/cli/cqc-archive
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for i in $(seq "$copies"); do
  (cd "$build/sample" && find . -type f) | while read -r f; do
    mkdir -p "$work/in/$i/$(dirname "$f")"
    cp "$build/sample/$f" "$work/in/$i/$f"
    printf '\n%%%% copy %s\n' "$i" >>"$work/in/$i/$f"
  done
done
"$bin" import --data "$work/d" "$work/in" >/dev/null
echo "corpus: $(find "$work/in" -type f | wc -l) documents, $(du -sh "$work/in" | cut -f1)"
for j in 1 "$jobs"; do
  rm -rf "$work/d/index"
  t=$(date +%s%N)
  "$bin" index --data "$work/d" --jobs "$j" >/dev/null
  echo "index --jobs $j: $(( ($(date +%s%N) - t) / 1000000 )) ms"
done
