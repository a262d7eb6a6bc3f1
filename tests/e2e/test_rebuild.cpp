// The archive is the system of record: an index rebuilt from it equals the one incremental
// runs built, whatever happened at the source (changes, 304s, identical bodies, 404, 410,
// redirects). A property test over random histories on the loopback site, and the cases the
// issue named, one by one.
#include <doctest/doctest.h>

#include <xapian.h>

#include <cstdlib>
#include <map>
#include <random>

#include "archive/archive.hpp"
#include "core/schema.hpp"
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

// A site of a few pages, an archive and the two indexes built from it.
struct Site {
  TempDir tmp;
  TestServer server{"", test::quick_server()};
  archive::Archive arc{tmp / "archive", archive::Mode::read_write};
  fetch::CrawlOptions opts;
  indexer::IndexOptions index_opts;
  std::vector<std::string> paths = {"/docs/p/a.html", "/docs/p/b.html", "/docs/p/c.html", "/docs/p/d.html"};
  std::map<std::string, int> version;

  Site() {
    opts.fetch.per_host_delay = 0;
    opts.fetch.backoff_base = 0.01;
    opts.fetch.retries = 0;
    opts.fetch.temp_dir = tmp.path();
    REQUIRE(opts.fetch.allow.add("127.0.0.1:" + std::to_string(server.port())));
    index_opts.workers = 1;
    for (const auto& p : paths) put(p, 0);
  }
  // Page PATH at version V: its own words, so every version is a different document.
  std::string body(const std::string& path, int v) const {
    return "<html><head><title>Ward " + path.substr(8, 1) + " report version " + std::to_string(v) +
           "</title></head><body><article><h1>Inspection of ward " + path.substr(8, 1) + "</h1><p>Version " +
           std::to_string(v) + " found seclusion records for patients in " + std::to_string(2015 + v) +
           ".</p></article></body></html>";
  }
  void put(const std::string& path, int v, const std::string& type = "text/html; charset=utf-8") {
    version[path] = v;
    server.set_document(path, body(path, v), type);
  }
  fetch::CrawlSummary crawl() {
    std::vector<archive::Source> sources;
    for (const auto& p : paths) sources.push_back({"url", server.url(p)});
    return fetch::crawl(arc, sources, opts);
  }
  indexer::IndexSummary index(const std::string& name) { return indexer::index_archive(arc, tmp / name, index_opts); }
};

// Every document of the index at DIR by unique id: Xapian's serialised form (terms with
// positions, values, data: everything but the docid).
std::map<std::string, std::string> documents(const std::string& dir) {
  Xapian::Database db(dir);
  std::map<std::string, std::string> out;
  const std::string q(schema::kUniqueId);
  for (auto t = db.allterms_begin(q); t != db.allterms_end(q); ++t) {
    Xapian::PostingIterator p = db.postlist_begin(*t);
    out[*t] = db.get_document(*p).serialise();
  }
  return out;
}

std::string source_of(const std::string& dir, const std::string& uri) {
  Xapian::Database db(dir);
  const std::string term = std::string(schema::kUniqueId) + schema::document_id(uri);
  Xapian::PostingIterator p = db.postlist_begin(term);
  if (p == db.postlist_end(term)) return "none";
  return db.get_document(*p).get_value(schema::kSlotSource);
}

unsigned env_number(const char* name, unsigned fallback) {
  const char* v = std::getenv(name);
  return v && *v ? static_cast<unsigned>(std::strtoul(v, nullptr, 10)) : fallback;
}

}  // namespace

TEST_CASE("fetch, refresh (all 304), then a rebuild keeps every document") {
  Site s;
  REQUIRE(s.crawl().failed == 0);
  const auto first = s.index("first");
  CHECK(first.indexed == s.paths.size());
  auto r = fetch::refresh(s.arc, s.opts);
  REQUIRE(r.failed == 0);
  CHECK(r.revisits == s.paths.size() + 1);  // and robots.txt
  CHECK(r.stored == 0);
  auto rebuilt = s.index("rebuilt");
  CHECK(rebuilt.indexed == s.paths.size());
  CHECK(rebuilt.unsupported == first.unsupported);  // robots.txt (text/plain)
  CHECK(documents(s.tmp / "rebuilt") == documents(s.tmp / "first"));
  auto again = s.index("first");
  CHECK(again.indexed == 0);
  CHECK(again.unchanged == s.paths.size());
}

