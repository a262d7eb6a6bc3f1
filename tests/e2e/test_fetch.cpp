// The fetcher against the loopback test server: real HTTP, real WARC files.
#include <doctest/doctest.h>
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <set>

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include "archive/archive.hpp"
#include "archive/export.hpp"
#include "archive/verify.hpp"
#include "fetch/crawler.hpp"
#include "indexer/indexer.hpp"
#include "search/search.hpp"
#include "temp_dir.hpp"
#include "quick_server.hpp"
#include "test_server.hpp"

using namespace cqc;
using cqc::test::TempDir;
using cqc::test::TestServer;

namespace {

// quick_server() with short slow and stalled answers.
test::TestServerOptions fetch_server() {
  test::TestServerOptions o = test::quick_server();
  o.huge_bytes = 3u << 20;
  o.slow_seconds = 20;
  o.stall_seconds = 20;
  return o;
}

struct Fetching {
  TempDir tmp;
  TestServer server{CQC_SAMPLE_DIR, fetch_server()};
  archive::Archive arc{tmp / "archive", archive::Mode::read_write};
  fetch::CrawlOptions opts;
  Fetching() {
    opts.fetch.per_host_delay = 0;
    opts.fetch.per_host_connections = 4;
    opts.fetch.backoff_base = 0.05;
    opts.fetch.temp_dir = tmp.path();
    opts.api_base = server.api_url("");
    opts.api_key = server.options().api_key;
    REQUIRE(opts.fetch.allow.add("127.0.0.1:" + std::to_string(server.port())));
  }
  fetch::CrawlSummary get(const std::vector<std::string>& paths) {
    std::vector<archive::Source> sources;
    for (const auto& p : paths) sources.push_back({"url", server.url(p)});
    return fetch::crawl(arc, sources, opts);
  }
  // Newest capture of PATH on the server, if any.
  std::optional<archive::Capture> latest(const std::string& path) {
    auto h = arc.catalog().history(server.url(path));
    if (h.empty()) return std::nullopt;
    return h.back();
  }
  bool failed_with(const fetch::CrawlSummary& s, const std::string& path, const std::string& words) {
    for (const auto& f : s.failures)
      if (f.find(server.url(path)) == 0 && f.find(words) != std::string::npos) return true;
    return false;
  }
};

}  // namespace

TEST_CASE_FIXTURE(Fetching, "a sitemap index leads to every listed document; robots.txt first") {
  auto s = get({"/sitemap_index.xml"});
  CHECK(s.failed == 0);
  CHECK(s.listed > 10);
  auto log = server.requests();
  REQUIRE(!log.empty());
  CHECK(log.front().path == "/robots.txt");
  CHECK(log.front().headers.at("User-Agent").find("cqc-archive") != std::string::npos);
  std::set<std::string> archived;
  for (const auto& c : arc.catalog().latest())
    if (c.status == 200) archived.insert(c.uri);
  std::size_t docs = 0;
  for (const auto& p : server.document_paths())
    if (p.rfind("/docs/", 0) == 0 && (p.ends_with(".pdf") || p.ends_with(".html"))) {
      ++docs;
      CHECK_MESSAGE(archived.count(server.url(p)), p);
    }
  CHECK(docs >= 40);
  CHECK(server.count("/private/secret.html") == 0);
  CHECK(archive::verify(arc).problems.empty());
}

TEST_CASE_FIXTURE(Fetching, "RSS and Atom feeds are followed; robots.txt disallow is obeyed") {
  auto s = get({"/feed.rss", "/feed.atom", "/private/secret.html"});
  CHECK(s.listed >= 4);
  CHECK(server.count("/private/secret.html") == 0);
  CHECK(failed_with(s, "/private/secret.html", "disallowed by"));
  CHECK(s.failed == 1);
}

TEST_CASE_FIXTURE(Fetching, "responses are stored exactly as received, with request records") {
  get({"/gzip.html"});
  auto c = latest("/gzip.html");
  REQUIRE(c);
  auto rec = arc.record(*c);
  REQUIRE(rec);
  CHECK(rec->get("WARC-Type") == "response");
  CHECK(rec->get("Content-Type") == "application/http;msgtype=response");
  CHECK(rec->get("WARC-Concurrent-To").starts_with("<urn:uuid:"));
  CHECK(rec->get("WARC-IP-Address") == "127.0.0.1");
  CHECK(rec->get("WARC-Payload-Digest") == c->digest);
  const size_t body = rec->block.find("\r\n\r\n") + 4;
  CHECK(rec->block.find("Content-Encoding: gzip") != std::string::npos);
  CHECK(rec->block.substr(body, 2) == "\x1f\x8b");  // still gzip: no decoding before storage
  auto payload = arc.payload(*c);
  REQUIRE(payload);
  CHECK(payload->find("<html") != std::string::npos);  // decoded for indexing
}

