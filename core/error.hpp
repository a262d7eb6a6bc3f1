// The two exception types (ccache's pattern): Error a caller may handle, Fatal which the CLI
// prints and turns into an exit code. Messages name the file, URL or option at fault.
#pragma once
#include <stdexcept>
#include <string>

namespace cqc::core {

// A failure a caller may recover from.
class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A failure that ends the command. exit_code: 1 = operation failed, 2 = bad usage/input.
class Fatal : public std::runtime_error {
 public:
  explicit Fatal(const std::string& what, int exit_code = 1)
      : std::runtime_error(what), exit_code_(exit_code) {}
  int exit_code() const { return exit_code_; }

 private:
  int exit_code_;
};

// A usage error (bad option or query): exit code 2.
class UsageError : public Fatal {
 public:
  explicit UsageError(const std::string& what) : Fatal(what, 2) {}
};

}  // namespace cqc::core