TEST_CASE("a page gone at its source stays, marked removed, and comes back when restored") {
  Site s;
  REQUIRE(s.crawl().failed == 0);
  s.index("inc");
  s.server.remove_document("/docs/p/a.html");  // 404
  s.server.set_status("/docs/p/b.html", 410);
  fetch::refresh(s.arc, s.opts);
  auto after = s.index("inc");
  CHECK(after.indexed == 2);
  CHECK(after.documents == s.paths.size());
  CHECK(source_of(s.tmp / "inc", s.server.url("/docs/p/a.html")).find(" 404 ") != std::string::npos);
  CHECK(source_of(s.tmp / "inc", s.server.url("/docs/p/b.html")).find(" 410 ") != std::string::npos);
  CHECK(source_of(s.tmp / "inc", s.server.url("/docs/p/c.html")).find(" 0 -") != std::string::npos);

  search::Searcher searcher(s.tmp / "inc");
  search::SearchRequest req;
  req.query = "seclusion source:removed";
  auto removed = searcher.search(req);
  CHECK(removed.total == 2);
  for (const auto& h : removed.hits) {
    CHECK((h.removed_status == 404 || h.removed_status == 410));
    CHECK(h.removed_since.size() == 20);  // a WARC date
  }
  req.query = "seclusion source:live";
  CHECK(searcher.search(req).total == 2);
  req.query = "seclusion source:gone";
  CHECK_THROWS_WITH_AS(searcher.search(req), doctest::Contains("live, or removed"), std::exception);

  // A second 404 keeps the date it was first seen gone; the page coming back clears it.
  const std::string first_gone = source_of(s.tmp / "inc", s.server.url("/docs/p/a.html"));
  fetch::refresh(s.arc, s.opts);
  CHECK(s.index("inc").indexed == 0);
  CHECK(source_of(s.tmp / "inc", s.server.url("/docs/p/a.html")) == first_gone);
  s.put("/docs/p/a.html", 0);
  fetch::refresh(s.arc, s.opts);
  CHECK(s.index("inc").indexed == 1);
  CHECK(source_of(s.tmp / "inc", s.server.url("/docs/p/a.html")).find(" 0 -") != std::string::npos);
  CHECK(documents(s.tmp / "inc") == documents((s.index("rebuilt"), s.tmp / "rebuilt")));
}

