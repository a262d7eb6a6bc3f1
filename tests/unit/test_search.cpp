// The query engine over a real Xapian database built with the indexer's document builder.
#include <doctest/doctest.h>

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <xapian.h>

#include "core/error.hpp"
#include "core/schema.hpp"
#include "indexer/document_builder.hpp"
#include "search/facet_spies.hpp"
#include "search/index_open.hpp"
#include "search/query.hpp"
#include "search/query_fields.hpp"
#include "search/search.hpp"
#include "search/wildcards.hpp"
#include "facet_count.hpp"
#include "temp_dir.hpp"

using namespace cqc;

namespace {

struct Spec {
  std::string uri, kind, title;
  std::vector<std::string> pages;
  std::vector<std::string> trusts, services, ratings;
  std::string inspected, published;
};

core::Date date(const std::string& iso) {
  return iso.empty() ? core::Date{} : *core::parse_iso_date(iso);
}

void build(const std::string& dir, const std::vector<Spec>& specs) {
  Xapian::WritableDatabase db(dir, Xapian::DB_CREATE_OR_OPEN);
  int id = 0;
  for (const Spec& s : specs) {
    archive::Capture c;
    c.id = ++id;
    c.uri = s.uri;
    c.mime = s.kind == "report" ? "application/pdf" : "text/html";
    c.digest = "sha1:" + std::to_string(id);
    indexer::Extraction e;
    e.format = s.kind == "report" ? "pdf" : "html";
    e.title = s.title;
    int n = s.kind == "report" ? 1 : 0;
    for (const auto& p : s.pages) e.pages.push_back({s.kind == "report" ? n++ : 0, p});
    indexer::Metadata m;
    m.kind = s.kind;
    m.trusts = s.trusts;
    m.services = s.services;
    m.ratings = s.ratings;
    if (!s.ratings.empty()) m.overall_rating = s.ratings[0];
    m.inspected_from = m.inspected_to = date(s.inspected);
    m.published = date(s.published);
    m.year = m.inspected_from.known() ? m.inspected_from.year : m.published.year;
    db.replace_document("Q" + schema::document_id(c.uri), indexer::build_document(c, e, m));
  }
  db.commit();
}

const std::vector<Spec> kDocs = {
    {"https://cqc.example/r1.pdf", "report", "Leicestershire Partnership NHS Trust inspection report",
     {"Overall summary of the visit.", "The seclusion room on Ward 3 was not clean."},
     {"RT5"}, {"acute-wards-picu"}, {"inadequate"}, "2019-06-11", "2019-09-04"},
    {"https://news.example/a", "trust-news", "Trust reviews seclusion practice",
     {"Managers reviewed seclusion practices after the inspection."},
     {"RT5"}, {}, {"requires-improvement"}, "", "2018-03-01"},
    {"https://news.example/b", "press", "Norfolk wards criticised",
     {"Inspectors found restraint and seclusion were overused."},
     {"RMY"}, {"acute-wards-picu"}, {"inadequate"}, "2016-10", "2016-12-01"},
    {"https://cqc.example/r2.pdf", "report", "Shrewsbury maternity report",
     {"Maternity services improved."}, {"RXW"}, {"maternity"}, {"good"}, "2021-03-02", "2021-06-30"},
    {"https://blog.example/c", "other", "A comment piece", {"Seclusion should be a last resort."},
     {}, {}, {}, "", ""},
};

std::vector<std::string> urls(const search::SearchResult& r) {
  std::vector<std::string> out;
  for (const auto& h : r.hits) out.push_back(h.url);
  return out;
}


struct Fixture {
  test::TempDir tmp;
  std::string dir = tmp / "index";
  Fixture() { build(dir, kDocs); }
  search::SearchResult run(const std::string& q, std::function<void(search::SearchRequest&)> f = {}) {
    search::Searcher s(dir);
    search::SearchRequest req;
    req.query = q;
    req.limit = 100;
    if (f) f(req);
    return s.search(req);
  }
};

}  // namespace

