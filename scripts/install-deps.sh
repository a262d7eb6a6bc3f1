#!/usr/bin/env bash
# install-deps.sh - install every Debian package cqc-archive needs to build, run and test.
# Used by both README commands. Safe to re-run; skips apt when everything is present.
# Needs root (or sudo) on Debian 12.
set -euo pipefail

PKGS=(
  build-essential cmake pkg-config ccache git ca-certificates
  libxapian-dev xapian-tools
  libpoco-dev
  libpugixml-dev
  doctest-dev
  libcurl4-openssl-dev
  libpoppler-cpp-dev poppler-utils
  libgumbo-dev
  zlib1g-dev libsqlite3-dev
  liblz4-dev  # the index's stored text blocks (README: "Dependencies")
  chromium    # the browser test of the web page (driven by playwright-core from npm)
  curl        # scripts and benchmarks talk to the local server
  wget        # writes WARC files of another tool for the import test (wget --warc-file)
  # scripts/fuzz.sh: clang 14 builds the libFuzzer targets; libclang-rt-14-dev holds
  # libclang_rt.fuzzer and the sanitizer runtimes (Debian 12's clang pulls it in, named anyway)
  clang libclang-rt-14-dev
)

missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
# Node.js + npm run the integration tests (warcio, the browser test). Machines of this
# kind ship NodeSource's nodejs (which bundles npm and conflicts with Debian's npm).
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
if ((${#missing[@]} == 0)); then
  echo "[install-deps] all ${#PKGS[@]} packages present"
  exit 0
fi
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO=sudo
echo "[install-deps] installing: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
