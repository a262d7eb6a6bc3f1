// Versions of a document (issue 12, point 6) over HTTP: the document page lists them, the diff
// page shows the altered paragraph (computed by the real binary as a child process), the
// changed facet and filter find the revised document.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "http_client.hpp"

using cqc::test::http;

namespace {

const char* const kUrl = "https://sample.cqc-archive.test/news/rmy-2016-out-of-special-measures.html";

// Imports a second version of one sample news page: one sentence altered, one paragraph added.
void revise(const cqc::test::TempDir& tmp, const std::string& data) {
  const std::string rel = "news/rmy-2016-out-of-special-measures.html";
  std::string page = cqc::test::slurp(std::string(CQC_SAMPLE_DIR) + "/" + rel);
  const std::string said = "deserved credit for the progress";
  const size_t at = page.find(said);
  REQUIRE(at != std::string::npos);
  page.replace(at, said.size(), "deserved credit for the steady progress");
  const size_t close = page.find("</p>", at);
  page.insert(close + 4, "<p>This article was corrected after publication: the ward names were wrong.</p>");
  std::filesystem::create_directories(tmp / "v2/news");
  std::ofstream(tmp / ("v2/" + rel)) << page;
  auto imp = cqc::test::run_cli(tmp, data, {"import", "--base-url", "https://sample.cqc-archive.test/", tmp / "v2"});
  REQUIRE(imp.code == 0);
  REQUIRE(cqc::test::run_cli(tmp, data, {"index"}).code == 0);
}

}  // namespace

TEST_CASE("the document page lists versions; the diff page shows what changed; changed: finds it") {
  cqc::test::TempDir tmp;
  const std::string data = tmp / "data";
  cqc::test::build_sample(tmp, data);
  revise(tmp, data);
  cqc::search::http::ServerOptions o;
  o.port = 0;
  o.program = CQC_BINARY;
  cqc::search::http::Server server(data, o);
  server.start();
  const unsigned port = server.port();

  auto found = http(port, "/api/search?changed=any").json();
  REQUIRE(found->getValue<int>("total") == 1);
  auto hit = found->getArray("hits")->getObject(0);
  CHECK(hit->getValue<std::string>("url") == kUrl);
  const std::string id = hit->getValue<std::string>("id");
  CHECK(http(port, "/api/search?q=changed:any").json()->getValue<int>("total") == 1);
  auto facet = http(port, "/api/search").json()->getObject("facets")->getArray("changed");
  REQUIRE(facet->size() == 1);
  CHECK(facet->getObject(0)->getValue<int>("count") == 1);

  auto doc = http(port, "/api/documents/" + id).json();
  auto versions = doc->getArray("versions");
  REQUIRE(versions->size() == 2);
  CHECK(versions->getObject(0)->isNull("text_changed"));
  CHECK(versions->getObject(1)->getValue<bool>("text_changed"));

  auto page = http(port, "/documents/" + id);
  CHECK(page.body.find("Versions of the text") != std::string::npos);
  CHECK(page.body.find("/documents/" + id + "/diff?from=") != std::string::npos);

  auto diff = http(port, "/documents/" + id + "/diff");
  INFO(diff.body);
  REQUIRE(diff.status == 200);
  CHECK(diff.body.find("1 added, 0 removed, 1 altered") != std::string::npos);
  CHECK(diff.body.find("<ins>steady</ins>") != std::string::npos);
  CHECK(diff.body.find("<ins>This article was corrected after publication") != std::string::npos);
  CHECK(diff.head.get("Content-Security-Policy").find("script-src") == std::string::npos);  // no script at all

  // A capture of another URL, a bad number, an unknown parameter; a document with one version.
  CHECK(http(port, "/documents/" + id + "/diff?from=1&to=2").status == 400);
  CHECK(http(port, "/documents/" + id + "/diff?from=x").status == 400);
  CHECK(http(port, "/documents/" + id + "/diff?colour=red").status == 400);
  const std::string single = http(port, "/api/search?q=seclusion&per_page=1").json()->getArray("hits")->getObject(0)->getValue<std::string>("id");
  CHECK(http(port, "/documents/" + single + "/diff").status == 404);

  // Without the program the page says it cannot compare.
  o.program.clear();
  cqc::search::http::Server bare(data, o);
  bare.start();
  CHECK(http(bare.port(), "/documents/" + id + "/diff").status == 503);
}
