#!/usr/bin/env bash
# Integration test, both ways with warcio.js from npm (an independent implementation):
# archive the sample with cqc-archive and read the WARC files back with warcio; then write a
# WARC file with warcio (request, response, metadata, revisit, resource records) and import,
# index, search and verify it with cqc-archive. Usage: run.sh CQC_ARCHIVE_BINARY SAMPLE_DIR WORK_DIR
set -euo pipefail
# Without Node.js, npm (or, for the browser, Chromium) this test cannot run here: say so and
# exit 77, which ctest reports as skipped (SKIP_RETURN_CODE). The README's test command
# installs them, so CI runs it.
for tool in node npm; do
  command -v "$tool" >/dev/null 2>&1 || { echo "skipped: $tool is not installed (apt-get install nodejs npm)"; exit 77; }
done
bin=$1 sample=$2 work=$3
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$work/node"
cp "$here/package.json" "$here/package-lock.json" "$here/check.mjs" "$here/write.mjs" "$work/node/"
if [ ! -d "$work/node/node_modules/warcio" ]; then
  (cd "$work/node" && npm ci --no-audit --no-fund --loglevel=error)
fi
rm -rf "$work/data"
"$bin" import --data "$work/data" --base-url https://sample.cqc-archive.test/ "$sample" >/dev/null
"$bin" import --data "$work/data" "$sample/news" >/dev/null   # same bytes, new URIs: revisit records
files=$(find "$sample" -type f ! -name ".*" | wc -l)
node "$work/node/check.mjs" "$work/data/archive" "$files"

# A selection exported as one WARC file reads back with warcio and imports into a new
# archive with the same captures.
"$bin" index --data "$work/data" >/dev/null
rm -rf "$work/export" "$work/reimported" && mkdir -p "$work/export"
exported=$("$bin" export --data "$work/data" --json --warc "$work/export/rmy.warc.gz" --trust RMY)
resources=$(node -e 'const e = JSON.parse(process.argv[1]); console.log(e.records - e.revisits)' "$exported")
node "$work/node/check.mjs" "$work/export" "$resources"
reimported=$("$bin" import --data "$work/reimported" --json "$work/export/rmy.warc.gz")
node -e '
const [exp, imp] = process.argv.slice(1).map((s) => JSON.parse(s));
if (exp.records < 1 || imp.warc_captures !== exp.records || imp.warc_skipped !== 0) {
  console.error(`exported ${exp.records} records, re-imported ${imp.warc_captures} captures`);
  process.exit(1);
}
console.log(JSON.stringify({ exported: exp.records, reimported: imp.warc_captures }));
' "$exported" "$reimported"

# The other way: a WARC file written by warcio comes into cqc-archive record by record.
rm -rf "$work/other"
node "$work/node/write.mjs" "$work/other.warc.gz" >/dev/null
imported=$("$bin" import --data "$work/other" --json "$work/other.warc.gz")
indexed=$("$bin" index --data "$work/other" --json)
found=$("$bin" search --data "$work/other" --json larkspur)
verified=$("$bin" verify --data "$work/other")
node -e '
const [imp, idx, found] = process.argv.slice(1).map((s) => JSON.parse(s));
const problems = [];
if (imp.warc_files !== 1) problems.push(`warc_files ${imp.warc_files}`);
if (imp.warc_records !== 6) problems.push(`warc_records ${imp.warc_records} (want 6)`);
if (imp.warc_captures !== 3) problems.push(`warc_captures ${imp.warc_captures} (response, revisit, resource)`);
if (imp.warc_skipped !== 0) problems.push(`warc_skipped ${imp.warc_skipped}`);
if (idx.documents !== 2) problems.push(`documents ${idx.documents} (want 2)`);
if (found.total !== 2) problems.push(`search larkspur found ${found.total} (want 2)`);
console.log(JSON.stringify({ imported_from_warcio: imp.warc_captures, documents: idx.documents, problems }));
process.exit(problems.length ? 1 : 0);
' "$imported" "$indexed" "$found"
case "$verified" in *": 0 bad"*) ;; *) echo "verify of the warcio file: $verified" >&2; exit 1 ;; esac
