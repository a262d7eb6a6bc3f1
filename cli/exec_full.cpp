// The commands cqc-archive leaves to cqc-archive-full: they need the HTML, PDF and HTTP
// libraries (gumbo, poppler, curl and theirs), whose loading and relocation cost tens of
// milliseconds at every start. Each replaces this process with cqc-archive-full from the same
// folder, given the same command line; the process id stays the same (signals still reach it).
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstring>
#include <string>

#include "cli/app.hpp"
#include "core/error.hpp"

namespace cqc::cli {
namespace {

// The folder this executable was started from.
std::string own_folder() {
  char buf[PATH_MAX];
  ssize_t n = ::readlink("/proc/self/exe", buf, sizeof buf - 1);
  if (n <= 0) return ".";
  std::string path(buf, static_cast<size_t>(n));
  const size_t slash = path.rfind('/');
  return slash == std::string::npos ? "." : path.substr(0, slash);
}

[[noreturn]] void exec_full(const char* command) {
  const std::string full = own_folder() + "/cqc-archive-full";
  char** argv = process_argv();
  ::execv(full.c_str(), argv);
  throw core::Error(std::string("cannot run ") + full + " for '" + command + "': " + std::strerror(errno) +
                    " (it is built and installed next to cqc-archive)");
}

}  // namespace

int cmd_index(const Args&, const Context&) { exec_full("index"); }
int cmd_fetch(const Args&, const Context&) { exec_full("fetch"); }
int cmd_refresh(const Args&, const Context&) { exec_full("refresh"); }
int cmd_history(const Args&, const Context&) { exec_full("history"); }
int cmd_serve(const Args&, const Context&) { exec_full("serve"); }

}  // namespace cqc::cli
