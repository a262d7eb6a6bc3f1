// A killed process leaves the archive and the index consistent: SIGKILL in the middle of
// `import` and `index`, then verify, and finish the job by running it again.
#include <doctest/doctest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <thread>

#include "run_cli.hpp"

using namespace cqc::test;

namespace {

// Starts cqc-archive ARGS, waits until STARTED exists (the command has begun writing), lets
// it run for DELAY more, then kills it with SIGKILL. Returns true when it was still running
// when killed (a real mid-write kill).
bool kill_during(const std::vector<std::string>& args, const std::string& started,
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

}  // namespace

TEST_CASE("SIGKILL during import and index loses nothing that was committed") {
  TempDir tmp;
  const std::string data = tmp / "data";
  const int files = 400;
  for (int i = 0; i < files; ++i)
    tmp.write("in/doc" + std::to_string(i) + ".html",
              "<html><head><title>Ward report " + std::to_string(i) + "</title></head><body><p>" +
                  std::string(20000, 'x') + " seclusion number" + std::to_string(i) + "</p></body></html>");
  int killed = 0;
  for (int round = 0; round < 3; ++round) {
    killed += kill_during({"import", "--data", data, tmp / "in"}, data + "/archive/catalog.db",
                          std::chrono::milliseconds(50 + 100 * round));
    auto verify = run_cli(tmp, data, {"verify", "--json"});
    INFO(verify.err);
    CHECK(verify.code == 0);
  }
  CHECK(killed >= 1);  // at least one kill landed mid-import
  auto finish = run_cli(tmp, data, {"import", "--json", tmp / "in"});
  REQUIRE(finish.code == 0);
  CHECK(finish.json()->getValue<int>("stored") + finish.json()->getValue<int>("unchanged") == files);
  auto verify = run_cli(tmp, data, {"verify", "--json"});
  CHECK(verify.code == 0);
  CHECK(verify.json()->getValue<int>("checked") == files);

  kill_during({"index", "--data", data, "--batch", "20"}, data + "/index", std::chrono::milliseconds(200));
  auto index = run_cli(tmp, data, {"index", "--json"});
  REQUIRE(index.code == 0);
  CHECK(index.json()->getValue<int>("documents") == files);
  CHECK(index.json()->getValue<int>("failed") == 0);
  auto search = run_cli(tmp, data, {"search", "seclusion", "--json", "--limit", "0"});
  CHECK(search.json()->getValue<int>("total") == files);
}
