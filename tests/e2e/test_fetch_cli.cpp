// End to end through the binary: fetch from the test server, index, search; change a
// document; refresh; the new text is found and the history shows both captures.
#include <doctest/doctest.h>

#include <fstream>

#include "archive/archive.hpp"
#include "run_cli.hpp"
#include "test_server.hpp"

using namespace cqc::test;

namespace {

std::string first_hit_url(const CliRun& r) {
  auto hits = r.json()->getArray("hits");
  return hits->size() ? hits->getObject(0)->getValue<std::string>("url") : "";
}

}  // namespace

TEST_CASE("fetch, index, search; change a document; refresh; search sees the new text") {
  TestServerOptions o;
  o.crawl_delay = false;
  TestServer server(CQC_SAMPLE_DIR, o);
  TempDir tmp;
  const std::string data = tmp / "data";
  const std::string allow = "127.0.0.1:" + std::to_string(server.port());
  const std::vector<std::string> polite_off = {"--allow", allow, "--delay-ms", "0", "--per-host", "4", "--json"};
  auto with = [&](std::vector<std::string> args) {
    args.insert(args.end(), polite_off.begin(), polite_off.end());
    return args;
  };

  auto fetched = run_cli(tmp, data, with({"fetch", server.url("/sitemap.xml")}));
  INFO(fetched.err);
  REQUIRE(fetched.code == 0);
  CHECK(fetched.json()->getValue<int>("failed") == 0);
  REQUIRE(run_cli(tmp, data, {"index"}).code == 0);
  CHECK(run_cli(tmp, data, {"search", "seclusion", "--json"}).json()->getValue<int>("total") >= 8);
  CHECK(run_cli(tmp, data, {"search", "zanzibar", "--json"}).json()->getValue<int>("total") == 0);

  std::string changed, unchanged, cosmetic;
  for (const auto& p : server.document_paths()) {
    if (p.rfind("/docs/news/", 0) != 0) continue;
    if (changed.empty()) changed = p;
    else if (unchanged.empty()) unchanged = p;
    else if (cosmetic.empty()) cosmetic = p;
  }
  REQUIRE(!cosmetic.empty());
  // New bytes, same text: a comment in the markup.
  std::string markup = server.document_body(cosmetic);
  markup.insert(markup.find("<head>") + 6, "<!-- served by a new template -->");
  server.set_document(cosmetic, markup, "text/html; charset=utf-8");
  std::string body = server.document_body(changed);
  const size_t p = body.find("<p>", body.find("<article"));
  REQUIRE(p != std::string::npos);
  body.insert(p + 3, "Inspectors later visited Zanzibar Ward. ");
  server.set_document(changed, body, "text/html; charset=utf-8");

  auto refreshed = run_cli(tmp, data, with({"refresh"}));
  REQUIRE(refreshed.code == 0);
  CHECK(refreshed.json()->getValue<int>("stored") >= 1);  // the document (and the sitemap if its lastmod moved)
  CHECK(refreshed.json()->getValue<int>("revisits") >= 40);
  auto indexed = run_cli(tmp, data, {"index", "--json"});
  CHECK(indexed.json()->getValue<int>("indexed") == 2);
  auto found = run_cli(tmp, data, {"search", "zanzibar", "--json"});
  CHECK(found.json()->getValue<int>("total") == 1);
  CHECK(first_hit_url(found) == server.url(changed));
  // The new version replaced the old in search: one document per URL.
  auto all = run_cli(tmp, data, {"search", "--json", "--limit", "0"});
  CHECK(all.json()->getValue<int>("total") == indexed.json()->getValue<int>("documents"));

  auto history = run_cli(tmp, data, {"history", server.url(changed), "--json"});
  auto caps = history.json()->getArray("captures");
  REQUIRE(caps->size() == 2);
  CHECK(caps->getObject(0)->getValue<std::string>("type") == "response");
  CHECK(caps->getObject(1)->getValue<std::string>("type") == "response");
  CHECK(caps->getObject(0)->getValue<std::string>("digest") != caps->getObject(1)->getValue<std::string>("digest"));
  auto same = run_cli(tmp, data, {"history", server.url(unchanged), "--json"}).json()->getArray("captures");
  REQUIRE(same->size() == 2);
  CHECK(same->getObject(1)->getValue<std::string>("type") == "revisit");
  CHECK(run_cli(tmp, data, {"verify"}).code == 0);

  // What changed (issue 12, point 6): the revised text is found by changed:, the cosmetic
  // change is not, and history --diff says what was altered.
  const std::string year = history.json()->getArray("captures")->getObject(1)->getValue<std::string>("time").substr(0, 4);
  auto revised = run_cli(tmp, data, {"search", "changed:any", "--json"});
  CHECK(revised.json()->getValue<int>("total") == 1);
  CHECK(first_hit_url(revised) == server.url(changed));
  CHECK(run_cli(tmp, data, {"search", "changed:" + year, "--json"}).json()->getValue<int>("total") == 1);
  CHECK(run_cli(tmp, data, {"search", "changed:1999", "--json"}).json()->getValue<int>("total") == 0);
  auto diff = run_cli(tmp, data, {"history", server.url(changed), "--diff", "--json"});
  INFO(diff.err);
  REQUIRE(diff.code == 0);
  CHECK_FALSE(diff.json()->getValue<bool>("identical"));
  CHECK(diff.json()->getValue<int>("altered") == 1);
  CHECK(diff.json()->getValue<int>("added") == 0);
  CHECK(diff.out.find("[\"+\",\"Zanzibar\"]") != std::string::npos);
  auto text = run_cli(tmp, data, {"history", server.url(changed), "--diff"});
  CHECK(text.out.find("{+Zanzibar+}") != std::string::npos);
  auto layout = run_cli(tmp, data, {"history", server.url(cosmetic), "--diff", "--json"});
  REQUIRE(layout.code == 0);
  CHECK(layout.json()->getValue<bool>("identical"));
  const std::string first = std::to_string(caps->getObject(0)->getValue<long>("id"));
  const std::string second = std::to_string(caps->getObject(1)->getValue<long>("id"));
  CHECK(run_cli(tmp, data, {"history", server.url(changed), "--diff", "--from", second, "--to", first, "--json"})
            .json()->getValue<int>("altered") == 1);
  CHECK(run_cli(tmp, data, {"history", server.url(changed), "--diff", "--from", "999999"}).code == 2);
  CHECK(run_cli(tmp, data, {"history", server.url(changed), "--from", first}).code == 2);
  CHECK(run_cli(tmp, data, {"history", server.url(unchanged), "--diff"}).code == 1);  // one version
}

