#!/usr/bin/env bash
# build.sh [BUILD_DIR] - configure and build cqc-archive (with tests) using every core.
# Extra CMake options come from $CQC_CMAKE_ARGS (e.g. -DCQC_SANITIZE=ON).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
# shellcheck disable=SC2086
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo ${CQC_CMAKE_ARGS:-} >/dev/null
cmake --build "$build" -j "$(nproc)"
