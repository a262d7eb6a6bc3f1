#!/usr/bin/env bash
# fuzz.sh [SECONDS_PER_TARGET] - build the libFuzzer targets (tests/fuzz, docs/fuzzing.md)
# with clang into build-fuzz/ and run each for SECONDS_PER_TARGET (default 20) seconds.
# Prints the executions per target (libFuzzer's stat::number_of_executed_units) and exits 1
# naming the target and the input file when any target crashes, leaks, times out (10 s per
# input) or runs out of memory (2 GiB). $CQC_FUZZ_TARGETS limits the run to some targets
# ("html pdf"); $CQC_FUZZ_BUILD overrides the build folder; $CQC_FUZZ_SEED fixes libFuzzer's
# random seed (scripts/test.sh sets it, so a CI run can be repeated exactly).
# Inputs the fuzzers find are kept in build-fuzz/corpus/<target>/ (the seeds in
# tests/fuzz/corpus/ are only read), crash files in build-fuzz/crashes/<target>/.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${CQC_FUZZ_BUILD:-$root/build-fuzz}
seconds=${1:-20}
targets=(${CQC_FUZZ_TARGETS:-query html pdf warc http_message listing robots request_head})

# The longest input each target takes: a query is refused past 2,000 bytes; pages, PDFs,
# WARC files and listings need room for structure; HTTP heads and robots.txt are short.
max_len() {
  case $1 in
    query) echo 4096 ;;
    http_message | robots | request_head) echo 16384 ;;
    *) echo 65536 ;;
  esac
}

command -v clang++ >/dev/null || { echo "fuzz.sh: clang++ is missing (scripts/install-deps.sh)" >&2; exit 1; }
CC=clang CXX=clang++ cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCQC_FUZZ=ON -DCQC_BUILD_TESTS=OFF >/dev/null
cmake --build "$build" --target cqc_fuzz -j "$(nproc)"

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
failed=()
printf '%-13s %12s %10s %8s  %s\n' target executions exec/s corpus result
for t in "${targets[@]}"; do
  work=$build/corpus/$t crashes=$build/crashes/$t log=$build/logs/$t.log
  mkdir -p "$work" "$crashes" "$(dirname "$log")"
  status=0
  "$build/tests/fuzz/cqc_fuzz_$t" "$work" "$root/tests/fuzz/corpus/$t" \
    -max_total_time="$seconds" -max_len="$(max_len "$t")" -rss_limit_mb=2048 -timeout=10 \
    -seed="${CQC_FUZZ_SEED:-0}" -print_final_stats=1 -artifact_prefix="$crashes/" >"$log" 2>&1 || status=$?
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  files=$(find "$work" -type f | wc -l)
  if ((status != 0)); then
    artifact=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | tail -1)
    printf '%-13s %12s %10s %8s  FAILED (exit %d): %s (log %s)\n' "$t" "${execs:-?}" "${rate:-?}" "$files" \
      "$status" "${artifact:-no input file}" "$log"
    failed+=("$t: ${artifact:-see $log}")
  else
    printf '%-13s %12s %10s %8s  ok\n' "$t" "${execs:-?}" "${rate:-?}" "$files"
  fi
done
if ((${#failed[@]})); then
  printf 'fuzz.sh: %d target(s) failed:\n' "${#failed[@]}" >&2
  printf '  %s\n' "${failed[@]}" >&2
  exit 1
fi
