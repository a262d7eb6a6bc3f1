#!/usr/bin/env bash
# demo.sh - README command (a): install dependencies, build, import the bundled sample corpus
# into the data folder (default ~/.local/share/cqc-archive; $CQC_ARCHIVE_HOME overrides),
# index it, search it for "seclusion" with the year timeline, then serve the search page and
# API on http://127.0.0.1:${CQC_PORT:-8080}/ until Ctrl-C.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/install-deps.sh"
"$root/scripts/build.sh"
bin="$root/build/cli/cqc-archive"
"$bin" import --base-url https://sample.cqc-archive.test/ "$root/build/sample"
"$bin" index
echo
"$bin" search seclusion
port=${CQC_PORT:-8080}
echo
echo "Open http://127.0.0.1:$port/ in a browser to search the sample (Ctrl-C stops the server)."
exec "$bin" serve --port "$port"