TEST_CASE("fetch names the failing source and exits 1") {
  TestServerOptions o;
  o.crawl_delay = false;
  TestServer server(CQC_SAMPLE_DIR, o);
  TempDir tmp;
  auto r = run_cli(tmp, tmp / "data", {"fetch", "--allow", "127.0.0.1:" + std::to_string(server.port()),
                                       "--delay-ms", "0", "--retries", "0", server.url("/always-500")});
  CHECK(r.code == 1);
  CHECK(r.err.find(server.url("/always-500") + ": HTTP 500") != std::string::npos);
  CHECK(run_cli(tmp, tmp / "data", {"fetch", "file:///etc/passwd"}).code == 2);
  CHECK(run_cli(tmp, tmp / "data", {"fetch", "--allow", "nonsense", server.url("/")}).code == 2);
}

TEST_CASE("SIGKILL during fetch never leaves a catalog row without its record; a clean finish commits all") {
  TestServerOptions o;
  o.crawl_delay = false;
  o.response_delay = std::chrono::milliseconds(3);
  TestServer server(CQC_SAMPLE_DIR, o);
  TempDir tmp;
  const std::string data = tmp / "data";
  const int docs = 2000;
  std::string list;
  for (int i = 0; i < docs; ++i) list += server.url("/bench/" + std::to_string(i) + ".html") + "\n";
  const std::string sources = tmp.write("sources.txt", list);
  const std::vector<std::string> fetch = {"fetch", "--data", data, "--allow", "127.0.0.1:" + std::to_string(server.port()),
                                          "--no-robots", "--delay-ms", "0", "--per-host", "8", "--sources", sources};
  int killed = 0;
  std::uint64_t before = 0;
  for (int round = 0; round < 3; ++round) {
    killed += kill_during(fetch, data + "/archive/catalog.db", std::chrono::milliseconds(300 + 400 * round));
    auto verify = run_cli(tmp, data, {"verify", "--json"});
    INFO(verify.err);
    CHECK(verify.code == 0);  // every catalogued capture's record is there, digests intact
    const auto checked = verify.json()->getValue<std::uint64_t>("checked");
    CHECK(checked >= before);  // what was committed stays committed
    before = checked;
  }
  CHECK(killed >= 1);
  CHECK(before > 0);  // groups committed before a kill survive it
  auto finish = run_cli(tmp, data, {"fetch", "--json", "--allow", "127.0.0.1:" + std::to_string(server.port()),
                                    "--no-robots", "--delay-ms", "0", "--per-host", "8", "--sources", sources});
  INFO(finish.err);
  REQUIRE(finish.code == 0);
  auto verify = run_cli(tmp, data, {"verify", "--json"});
  CHECK(verify.code == 0);
  // A clean finish leaves nothing pending: every document catalogued, no bytes past the last
  // committed record.
  cqc::archive::Archive arc(data + "/archive", cqc::archive::Mode::read_write);
  CHECK(arc.recovered_bytes() == 0);
  CHECK(arc.catalog().latest().size() == static_cast<size_t>(docs));
  CHECK(arc.catalog().count() == verify.json()->getValue<std::uint64_t>("checked"));
}

TEST_CASE("refresh on a mistyped --data fails and creates nothing; fetch clears what a killed fetch left") {
  TestServerOptions o;
  o.crawl_delay = false;
  TestServer server("", o);
  TempDir tmp;
  const std::string typo = tmp / "no-such-data";
  auto r = run_cli(tmp, typo, {"refresh"});
  CHECK(r.code != 0);
  CHECK(r.err.find("no archive at " + typo) != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(typo));

  const std::string data = tmp / "data";
  std::filesystem::create_directories(data + "/archive/tmp");
  std::ofstream(data + "/archive/tmp/body-123.part") << "half a body";
  auto fetched = run_cli(tmp, data, {"fetch", "--allow", "127.0.0.1:" + std::to_string(server.port()), "--delay-ms", "0",
                                     server.url("/docs/builtin/news-1.html")});
  REQUIRE(fetched.code == 0);
  CHECK_FALSE(std::filesystem::exists(data + "/archive/tmp/body-123.part"));
  CHECK(fetched.err.find("removed 1 temporary file") != std::string::npos);

  // history finds the capture under other spellings of its URL.
  const std::string url = server.url("/docs/builtin/news-1.html");
  const std::string shouted = "HTTP://127.0.0.1:" + std::to_string(server.port()) + "/docs/builtin/news-1.html#top";
  auto h = run_cli(tmp, data, {"history", "--json", shouted});
  REQUIRE(h.code == 0);
  CHECK(h.json()->getArray("captures")->size() == 1);
  CHECK(run_cli(tmp, data, {"history", "--json", url}).json()->getArray("captures")->size() == 1);
}