TEST_CASE("property: for random source histories, rebuild (one database or two shards) equals incremental") {
  // CQC_PROPERTY_RUNS and CQC_PROPERTY_SEED widen or replay the search.
  const unsigned runs = env_number("CQC_PROPERTY_RUNS", 20);
  const unsigned seed = env_number("CQC_PROPERTY_SEED", 20261201);
  std::mt19937 rng(seed);
  std::map<std::string, unsigned> ops_seen;
  for (unsigned run = 0; run < runs; ++run) {
    CAPTURE(seed);
    CAPTURE(run);
    Site s;
    REQUIRE(s.crawl().failed == 0);
    std::string trace;
    const unsigned steps = 4 + rng() % 8;
    for (unsigned step = 0; step < steps; ++step) {
      const std::string& path = s.paths[rng() % s.paths.size()];
      const std::string& other = s.paths[rng() % s.paths.size()];
      std::string op;
      switch (rng() % 10) {
        case 0: op = "change"; s.put(path, s.version[path] + 1); break;
        case 1: op = "identical";  // the same bytes with new validators: a 200, not a 304
          s.put(path, s.version[path], rng() % 2 ? "text/html" : "text/html; charset=utf-8"); break;
        case 2: op = "404"; s.server.remove_document(path); break;
        case 3: op = "410"; s.server.set_status(path, 410); break;
        case 4: op = "redirect"; if (other != path) s.server.set_status(path, 301, s.server.url(other)); break;
        case 5: op = "restore"; s.put(path, s.version[path]); break;
        case 6: op = "500"; s.server.set_status(path, 500); break;
        case 7: op = "index"; s.index("inc"); break;
        case 8: {  // a copy of the page imported from disk under its URL: a resource record
          op = "import";
          const int v = s.version[path] + static_cast<int>(rng() % 2);
          s.arc.import_file(s.tmp.write("files/" + std::to_string(step) + ".html", s.body(path, v)), s.server.url(path),
                            "text/html");
          s.arc.commit();
          break;
        }
        default: op = "refresh"; fetch::refresh(s.arc, s.opts); break;
      }
      ++ops_seen[op];
      trace += op + (op == "index" || op == "refresh" ? "" : " " + path.substr(8, 1)) + "; ";
    }
    fetch::refresh(s.arc, s.opts);
    s.index("inc");
    s.index("rebuilt");
    CAPTURE(trace);
    const auto incremental = documents(s.tmp / "inc");
    const auto rebuilt = documents(s.tmp / "rebuilt");
    CHECK(incremental.size() == rebuilt.size());
    CHECK(incremental == rebuilt);
    CHECK(incremental.size() == s.paths.size());  // every page had a document once: none lost
    // Split in two shards, the same documents again.
    indexer::IndexOptions split = s.index_opts;
    split.shards = 2;
    indexer::index_archive(s.arc, s.tmp / "split", split);
    CHECK(documents(s.tmp / "split") == rebuilt);
  }
  MESSAGE("property test: " << runs << " random histories, seed " << seed);
  for (const char* op : {"change", "identical", "404", "410", "redirect", "restore", "import", "index", "refresh"})
    CHECK_MESSAGE(ops_seen[op] > 0, "operation never drawn: " << op);
}

TEST_CASE("new ratings from the API with an unchanged report are indexed, and a rebuild agrees") {
  TempDir tmp;
  archive::Archive arc(tmp / "archive", archive::Mode::read_write);
  const std::string body = tmp.write("body.html",
                                     "<html><head><title>Inspection report</title></head><body><article><h1>Ward 9"
                                     "</h1><p>The seclusion room was inspected in March.</p></article></body></html>");
  auto exchange = [&](const std::string& status_line, const std::string& overall) {
    archive::HttpExchange x;
    x.uri = "https://api.example/reports/abc";
    x.request_head = "GET /reports/abc HTTP/1.1\r\nHost: api.example\r\n\r\n";
    x.response_head = status_line + "\r\nContent-Type: text/html\r\nETag: \"r1\"\r\n\r\n";
    x.body_path = status_line.find("304") != std::string::npos ? "" : body;
    x.metadata_json = R"({"source":"cqc-api","provider":"RT5","overall":")" + overall + R"("})";
    return arc.store_http(x);
  };
  exchange("HTTP/1.1 200 OK", "Good");
  indexer::IndexOptions o;
  o.workers = 1;
  indexer::index_archive(arc, tmp / "inc", o);
  auto overall = [&](const std::string& index) {
    search::Searcher s(index);
    search::SearchRequest req;
    req.query = "seclusion";
    auto r = s.search(req);
    return r.hits.empty() ? std::string("none") : r.hits[0].overall_rating;
  };
  CHECK(overall(tmp / "inc") == "good");
  CHECK(exchange("HTTP/1.1 304 Not Modified", "Inadequate").status == archive::ImportStatus::revisit);
  CHECK(indexer::index_archive(arc, tmp / "inc", o).indexed == 1);
  CHECK(overall(tmp / "inc") == "inadequate");
  exchange("HTTP/1.1 304 Not Modified", "Inadequate");  // the same ratings again: nothing to do
  CHECK(indexer::index_archive(arc, tmp / "inc", o).indexed == 0);
  indexer::index_archive(arc, tmp / "rebuilt", o);
  CHECK(documents(tmp / "inc") == documents(tmp / "rebuilt"));
}
