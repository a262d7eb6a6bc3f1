// A killed process leaves the archive and the index consistent: SIGKILL in the middle of
// `import` and `index`, then verify, and finish the job by running it again.
#include <doctest/doctest.h>

#include "run_cli.hpp"

using namespace cqc::test;

TEST_CASE("SIGKILL during import and index loses nothing that was committed") {
  TempDir tmp;
  const std::string data = tmp / "data";
  const int files = 400;
  for (int i = 0; i < files; ++i)
    tmp.write("in/doc" + std::to_string(i) + ".html",
              "<html><head><title>Ward report " + std::to_string(i) + "</title></head><body><p>" +
                  std::string(20000, 'x') + " seclusion number" + std::to_string(i) + "</p></body></html>");
  int killed = 0, committed = 0;
  for (int round = 0; round < 3; ++round) {
    killed += kill_during({"import", "--data", data, tmp / "in"}, data + "/archive/catalog.db",
                          std::chrono::milliseconds(50 + 100 * round));
    auto verify = run_cli(tmp, data, {"verify", "--json"});
    INFO(verify.err);
    CHECK(verify.code == 0);  // every catalog row has its record (rows are committed after their records are synced)
    const int checked = verify.json()->getValue<int>("checked");
    CHECK(checked >= committed);  // a kill loses only the pending group, never a committed one
    committed = checked;
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
