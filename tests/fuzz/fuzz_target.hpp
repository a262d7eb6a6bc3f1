// One fuzz target per parser of hostile input (issue 11, docs/fuzzing.md). Each fuzz_*.cpp
// defines its entry point with CQC_FUZZ_TARGET(name):
//   - built for libFuzzer (CQC_FUZZ=ON, clang): the entry is LLVMFuzzerTestOneInput, one
//     executable per target (cqc_fuzz_<name>);
//   - built for the regression driver (CQC_FUZZ_DRIVER defined, any compiler): the entry is
//     cqc_fuzz_<name>, and regressions_main.cpp links every target into one executable.
// A target returns 0. It catches only the exceptions its parser documents for rejected input
// (core::UsageError, ...); anything else (std::bad_alloc, a sanitizer report, a broken
// invariant checked with CQC_FUZZ_CHECK) ends the run with the input that caused it.
#pragma once
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#ifdef CQC_FUZZ_DRIVER
#define CQC_FUZZ_TARGET(name) \
  extern "C" int cqc_fuzz_##name(const std::uint8_t* data, std::size_t size)
#else
#define CQC_FUZZ_TARGET(name) \
  extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
#endif

// A property every input must keep; a failure prints WHAT and aborts (a libFuzzer crash).
#define CQC_FUZZ_CHECK(cond, what)                                                    \
  do {                                                                                \
    if (!(cond)) {                                                                    \
      std::fprintf(stderr, "fuzz invariant broken at %s:%d: %s\n", __FILE__, __LINE__, \
                   what);                                                             \
      std::abort();                                                                   \
    }                                                                                 \
  } while (0)

namespace cqc::fuzz {

// The input as bytes.
inline std::string_view bytes(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// Takes the first byte of INPUT as a selector (0 when INPUT is empty).
inline unsigned take_selector(std::string_view& input) {
  if (input.empty()) return 0;
  const auto s = static_cast<unsigned char>(input.front());
  input.remove_prefix(1);
  return s;
}

}  // namespace cqc::fuzz
