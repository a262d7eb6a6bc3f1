#!/usr/bin/env bash
# package.sh [BUILD] - build the Debian package of cqc-archive with CPack (cmake/Install.cmake)
# from a configured and built folder (default build/); prints its path.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
cmake --build "$build" -j "$(nproc)" --target cqc-archive cqc-archive-store cqc-archive-full cqc_generated_docs
(cd "$build" && cpack -G DEB -B "$build" >/dev/null)
ls "$build"/cqc-archive_*.deb
