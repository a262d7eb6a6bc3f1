#!/usr/bin/env bash
# real.sh [BUILD] [SET...] - measure extraction and metadata on real, labelled pages.
#
# Reads ../shared/realdata (or $CQC_REALDATA): aeb/ (article main text, shingle F1),
# htmldate/ (publication day accuracy) and cqc/ (trust, inspection, ratings of real CQC
# texts). Each set is imported into a fresh archive, indexed, read back through the HTTP API
# (realdata/dump.py) and scored by realdata's own scripts. Prints one line of figures per set;
# with MISSES=N also the N worst pages. Nothing from realdata is copied into the project.
# SET is any of aeb htmldate cqc (default: all three). When realdata is absent it says so and
# exits 0, so the script is safe anywhere.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
[ $# -gt 0 ] && shift
sets=("$@")
[ ${#sets[@]} -eq 0 ] && sets=(aeb htmldate cqc)
real=${CQC_REALDATA:-$root/../shared/realdata}
exe=$build/cli/cqc-archive
misses=${MISSES:-0}

if [ ! -d "$real" ]; then
  echo "[real] $real not found: no real labelled pages on this machine, nothing measured"
  exit 0
fi
[ -x "$exe" ] || { echo "[real] $exe not built (scripts/build.sh)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
port=$((18400 + RANDOM % 500))

run() {  # run SET PAGES_DIR: import, index, dump every document through the HTTP API
  local set=$1 pages=$2 data=$work/$1
  "$exe" import --data "$data" --base-url https:// "$pages" >/dev/null
  "$exe" index --data "$data" --json >"$work/$set.index.json"
  python3 "$real/dump.py" "$exe" "$data" "$port" "$work/$set.docs.json"
  port=$((port + 1))
}

for set in "${sets[@]}"; do
  start=$EPOCHREALTIME
  case $set in
    aeb|htmldate)
      run "$set" "$real/$set/pages"
      python3 "$real/score.py" "$set" "$real/$set/truth.json" "$work/$set.docs.json" \
        ${misses:+--misses "$misses"} ;;
    cqc)
      python3 "$real/cqc_pages.py" "$real/cqc" "$work/cqc-pages"
      run cqc "$work/cqc-pages"
      extra=()
      [ "$misses" != 0 ] && extra=(--misses)
      python3 "$real/score_cqc.py" "$real/cqc/labels.tsv" "$work/cqc-pages/map.json" \
        "$work/cqc.docs.json" "${extra[@]}" ;;
    *) echo "[real] unknown set '$set' (aeb, htmldate or cqc)" >&2; exit 2 ;;
  esac
  python3 -c "import sys; print('[real] %s measured in %.1f s' % (sys.argv[1], float(sys.argv[3]) - float(sys.argv[2])))" "$set" "$start" "$EPOCHREALTIME"
done
