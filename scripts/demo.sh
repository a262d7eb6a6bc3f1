#!/usr/bin/env bash
# demo.sh - README command (a): install dependencies, build, import the bundled sample corpus
# into the data folder (default ~/.local/share/cqc-archive; $CQC_ARCHIVE_HOME overrides),
# index it, and search it for "seclusion" with the year timeline.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/install-deps.sh"
"$root/scripts/build.sh"
bin="$root/build/cli/cqc-archive"
"$bin" import --base-url https://sample.cqc-archive.test/ "$root/build/sample"
"$bin" index
echo
"$bin" search seclusion