TEST_CASE_FIXTURE(Fixture, "free text matches stems; facets count the whole match set") {
  auto all = run("seclusion");
  CHECK(all.total == 4);
  auto page1 = run("seclusion", [](auto& r) { r.limit = 1; });
  CHECK(page1.hits.size() == 1);
  CHECK(page1.total == 4);
  CHECK(facet_count(page1, "trust", "RT5") == 2);
  CHECK(facet_count(page1, "trust", "RMY") == 1);
  CHECK(facet_count(page1, "rating", "inadequate") == 2);
  CHECK(facet_count(page1, "kind", "trust-news") == 1);
  CHECK(facet_count(page1, "kind", "press") == 1);
  CHECK(facet_count(page1, "year", "2019") == 1);
  CHECK(run("seclusions").total == 4);  // same stem
  CHECK(run("seclu*").total == 4);
}

TEST_CASE_FIXTURE(Fixture, "the timeline spans the archive's years with shares") {
  auto r = run("seclusion");
  REQUIRE(r.timeline.size() == 6);  // 2016..2021, 2017 and 2020 empty
  CHECK(r.timeline.front().year == 2016);
  CHECK(r.timeline.back().year == 2021);
  CHECK(r.timeline[1].count == 0);
  CHECK(r.timeline[1].documents == 0);
  CHECK(r.timeline[5].count == 0);
  CHECK(r.timeline[5].documents == 1);
  CHECK(r.timeline[3].count == 1);
  CHECK(r.timeline[3].share == doctest::Approx(1.0));
}

TEST_CASE_FIXTURE(Fixture, "filters from options and from the query text") {
  CHECK(run("seclusion", [](auto& r) { r.trusts = {"LPT"}; }).total == 2);
  CHECK(run("seclusion trust:RT5").total == 2);
  CHECK(run("trust:\"Norfolk and Suffolk NHS Foundation Trust\"").total == 1);
  CHECK(run("", [](auto& r) { r.trusts = {"RT5", "RMY"}; }).total == 3);
  CHECK(run("rating:inadequate").total == 2);
  CHECK(run("service:PICU rating:inadequate").total == 2);
  CHECK(run("kind:report").total == 2);
  CHECK(run("kind:press").total == 1);
  CHECK(run("kind:news").total == 2);  // news = cqc-press, trust-news or press
  CHECK(run("", [](auto& r) { r.kinds = {"news", "other"}; }).total == 3);
  CHECK_THROWS_AS(run("kind:blog"), core::UsageError);
  CHECK(run("year:2018").total == 1);
  CHECK(urls(run("inspected:2019-01-01..2019-12-31")) == std::vector<std::string>{"https://cqc.example/r1.pdf"});
  CHECK(run("inspected:2016").total == 1);
  CHECK(run("published:..2018").total == 2);
  CHECK(run("", [](auto& r) { r.from = "2019"; r.date_field = "published"; }).total == 2);
  CHECK(run("").total == 5);
}

TEST_CASE_FIXTURE(Fixture, "boolean operators, phrases and sorting") {
  CHECK(urls(run("\"seclusion room\"")) == std::vector<std::string>{"https://cqc.example/r1.pdf"});
  CHECK(run("seclusion NOT restraint").total == 3);
  CHECK(run("restraint OR maternity").total == 2);
  auto newest = urls(run("seclusion", [](auto& r) { r.sort = "newest"; }));
  REQUIRE(newest.size() == 4);
  CHECK(newest[0] == "https://cqc.example/r1.pdf");
  CHECK(newest[1] == "https://news.example/a");
  CHECK(newest[2] == "https://news.example/b");
  auto oldest = urls(run("seclusion", [](auto& r) { r.sort = "oldest"; }));
  CHECK(oldest[1] == "https://news.example/b");
}

TEST_CASE_FIXTURE(Fixture, "snippets mark matched words and give the PDF page") {
  auto r = run("seclusion trust:RT5 kind:report");
  REQUIRE(r.hits.size() == 1);
  CHECK(r.hits[0].page == 2);
  CHECK(r.hits[0].snippet.find("<mark>seclusion</mark>") != std::string::npos);
  CHECK(r.hits[0].trust_names == std::vector<std::string>{"Leicestershire Partnership NHS Trust"});
  CHECK(r.hits[0].inspected == "2019-06-11");
  CHECK(r.hits[0].year == 2019);
  auto news = run("restraint");
  REQUIRE(news.hits.size() == 1);
  CHECK(news.hits[0].page == 0);
}

