#!/usr/bin/env bash
# test.sh - README command (b): install dependencies, build, and run every test (ctest:
# unit, end-to-end, golden, warcio integration), then every fuzz target for a short time
# (scripts/fuzz.sh; $CQC_FUZZ_SECONDS per target, default 10; 0 skips). Test output is kept in
# build/Testing, fuzz logs in build-fuzz/logs.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/install-deps.sh"
"$root/scripts/build.sh"
cd "$root/build"
ctest --output-on-failure --timeout 600 "$@"
if [ "${CQC_FUZZ_SECONDS:-10}" != 0 ]; then
  CQC_FUZZ_SEED=${CQC_FUZZ_SEED:-20261202} "$root/scripts/fuzz.sh" "${CQC_FUZZ_SECONDS:-10}"
fi
