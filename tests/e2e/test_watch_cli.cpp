// Saved searches from the command line, as cron would run them (issue 12, point 7): save a
// search, let the sources change (a new page, a revised page), refresh and index, and `watch
// report` lists exactly what is new or changed, exits 3, then 0 once it has been reported.
#include <doctest/doctest.h>

#include "run_cli.hpp"
#include "test_server.hpp"

using namespace cqc::test;

TEST_CASE("watch add, report (new and changed documents, exit codes), list, remove") {
  TestServerOptions o;
  o.crawl_delay = false;
  TestServer server(CQC_SAMPLE_DIR, o);
  TempDir tmp;
  const std::string data = tmp / "data";
  const std::vector<std::string> polite_off = {"--allow", "127.0.0.1:" + std::to_string(server.port()), "--delay-ms", "0",
                                               "--per-host", "4"};
  auto crawl = [&](std::vector<std::string> args) {
    args.insert(args.end(), polite_off.begin(), polite_off.end());
    return run_cli(tmp, data, args);
  };
  REQUIRE(crawl({"fetch", server.url("/sitemap.xml")}).code == 0);
  REQUIRE(run_cli(tmp, data, {"index"}).code == 0);

  auto saved = run_cli(tmp, data, {"watch", "add", "seclusion-news", "seclusion", "--kind", "news", "--json"});
  INFO(saved.err);
  REQUIRE(saved.code == 0);
  const int matching = saved.json()->getValue<int>("matching");
  CHECK(matching > 0);
  CHECK(run_cli(tmp, data, {"watch", "add", "seclusion-news", "restraint"}).code == 2);  // the name is taken
  CHECK(run_cli(tmp, data, {"watch", "add", "../evil", "x"}).code == 2);
  CHECK(run_cli(tmp, data, {"watch", "add", "bad-query", "titel:x"}).code == 2);
  auto nothing = run_cli(tmp, data, {"watch", "report", "--quiet"});
  CHECK(nothing.code == 0);
  CHECK(nothing.out.empty());

  // A new page about seclusion, and a revised one that already matched.
  server.set_document("/docs/news/new-seclusion-policy.html",
                      "<!doctype html><html><head><title>Trust publishes a new seclusion policy</title>"
                      "<meta property=\"article:published_time\" content=\"2026-11-20\"></head><body><main><article>"
                      "<h1>Trust publishes a new seclusion policy</h1><p>Leicestershire Partnership NHS Trust has "
                      "published a new policy on the use of seclusion on its mental health wards, after a review by "
                      "its board and an inspection by the Care Quality Commission.</p><p>Staff will be "
                      "trained on the policy over the winter.</p></article></main></body></html>",
                      "text/html; charset=utf-8");
  std::string sitemap = server.document_body("/sitemap.xml");  // the site lists its new page
  sitemap.insert(sitemap.rfind("</urlset>"), "  <url><loc>" + server.url("/docs/news/new-seclusion-policy.html") + "</loc></url>\n");
  server.set_document("/sitemap.xml", sitemap, "application/xml; charset=utf-8");
  auto hits = run_cli(tmp, data, {"search", "seclusion", "--kind", "news", "--json", "--limit", "1"}).json();
  const std::string revised = hits->getArray("hits")->getObject(0)->getValue<std::string>("url");
  const std::string path = revised.substr(revised.find("/docs/"));
  std::string body = server.document_body(path);
  const size_t p = body.find("<p>", body.find("<article"));
  REQUIRE(p != std::string::npos);
  body.insert(p + 3, "This report was updated after the trust asked for a correction. ");
  server.set_document(path, body, "text/html; charset=utf-8");
  REQUIRE(crawl({"refresh"}).code == 0);
  REQUIRE(run_cli(tmp, data, {"index"}).code == 0);

  auto peek = run_cli(tmp, data, {"watch", "report", "--no-mark", "--json"});
  CHECK(peek.code == 3);
  auto again = run_cli(tmp, data, {"watch", "report", "--json"});
  REQUIRE(again.code == 3);  // --no-mark left them unreported
  auto docs = again.json()->getArray("watches")->getObject(0)->getArray("documents");
  INFO(again.out);
  REQUIRE(docs->size() == 2);
  std::map<std::string, std::string> why;
  for (unsigned i = 0; i < docs->size(); ++i)
    why[docs->getObject(i)->getValue<std::string>("url")] = docs->getObject(i)->getValue<std::string>("why");
  CHECK(why[server.url("/docs/news/new-seclusion-policy.html")] == "new");
  CHECK(why[revised] == "changed");
  CHECK(again.json()->getArray("watches")->getObject(0)->getValue<int>("matching") == matching + 1);
  auto quiet = run_cli(tmp, data, {"watch", "report", "--quiet"});
  CHECK(quiet.code == 0);  // reported once: nothing new now
  CHECK(quiet.out.empty());

  auto listed = run_cli(tmp, data, {"watch", "list", "--json"}).json()->getArray("watches");
  REQUIRE(listed->size() == 1);
  CHECK(listed->getObject(0)->getValue<std::string>("query") == "seclusion");
  CHECK(run_cli(tmp, data, {"watch", "report", "nosuch"}).code == 1);
  CHECK(run_cli(tmp, data, {"watch", "frobnicate"}).code == 2);
  CHECK(run_cli(tmp, data, {"watch", "remove", "seclusion-news"}).code == 0);
  CHECK(run_cli(tmp, data, {"watch", "remove", "seclusion-news"}).code == 1);
  CHECK(run_cli(tmp, data, {"watch", "list", "--json"}).json()->getArray("watches")->size() == 0);
}
