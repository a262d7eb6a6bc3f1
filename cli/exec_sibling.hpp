// Handing a command over to another cqc-archive executable in the same folder.
#pragma once

namespace cqc::cli {

// Replaces this process with executable NAME from the folder this one was started from,
// given the same command line (process_argv()). Returns only by throwing core::Error, which
// names the executable and COMMAND, when it cannot be run.
[[noreturn]] void exec_sibling(const char* name, const char* command);

}  // namespace cqc::cli
