// CQC API data reaches the index whole: fetch providers from the loopback fake API, index,
// search. A rated location with no report becomes a document of kind "rating"; a report's
// key questions and location reach its hit; an impossible date pair is flagged, not trusted.
#include <doctest/doctest.h>
#include <xapian.h>

#include <algorithm>
#include <cstdlib>

#include "archive/archive.hpp"
#include "core/schema.hpp"
#include "fetch/crawler.hpp"
#include "indexer/indexer.hpp"
#include "run_cli.hpp"
#include "search/search.hpp"
#include "temp_dir.hpp"
#include "quick_server.hpp"
#include "test_server.hpp"

using namespace cqc;
using cqc::test::TempDir;
using cqc::test::TestServer;

namespace {

struct ApiIndex {
  TempDir tmp;
  TestServer server{"", test::quick_server()};
  archive::Archive arc{tmp / "archive", archive::Mode::read_write};
  std::vector<indexer::IndexEvent> events;
  indexer::IndexSummary summary;
  std::vector<search::Hit> hits;
  search::SearchResult all;

  ApiIndex() {
    fetch::CrawlOptions opts;
    opts.fetch.per_host_delay = 0;
    opts.fetch.per_host_connections = 4;
    opts.fetch.temp_dir = tmp.path();
    opts.api_base = server.api_url("");
    opts.api_key = server.options().api_key;
    REQUIRE(opts.fetch.allow.add("127.0.0.1:" + std::to_string(server.port())));
    REQUIRE(fetch::crawl(arc, {{"cqc-provider", "RT5"}, {"cqc-provider", "RMY"}}, opts).failed == 0);
    summary = indexer::index_archive(arc, tmp / "index", {}, {},
                                     [&](const indexer::IndexEvent& e) { events.push_back(e); });
    search::Searcher searcher(tmp / "index");
    search::SearchRequest all_docs;
    all_docs.limit = 100;
    all = searcher.search(all_docs);
    hits = all.hits;
  }
  const search::Hit* hit(const std::string& api_path) const {
    auto it = std::find_if(hits.begin(), hits.end(),
                           [&](const search::Hit& h) { return h.url == server.api_url(api_path); });
    return it == hits.end() ? nullptr : &*it;
  }
};

std::string report_path(const std::string& location) {
  for (const auto& ref : TestServer::api_reports())
    if (ref.owner_id == location) return ref.report_uri;
  return "";
}

}  // namespace

TEST_CASE_FIXTURE(ApiIndex, "a rated location with no report is a document of kind rating") {
  const search::Hit* h = hit("/locations/RT5X3");
  REQUIRE(h);
  CHECK(h->kind == "rating");
  CHECK(h->title == "Agnes Unit \u2014 CQC ratings");
  CHECK(h->location == "Agnes Unit");
  CHECK(h->location_id == "RT5X3");
  CHECK(h->trusts == std::vector<std::string>{"RT5"});
  CHECK(h->overall_rating == "requires-improvement");
  CHECK(h->published == "2021-03-05");
  CHECK(h->year == 2021);
  CHECK(h->key_question_ratings == std::vector<std::pair<std::string, std::string>>{
                                       {"safe", "inadequate"},
                                       {"effective", "requires-improvement"},
                                       {"caring", "good"},
                                       {"responsive", "requires-improvement"},
                                       {"well-led", "requires-improvement"}});
  REQUIRE(h->service_ratings.size() == 1);
  CHECK(h->service_ratings[0].service == "ld-autism-wards");
  CHECK(h->provenance.at("key_question_ratings") == "cqc-api");

  // The kind facet counts it and the XKIND term finds it (search's `kind:rating` is the
  // query vocabulary's business).
  auto kinds = std::find_if(all.facets.begin(), all.facets.end(), [](const search::Facet& f) { return f.name == "kind"; });
  REQUIRE(kinds != all.facets.end());
  auto rating = std::find_if(kinds->values.begin(), kinds->values.end(),
                             [](const search::FacetValue& v) { return v.value == "rating"; });
  REQUIRE(rating != kinds->values.end());
  CHECK(rating->count == 1);
  Xapian::Database db(tmp / "index");
  CHECK(db.get_termfreq(schema::boolean_term(schema::kKind, "rating")) == 1);
  CHECK(db.get_termfreq(schema::boolean_term(schema::kLocation, "RT5X3")) == 1);

  // Free text finds it by the location's name and its ratings' wording.
  search::Searcher searcher(tmp / "index");
  search::SearchRequest req;
  req.query = "Agnes";
  auto found = searcher.search(req);
  REQUIRE(found.total >= 1);
  CHECK(found.hits[0].url == server.api_url("/locations/RT5X3"));

  // Other API answers (providers, locations with reports, lists) are not documents.
  CHECK_FALSE(hit("/providers/RT5"));
  CHECK_FALSE(hit("/locations/RT5X1"));
}

