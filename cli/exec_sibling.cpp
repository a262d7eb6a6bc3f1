#include "cli/exec_sibling.hpp"

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

}  // namespace

void exec_sibling(const char* name, const char* command) {
  const std::string path = own_folder() + "/" + name;
  ::execv(path.c_str(), process_argv());
  throw core::Error(std::string("cannot run ") + path + " for '" + command + "': " + std::strerror(errno) +
                    " (it is built and installed next to cqc-archive)");
}

}  // namespace cqc::cli
