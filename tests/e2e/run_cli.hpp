// Running the real cqc-archive binary from tests: exit code, stdout and stderr.
#pragma once
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <thread>
#include <string>
#include <vector>

#include "temp_dir.hpp"

namespace cqc::test {

struct CliRun {
  int code = -1;
  std::string out, err;
  // stdout parsed as one JSON object.
  Poco::JSON::Object::Ptr json() const {
    Poco::JSON::Parser p;
    return p.parse(out).extract<Poco::JSON::Object::Ptr>();
  }
};

inline std::string shell_quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

// Runs cqc-archive with ARGS, with --data DATA, capturing output in files under TMP.
inline CliRun run_cli(const TempDir& tmp, const std::string& data, const std::vector<std::string>& args) {
  std::string cmd = shell_quote(CQC_BINARY);
  for (const auto& a : args) cmd += " " + shell_quote(a);
  if (!data.empty()) cmd += " --data " + shell_quote(data);
  cmd += " >" + shell_quote(tmp / "out.txt") + " 2>" + shell_quote(tmp / "err.txt") + " </dev/null";
  int status = std::system(cmd.c_str());
  CliRun r;
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = slurp(tmp / "out.txt");
  r.err = slurp(tmp / "err.txt");
  return r;
}

// Starts cqc-archive ARGS, waits until STARTED exists (the command has begun writing), lets
// it run for DELAY more, then kills it with SIGKILL. Returns true when it was still running
// when killed (a real mid-write kill).
inline bool kill_during(const std::vector<std::string>& args, const std::string& started,
                        std::chrono::milliseconds delay) {
  pid_t pid = ::fork();
  if (pid == 0) {
    std::vector<char*> argv{const_cast<char*>(CQC_BINARY)};
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    if (::freopen("/dev/null", "w", stdout) == nullptr || ::freopen("/dev/null", "w", stderr) == nullptr) _exit(127);
    ::execv(CQC_BINARY, argv.data());
    _exit(127);
  }
  int status = 0;
  for (int i = 0; i < 1000 && !std::filesystem::exists(started) && ::waitpid(pid, &status, WNOHANG) == 0; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  std::this_thread::sleep_for(delay);
  const bool running = ::waitpid(pid, &status, WNOHANG) == 0;
  ::kill(pid, SIGKILL);
  ::waitpid(pid, &status, 0);
  return running;
}

}  // namespace cqc::test
