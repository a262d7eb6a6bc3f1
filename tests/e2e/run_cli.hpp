// Running the real cqc-archive binary from tests: exit code, stdout and stderr.
#pragma once
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <sys/wait.h>

#include <cstdlib>
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

}  // namespace cqc::test