TEST_CASE_FIXTURE(Fetching, "redirects are followed hop by hop, within limits, to http(s) only") {
  auto s = get({"/redirect/3", "/redirect-loop", "/redirect-to-file", "/redirect-to-port",
                "/redirect-to-private"});
  auto hop = latest("/redirect/3");
  REQUIRE(hop);
  CHECK(hop->status == 302);
  CHECK(failed_with(s, "/redirect-loop", "too many redirects"));
  CHECK(failed_with(s, "/redirect-to-file", "only http and https"));
  const std::string other = "127.0.0.1:" + std::to_string(server.options().other_port);
  bool port_refused = false, private_refused = false;
  for (const auto& f : s.failures) {
    if (f.find(other) != std::string::npos && f.find("refused") != std::string::npos) port_refused = true;
    if (f.find("10.0.0.1") != std::string::npos && f.find("refused") != std::string::npos) private_refused = true;
  }
  CHECK(port_refused);
  CHECK(private_refused);
  CHECK_MESSAGE(s.failed == 4, [&] { std::string all; for (auto& f : s.failures) all += f + "\n"; return all; }());
  CHECK(archive::verify(arc).problems.empty());
}

TEST_CASE_FIXTURE(Fetching, "429 with Retry-After and 5xx are retried; lasting failures are reported") {
  const auto t0 = std::chrono::steady_clock::now();
  auto s = get({"/rate-limited", "/flaky", "/always-500"});
  const double waited = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  CHECK(latest("/rate-limited")->status == 200);
  CHECK(server.count("/rate-limited") == 2);
  CHECK(waited >= 1.0);  // Retry-After: 1 was honoured
  CHECK(latest("/flaky")->status == 200);
  CHECK(server.count("/flaky") == 3);
  CHECK(server.count("/always-500") == 1 + opts.fetch.retries);
  CHECK(failed_with(s, "/always-500", "HTTP 500"));
  CHECK(arc.catalog().failures(server.url("/always-500")).size() == 1);
}

TEST_CASE_FIXTURE(Fetching, "oversized, slow and stalled bodies are refused and never half-stored") {
  opts.fetch.max_body = 1u << 20;
  opts.fetch.low_speed_bytes = 100;
  opts.fetch.low_speed_seconds = 2;
  opts.fetch.total_timeout_ms = 4000;
  opts.fetch.retries = 0;
  const auto started = std::chrono::steady_clock::now();
  auto s = get({"/huge", "/huge-chunked", "/slow", "/stall", "/header-flood"});
  const double took = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  CHECK(failed_with(s, "/huge", "over the limit"));
  CHECK(failed_with(s, "/huge-chunked", "over the limit"));
  CHECK_MESSAGE(failed_with(s, "/header-flood", "response head is over the limit"), s.failures);
  CHECK(s.failed == 5);
  CHECK(took < 15);  // each ends at its limit (the total timeout is 4 s), not at the server's pace
  rusage self{};
  getrusage(RUSAGE_SELF, &self);
  CHECK(self.ru_maxrss < 512 * 1024);  // KiB: nothing was held whole (test server included)
  for (const char* p : {"/huge", "/huge-chunked", "/slow", "/stall", "/header-flood"}) {
    CHECK_MESSAGE(!latest(p), p);
    CHECK_MESSAGE(arc.catalog().failures(server.url(p)).size() == 1, p);
  }
  CHECK(archive::verify(arc).problems.empty());
}

TEST_CASE_FIXTURE(Fetching, "per-host politeness: one connection and a pause between requests") {
  opts.fetch.per_host_connections = 1;
  opts.fetch.per_host_delay = 0.3;
  get({"/feed.atom"});
  auto log = server.requests();
  REQUIRE(log.size() >= 4);
  CHECK(server.max_concurrent() == 1);
  for (size_t i = 1; i < log.size(); ++i) {
    double gap = std::chrono::duration<double>(log[i].received - log[i - 1].received).count();
    CHECK_MESSAGE(gap >= 0.29, "request " << i << " " << log[i].target << " came " << gap << " s after the one before");
  }
}

TEST_CASE_FIXTURE(Fetching, "without --allow, loopback is refused at connect time") {
  fetch::CrawlOptions strict = opts;
  strict.fetch.allow = fetch::AllowList();
  auto s = fetch::crawl(arc, {{"url", server.url("/feed.atom")}}, strict);
  CHECK(s.responses == 0);
  CHECK(server.requests().empty());
  CHECK(s.failed >= 1);
}

