#!/usr/bin/env bash
# index_cpu.sh [BUILD] DIR [RUNS] - CPU cost of `index --jobs 1` on the files of DIR.
#
# Imports DIR once into a scratch archive, then indexes a fresh copy of it RUNS times (default
# 3) and prints wall, user+sys CPU and peak RSS per run and the median with min-max. CPU time
# is the figure to compare on a shared machine (wall time waits for other jobs); with
# CALLGRIND=1 it also prints the instruction counts (Ir, deterministic) of the whole run and of
# the extraction and metadata stages, from one run under valgrind (about 50x slower: use a
# few hundred files). The load average at each run's start is printed beside it.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=$root/build
if [ $# -ge 1 ] && [ -x "$1/cli/cqc-archive" ]; then build=$1; shift; fi
dir=${1:?usage: index_cpu.sh [BUILD] DIR [RUNS]}
runs=${2:-3}
exe=$build/cli/cqc-archive
[ -d "$dir" ] || { echo "[index_cpu] $dir: no such folder" >&2; exit 2; }
[ -x "$exe" ] || { echo "[index_cpu] $exe not built" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$exe" import --data "$work/clean" --base-url https://corpus.test/ "$dir" >/dev/null
cpus=()
for i in $(seq "$runs"); do
  rm -rf "$work/run"; cp -r "$work/clean" "$work/run"
  load=$(cut -d' ' -f1 /proc/loadavg)
  /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$exe" index --data "$work/run" --jobs 1 >/dev/null
  read -r wall user sys rss <"$work/time"
  cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN {printf "%.2f", u + s}')
  cpus+=("$cpu")
  echo "[index_cpu] run $i: wall ${wall} s, cpu ${cpu} s (user $user, sys $sys), peak ${rss} KiB, load $load"
done
printf '%s\n' "${cpus[@]}" | sort -n | awk '{a[NR]=$1} END {printf "[index_cpu] cpu median %s s (min %s, max %s) over %d runs\n", a[int((NR+1)/2)], a[1], a[NR], NR}'
if [ "${CALLGRIND:-0}" = 1 ]; then
  rm -rf "$work/run"; cp -r "$work/clean" "$work/run"
  valgrind --tool=callgrind --callgrind-out-file="$work/cg.out" "$exe" index --data "$work/run" --jobs 1 \
    >/dev/null 2>"$work/cg.log"
  callgrind_annotate --inclusive=yes "$work/cg.out" >"$work/cg.txt" 2>/dev/null
  echo "[index_cpu] callgrind Ir: total $(grep -m1 'PROGRAM TOTALS' "$work/cg.txt" | awk '{print $1}')"
  for f in 'HtmlExtractor::extract\(' 'PdfExtractor::extract\(' 'build_document\(' \
           'extract_metadata\(' 'indexer::tokenize\(' 'find_trusts\(' 'health_context\(' \
           'find_publication\(' 'html::main_text'; do
    line=$(grep -m1 -E ":[^ ]*$f" "$work/cg.txt" || true)
    [ -n "$line" ] && echo "[index_cpu]   $(echo "$line" | sed -E 's/^ *([0-9,]+) \( *([0-9.]+%)\).*/\1 Ir (\2)/') ${f//\\/}"
  done
fi
