#!/usr/bin/env bash
# Integration test: archive the sample with cqc-archive, then read the WARC files back with
# warcio.js from npm. Usage: run.sh CQC_ARCHIVE_BINARY SAMPLE_DIR WORK_DIR
set -euo pipefail
bin=$1 sample=$2 work=$3
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$work/node"
cp "$here/package.json" "$here/package-lock.json" "$here/check.mjs" "$work/node/"
if [ ! -d "$work/node/node_modules/warcio" ]; then
  (cd "$work/node" && npm ci --no-audit --no-fund --loglevel=error)
fi
rm -rf "$work/data"
"$bin" import --data "$work/data" --base-url https://sample.cqc-archive.test/ "$sample" >/dev/null
"$bin" import --data "$work/data" "$sample/news" >/dev/null   # same bytes, new URIs: revisit records
files=$(find "$sample" -type f ! -name ".*" | wc -l)
node "$work/node/check.mjs" "$work/data/archive" "$files"