TEST_CASE_FIXTURE(ApiIndex, "reports carry the API's key questions and their location's name") {
  const search::Hit* loc = hit(report_path("RT5X1"));
  REQUIRE(loc);
  CHECK(loc->kind == "report");
  CHECK(loc->location == "Bradgate Mental Health Unit");
  CHECK(loc->title.find("Bradgate Mental Health Unit") != std::string::npos);
  CHECK(loc->key_question_ratings.size() == 5);
  CHECK(loc->provenance.at("key_question_ratings") == "cqc-api");
  CHECK(loc->provenance.at("location") == "cqc-api");

  const search::Hit* trust = hit(report_path("RT5"));
  REQUIRE(trust);
  CHECK(trust->location.empty());  // a provider's report is the trust's
  CHECK(trust->key_question_ratings == std::vector<std::pair<std::string, std::string>>{
                                         {"safe", "requires-improvement"},
                                         {"effective", "requires-improvement"},
                                         {"caring", "good"},
                                         {"responsive", "good"},
                                         {"well-led", "requires-improvement"}});
}

TEST_CASE_FIXTURE(ApiIndex, "a report whose first visit is after its publication is flagged") {
  const std::string path = report_path("RMY03");
  const search::Hit* h = hit(path);
  REQUIRE(h);
  CHECK(h->published == "2023-04-01");
  CHECK(h->inspected.empty());
  CHECK(h->provenance.at("inspected").find("ignored, first visit 2023-05-02 after report 2023-04-01") !=
        std::string::npos);
  CHECK(h->year == 2023);
  CHECK(summary.warnings == 1);
  auto warning = std::find_if(events.begin(), events.end(), [](const indexer::IndexEvent& e) {
    return e.kind == indexer::IndexEvent::Kind::warning;
  });
  REQUIRE(warning != events.end());
  CHECK(warning->uri == server.api_url(path));
  CHECK(warning->reason == "inspected: cqc-api first visit 2023-05-02 after report 2023-04-01, ignored");
  for (const auto& e : events) CHECK(e.kind != indexer::IndexEvent::Kind::failed);
}

TEST_CASE("cqc-archive index prints the warning line and counts it in --json") {
  test::TestServerOptions o;
  o.crawl_delay = false;
  TestServer server("", o);
  TempDir tmp;
  const std::string data = tmp / "data";
  ::setenv("CQC_API_KEY", server.options().api_key.c_str(), 1);
  auto fetched = test::run_cli(tmp, data,
                               {"fetch", "--cqc-location", "RMY03", "--cqc-location", "RT5X3", "--api-base",
                                server.api_url(""), "--allow", "127.0.0.1:" + std::to_string(server.port()),
                                "--delay-ms", "0", "--json"});
  ::unsetenv("CQC_API_KEY");
  INFO(fetched.err);
  REQUIRE(fetched.code == 0);
  auto indexed = test::run_cli(tmp, data, {"index", "--json"});
  REQUIRE(indexed.code == 0);
  CHECK(indexed.json()->getValue<int>("warnings") == 1);
  CHECK(indexed.json()->getValue<int>("indexed") == 2);  // the report and RT5X3's ratings
  CHECK(indexed.err.find("warning " + server.api_url(report_path("RMY03")) +
                         ": inspected: cqc-api first visit 2023-05-02 after report 2023-04-01, ignored\n") !=
        std::string::npos);
  // Indexed once: a second run has nothing new to warn about.
  auto again = test::run_cli(tmp, data, {"index", "--json"});
  CHECK(again.json()->getValue<int>("warnings") == 0);
  CHECK(again.err.empty());
}