TEST_CASE_FIXTURE(Fixture, "bad queries are usage errors that name the fault") {
  CHECK_THROWS_WITH_AS(run("trust:XYZ"), doctest::Contains("unknown trust 'XYZ'"), core::UsageError);
  CHECK_THROWS_WITH_AS(run("rating:superb"), doctest::Contains("unknown rating"), core::UsageError);
  CHECK_THROWS_WITH_AS(run("se*"), doctest::Contains("too broad"), core::UsageError);
  CHECK_THROWS_WITH_AS(run("inspected:2019-13"), doctest::Contains("bad date '2019-13'"), core::UsageError);
  CHECK_THROWS_WITH_AS(run("inspected:2020..2019"), doctest::Contains("ends before"), core::UsageError);
  // An unclosed quote runs to the end of the query, as Xapian reads a phrase.
  CHECK(run("service:\"acute wards").total == run("service:\"acute wards\"").total);
  CHECK_THROWS_AS(run(std::string(3000, 'a')), core::UsageError);
  CHECK_THROWS_AS(run("", [](auto& r) { r.sort = "random"; }), core::UsageError);
  CHECK_THROWS_AS(run("", [](auto& r) { r.years = {"19"}; }), core::UsageError);
  CHECK_THROWS_WITH_AS(run("seclusion AND"), doctest::Contains("cannot parse query"), core::UsageError);
  CHECK(run("zebra").total == 0);
}

TEST_CASE_FIXTURE(Fixture, "JSON output has the documented shape") {
  auto r = run("seclusion", [](auto& q) { q.limit = 2; });
  Poco::JSON::Parser p;
  auto o = p.parse(search::to_json(r)).extract<Poco::JSON::Object::Ptr>();
  CHECK(o->getValue<int>("total") == 4);
  auto hits = o->getArray("hits");
  REQUIRE(hits->size() == 2);
  auto h = hits->getObject(0);
  for (const char* key : {"id", "title", "url", "kind", "trusts", "services", "ratings", "inspected",
                          "published", "year", "page", "snippet"})
    CHECK_MESSAGE(h->has(key), key);
  auto facets = o->getObject("facets");
  for (const char* key : {"trust", "service", "rating", "year", "kind"}) CHECK_MESSAGE(facets->has(key), key);
  auto tl = o->getArray("timeline")->getObject(0);
  for (const char* key : {"year", "count", "documents", "share"}) CHECK_MESSAGE(tl->has(key), key);
}

TEST_CASE("canonical_fields lower-cases field names, leaves phrases alone and refuses unknown fields") {
  CHECK(search::canonical_fields("Seclusion Trust:RT5 WELL-LED:good \"Note:x\"") ==
        "Seclusion trust:RT5 wellled:good \"Note:x\"");
  CHECK(search::canonical_fields("see http://example.org and note: staff") == "see http://example.org and note: staff");
  CHECK_THROWS_WITH_AS(search::canonical_fields("titel:seclusion"), doctest::Contains("did you mean 'title:'"),
                       core::UsageError);
  CHECK_THROWS_WITH_AS(search::canonical_fields("seclusion trst:RT5"), doctest::Contains("did you mean 'trust:'"),
                       core::UsageError);
  CHECK(search::parse_date_range("2018..2019-06", "x") == std::make_pair(std::string("20180101"), std::string("20190630")));
  CHECK(search::parse_date_range("..2019", "x").first.empty());
}

