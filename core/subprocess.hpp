// Running a helper program as a child process (no shell), with its output captured and its
// time, memory and output bounded: for work that must not endanger the calling process, such
// as the server asking `cqc-archive history --diff` to extract two captures' text.
#pragma once
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace cqc::core {

struct ProcessLimits {
  std::chrono::milliseconds timeout{60000};  // then the child is killed
  std::size_t max_output = 64u << 20;        // stdout and stderr together; beyond it, killed
  std::uint64_t max_memory = 2ull << 30;     // address space (RLIMIT_AS); 0 = unlimited
};

struct ProcessResult {
  int exit_code = -1;     // the child's exit status; -1 when it was killed or did not start
  bool timed_out = false; // killed at the timeout
  bool too_much = false;  // killed for writing more than max_output
  std::string out, err;   // what it wrote
};

// Runs ARGV[0] (a path) with arguments ARGV and waits for it within LIMITS. Safe to call from
// several threads (posix_spawn; the pipes are close-on-exec elsewhere). Throws core::Error when
// the program cannot be started.
ProcessResult run_process(const std::vector<std::string>& argv, const ProcessLimits& limits = {});

}  // namespace cqc::core