TEST_CASE_FIXTURE(Fetching, "the CQC API: provider, locations, reports with structured ratings") {
  auto s = fetch::crawl(arc, {{"cqc-provider", "RT5"}}, opts);
  CHECK(s.failed == 0);
  auto log = server.requests();
  for (const auto& r : log)
    if (r.path.rfind("/public/v1", 0) == 0) CHECK(r.headers.at("Ocp-Apim-Subscription-Key") == "test-key");
  std::size_t reports = 0;
  for (const auto& ref : TestServer::api_reports()) {
    auto h = arc.catalog().history(server.api_url(ref.report_uri));
    if (h.empty()) continue;
    ++reports;
    CHECK(h.back().mime == "application/pdf");
    const std::string meta = arc.catalog().metadata(h.back().id);
    CHECK(meta.find("\"source\":\"cqc-api\"") != std::string::npos);
    CHECK(meta.find(ref.link_id) != std::string::npos);
  }
  CHECK(reports >= 2);
  // The key is a secret: it must not be written into the archive.
  for (const auto& c : arc.catalog().all()) {
    auto rec = arc.record(c);
    REQUIRE(rec);
    CHECK(rec->block.find("test-key") == std::string::npos);
  }
}

TEST_CASE_FIXTURE(Fetching, "a wrong API key is reported as such") {
  opts.api_key = "wrong";
  auto s = fetch::crawl(arc, {{"cqc-provider", "RT5"}}, opts);
  CHECK(s.failed == 1);
  REQUIRE(s.failures.size() == 1);
  CHECK(s.failures[0].find("invalid subscription key") != std::string::npos);
  CHECK(s.failed_sources == std::vector<std::string>{"cqc-provider RT5"});
}

TEST_CASE_FIXTURE(Fetching, "refresh sends validators; 304 and unchanged bytes become revisits") {
  get({"/sitemap.xml"});
  std::string doc;
  for (const auto& p : server.document_paths())
    if (doc.empty() && p.rfind("/docs/", 0) == 0 && p.ends_with(".html")) doc = p;
  REQUIRE(!doc.empty());
  server.clear_log();
  auto s = fetch::refresh(arc, opts);
  CHECK(s.failed == 0);
  CHECK(s.stored == 0);
  CHECK(s.revisits == s.responses);  // robots.txt, the sitemap and every document
  bool conditional = false;
  for (const auto& r : server.requests())
    if (r.headers.count("If-None-Match")) conditional = true;
  CHECK(conditional);
  auto h = arc.catalog().history(server.url(doc));
  REQUIRE(h.size() == 2);
  CHECK(h[1].record_type == "revisit");
  CHECK(h[1].refers_to == h[0].id);
  CHECK(arc.payload(h[1]).value() == arc.payload(h[0]).value());

  // The sitemap is a source: re-read on refresh, so a new document is found.
  server.set_document("/docs/news/new-report-coverage.html",
                      "<html><head><title>New coverage</title></head><body><p>Fresh news.</p></body></html>",
                      "text/html; charset=utf-8");
  auto again = fetch::refresh(arc, opts);
  CHECK(again.failed == 0);
  CHECK(arc.catalog().history(server.url("/docs/news/new-report-coverage.html")).size() == 1);
}

TEST_CASE_FIXTURE(Fetching, "the index prefers the API's ratings and dates to the report's text") {
  REQUIRE(fetch::crawl(arc, {{"cqc-provider", "RT5"}}, opts).failed == 0);
  const std::string index = tmp / "index";
  indexer::index_archive(arc, index, {});
  search::Searcher searcher(index);
  std::size_t checked = 0;
  for (const auto& ref : TestServer::api_reports()) {
    auto h = arc.catalog().history(server.api_url(ref.report_uri));
    if (h.empty()) continue;
    Poco::JSON::Parser parser;
    auto meta = parser.parse(arc.catalog().metadata(h.back().id)).extract<Poco::JSON::Object::Ptr>();
    search::SearchRequest req;
    req.query = "";
    req.limit = 100;
    auto result = searcher.search(req);
    auto hit = std::find_if(result.hits.begin(), result.hits.end(),
                            [&](const search::Hit& x) { return x.url == server.api_url(ref.report_uri); });
    REQUIRE(hit != result.hits.end());
    INFO(ref.link_id);
    CHECK(hit->published == ref.report_date);
    CHECK((!hit->trusts.empty() && hit->trusts.front() == "RT5"));
    if (!meta->isNull("overall")) {
      std::string want = meta->getValue<std::string>("overall");
      for (auto& c : want) c = c == ' ' ? '-' : static_cast<char>(std::tolower(c));
      CHECK(hit->overall_rating == want);
    }
    ++checked;
  }
  CHECK(checked >= 3);
}