TEST_CASE("trusts only mentioned in passing are neither filters nor facets, but are shown") {
  test::TempDir tmp;
  {
    Xapian::WritableDatabase db(tmp / "index", Xapian::DB_CREATE_OR_OPEN);
    archive::Capture c;
    c.uri = "https://news.example/buddy";
    c.mime = "text/html";
    indexer::Extraction e;
    e.format = "html";
    e.title = "Norfolk trust paired with a buddy";
    e.pages.push_back({0, "East London NHS Foundation Trust will act as buddy to the Norfolk trust."});
    indexer::Metadata m;
    m.kind = "news";
    m.trusts = {"RMY", "RWK"};
    m.mentioned_trusts = {"RWK"};
    m.key_question_ratings = {{"caring", "good"}};
    db.replace_document("Q" + schema::document_id(c.uri), indexer::build_document(c, e, m));
    db.commit();
  }
  search::Searcher s(tmp / "index");
  search::SearchRequest req;
  req.trusts = {"RMY"};
  auto about = s.search(req);
  REQUIRE(about.total == 1);
  CHECK(about.hits[0].trusts == std::vector<std::string>{"RMY"});
  CHECK(about.hits[0].mentioned_trusts == std::vector<std::string>{"RWK"});
  CHECK(about.hits[0].key_question_ratings == std::vector<std::pair<std::string, std::string>>{{"caring", "good"}});
  CHECK(facet_count(about, "trust", "RWK") == 0);
  req.trusts = {"RWK"};
  CHECK(s.search(req).total == 0);
}

TEST_CASE_FIXTURE(Fixture, "value-slot spies (remote shards) count and sort as the facet table does") {
  Xapian::Database db(dir);
  const search::FacetTable table(db);
  for (const char* q : {"seclusion", "", "inspect*"}) {
    CAPTURE(q);
    const Xapian::Stem stem("english");
    search::SearchRequest req;
    req.query = q;
    const Xapian::Query query = search::parse_request(req, db, stem).combined();
    std::vector<std::vector<Xapian::docid>> orders;
    std::vector<std::map<std::string, std::uint64_t>> counted[2];
    for (const search::FacetTable* t : {&table, static_cast<const search::FacetTable*>(nullptr)}) {
      Xapian::Enquire enq(db);
      enq.set_query(query);
      std::unique_ptr<search::SortDateKey> key;
      search::sort_by_date(enq, t, key, true);
      search::FacetCounting counting(t);
      counting.attach(enq);
      const Xapian::MSet m = enq.get_mset(0, 10, db.get_doccount());
      orders.emplace_back();
      for (auto it = m.begin(); it != m.end(); ++it) orders.back().push_back(*it);
      for (unsigned f = 0; f < search::kFacetFields; ++f)
        counted[t ? 0 : 1].push_back(counting.counts(static_cast<search::FacetField>(f)));
    }
    CHECK(orders[0] == orders[1]);
    CHECK(counted[0] == counted[1]);
    CHECK_FALSE(counted[0][search::kFacetTrust].empty());  // lists ("RT5\nRMY") split per item
  }
}

TEST_CASE("wildcards are marked for the parser's own expansion, outside phrases and fields only") {
  CHECK(search::mark_wildcards("Seclu* ward") == "cqcwildcard:seclu ward");
  CHECK(search::mark_wildcards("\"seclu* room\" -restr*") == "\"seclu* room\" -cqcwildcard:restr");
  CHECK(search::mark_wildcards("title:seclu* a*b") == "title:seclu* a*b");
  CHECK(search::mark_wildcards("(sec* OR res*)") == "(cqcwildcard:sec OR cqcwildcard:res)");
  CHECK(search::mark_wildcards("well-led* +safe*") == "well-led* +cqcwildcard:safe");
}

TEST_CASE_FIXTURE(Fixture, "a one-search process (no facet table) answers exactly as the server's searcher does") {
  search::IndexOptions one_shot{dir};
  one_shot.facet_table = false;
  search::Searcher with_table(dir), without(one_shot);
  int compared = 0;
  for (const char* q : {"seclusion", "", "inspect*", "seclusion OR maternity", "\"seclusion room\""})
    for (const char* sort : {"relevance", "newest", "oldest"})
      for (bool filtered : {false, true}) {
        search::SearchRequest req;
        req.query = q;
        req.sort = sort;
        if (filtered) req.trusts = {"RT5"};
        const std::string a = search::to_json(with_table.search(req)), b = search::to_json(without.search(req));
        CHECK_MESSAGE(a == b, q << " sort=" << sort << " filtered=" << filtered);
        compared += a.find("\"total\":0,") == std::string::npos;
      }
  CHECK(compared >= 20);  // most of the answers compared have matches
}
