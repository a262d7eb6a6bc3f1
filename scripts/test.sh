#!/usr/bin/env bash
# test.sh - README command (b): install dependencies, build, and run every test (ctest:
# unit, end-to-end, golden, warcio integration). Test output is kept in build/Testing.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/install-deps.sh"
"$root/scripts/build.sh"
cd "$root/build"
ctest --output-on-failure --timeout 600 "$@"