TEST_CASE_FIXTURE(Fetching, "a paged API list is followed page by page to every provider") {
  auto s = fetch::crawl(arc, {{"cqc-providers", "perPage=1"}}, opts);
  CHECK(s.failed == 0);
  for (const auto& id : TestServer::api_provider_ids())
    CHECK_MESSAGE(!arc.catalog().history(server.api_url("/providers/" + id)).empty(), id);
  CHECK(server.count("/public/v1/providers") == TestServer::api_provider_ids().size());
}

TEST_CASE("sources files: URLs and API sources, errors name the line") {
  TempDir tmp;
  const std::string good = tmp.write("sources.txt",
                                     "# news\nhttps://example.org/feed.rss  # the feed\n\ncqc-provider RT5\n"
                                     "cqc-providers perPage=100\n");
  auto sources = fetch::read_sources_file(good);
  REQUIRE(sources.size() == 3);
  CHECK(sources[0].kind == "url");
  CHECK(sources[0].value == "https://example.org/feed.rss");
  CHECK(sources[1].kind == "cqc-provider");
  CHECK(sources[1].value == "RT5");
  CHECK(sources[2].value == "perPage=100");
  const std::string bad = tmp.write("bad.txt", "https://example.org/\nftp://example.org/x\n");
  CHECK_THROWS_WITH(fetch::read_sources_file(bad), doctest::Contains("bad.txt line 2"));
}

TEST_CASE("a redirected robots.txt is followed; one that cannot be followed blocks the host") {
  for (const auto& [location, expect] :
       std::vector<std::pair<std::string, std::string>>{{"/robots-moved.txt", "disallowed by"},
                                                        {"file:///etc/robots.txt", "robots.txt"}}) {
    test::TestServerOptions o = fetch_server();
    o.robots_location = location;
    TestServer server(CQC_SAMPLE_DIR, o);
    TempDir tmp;
    archive::Archive arc(tmp / "archive", archive::Mode::read_write);
    fetch::CrawlOptions opts;
    opts.fetch.per_host_delay = 0;
    opts.fetch.temp_dir = tmp.path();
    REQUIRE(opts.fetch.allow.add("127.0.0.1:" + std::to_string(server.port())));
    // /docs/ is disallowed by the moved robots.txt; the feed is allowed but lists /docs/ pages.
    auto s = fetch::crawl(arc, {{"url", server.url("/docs/builtin/news-1.html")}}, opts);
    INFO(location);
    CHECK(s.failed == 1);
    REQUIRE(s.failures.size() == 1);
    CHECK(s.failures[0].find(expect) != std::string::npos);
    CHECK(server.count("/docs/builtin/news-1.html") == 0);
  }
}

TEST_CASE_FIXTURE(Fetching, "exported and imported elsewhere, API reports keep their structured ratings") {
  REQUIRE(fetch::crawl(arc, {{"cqc-provider", "RT5"}}, opts).failed == 0);
  std::vector<std::string> uris;
  for (const auto& c : arc.catalog().latest()) uris.push_back(c.uri);
  const std::string out = tmp / "rt5.warc.gz";
  auto sum = archive::export_warc(arc, uris, out, "test export");
  CHECK(sum.records >= uris.size());
  archive::Archive other(tmp / "other/archive", archive::Mode::read_write);
  auto imported = other.import_warc(out);
  CHECK(imported.skipped == 0);
  std::size_t with_metadata = 0;
  for (const auto& c : arc.catalog().latest()) {
    const std::string meta = arc.catalog().metadata(c.id);
    if (meta.empty()) continue;
    ++with_metadata;
    auto there = other.catalog().history(c.uri);
    REQUIRE(there.size() == 1);
    CHECK(there[0].record_id == c.record_id);
    CHECK(other.catalog().metadata(there[0].id) == meta);
  }
  CHECK(with_metadata >= 3);
}

TEST_CASE_FIXTURE(Fetching, "a sitemap index naming sitemap indexes is followed one level, not for ever") {
  auto s = get({"/nested-sitemap/0.xml"});
  CHECK(s.failed == 1);
  CHECK(failed_with(s, "/nested-sitemap/1.xml", "no nesting"));
  CHECK(server.count("/nested-sitemap/0.xml") == 1);
  CHECK(server.count("/nested-sitemap/1.xml") == 1);
  CHECK(server.count("/nested-sitemap/2.xml") == 0);
}

TEST_CASE_FIXTURE(Fetching, "a listing that inflates past the listing limit is reported, not parsed") {
  auto s = get({"/gzip-bomb.xml"});
  CHECK(s.failed == 1);
  CHECK(failed_with(s, "/gzip-bomb.xml", "decoded body larger than"));
  CHECK(latest("/gzip-bomb.xml").has_value());  // archived all the same, as received
}
