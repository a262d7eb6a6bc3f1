// The query language's filters (issue 12, points 3 and 4): ratings as the CQC gives them,
// filters under NOT/OR/'-', unknown fields, loose trust names, disjunctive facet counts,
// accent folding and "did you mean", on a real Xapian index built by the indexer's code.
#include <doctest/doctest.h>
#include <xapian.h>

#include <algorithm>
#include <functional>

#include "archive/catalog.hpp"
#include "core/schema.hpp"
#include "core/error.hpp"
#include "indexer/document_builder.hpp"
#include "indexer/shard_writer.hpp"
#include "search/search.hpp"
#include "facet_count.hpp"
#include "temp_dir.hpp"

using namespace cqc;

namespace {

struct Doc {
  std::string uri, title, text, trust, overall;
  std::vector<indexer::ServiceRating> services;
  std::vector<indexer::KeyQuestionRating> questions;
};

// Four reports: only the first is inadequate overall; the second is inadequate only for
// acute wards; the third only for "safe"; the fourth has no inadequate rating at all.
const std::vector<Doc> kDocs = {
    {"https://cqc.example/a.pdf", "Ward report A", "Seclusion was used often on the ward.", "RT5", "inadequate",
     {{"acute-wards-picu", "inadequate"}}, {{"safe", "inadequate"}, {"well-led", "inadequate"}}},
    {"https://cqc.example/b.pdf", "Ward report B", "Seclusion records were incomplete; the café was closed.", "RMY",
     "requires-improvement", {{"acute-wards-picu", "inadequate"}, {"community-mh-adults", "good"}},
     {{"safe", "requires-improvement"}}},
    {"https://cqc.example/c.pdf", "Ward report C", "Restraint and seclusion were reviewed by managers.", "RXW",
     "requires-improvement", {{"community-mh-adults", "requires-improvement"}}, {{"safe", "inadequate"}}},
    {"https://cqc.example/d.pdf", "Ward report D", "Maternity services were caring and responsive.", "RT5", "good",
     {{"maternity", "good"}}, {{"caring", "outstanding"}}},
};

struct Index {
  test::TempDir tmp;
  std::string dir = tmp / "index";
  Index() {
    Xapian::WritableDatabase db(dir, Xapian::DB_CREATE_OR_OPEN);
    int id = 0;
    for (const Doc& d : kDocs) {
      archive::Capture c;
      c.id = ++id;
      c.uri = d.uri;
      c.mime = "application/pdf";
      c.digest = "sha1:" + std::to_string(id);
      indexer::Extraction e;
      e.format = "pdf";
      e.title = d.title;
      e.pages.push_back({1, d.text});
      indexer::Metadata m;
      m.kind = "report";
      m.trusts = {d.trust};
      m.overall_rating = d.overall;
      m.service_ratings = d.services;
      m.key_question_ratings = d.questions;
      for (const auto& s : d.services) m.services.push_back(s.service);
      m.ratings = {d.overall};
      for (const auto& s : d.services) m.ratings.push_back(s.rating);
      m.inspected_from = m.inspected_to = *core::parse_iso_date("2019-0" + std::to_string(id) + "-01");
      m.year = 2019;
      const Xapian::Document doc = indexer::build_document(c, e, m);
      indexer::add_spelling_words(db, doc);
      db.replace_document("Q" + schema::document_id(c.uri), doc);
    }
    db.commit();
  }
  search::SearchResult run(const std::string& q, std::function<void(search::SearchRequest&)> f = {}) {
    search::Searcher s(dir);
    search::SearchRequest req;
    req.query = q;
    req.limit = 100;
    if (f) f(req);
    return s.search(req);
  }
  std::vector<std::string> titles(const std::string& q, std::function<void(search::SearchRequest&)> f = {}) {
    std::vector<std::string> out;
    for (const auto& h : run(q, f).hits) out.push_back(h.title.substr(h.title.size() - 1));
    std::sort(out.begin(), out.end());
    return out;
  }
};

using Titles = std::vector<std::string>;


}  // namespace

TEST_CASE_FIXTURE(Index, "overall, service and key question ratings are separate filters") {
  CHECK(titles("rating:inadequate") == Titles{"A", "B"});  // anywhere: overall or a service
  CHECK(titles("overall:inadequate") == Titles{"A"});
  CHECK(titles("overall:\"requires improvement\"") == Titles{"B", "C"});
  CHECK(titles("overall:ri") == Titles{"B", "C"});
  CHECK(titles("service:\"acute wards:inadequate\"") == Titles{"A", "B"});
  CHECK(titles("service:\"community-based mental health services for adults of working age:good\"") == Titles{"B"});
  CHECK(titles("safe:inadequate") == Titles{"A", "C"});
  CHECK(titles("well-led:inadequate") == Titles{"A"});
  CHECK(titles("Safe:Inadequate caring:outstanding").empty());
  CHECK(titles("", [](auto& r) { r.overall = {"good"}; }) == Titles{"D"});
  CHECK(titles("", [](auto& r) { r.service_ratings = {"maternity:good"}; }) == Titles{"D"});
  CHECK(titles("", [](auto& r) { r.key_questions = {"safe:inadequate", "caring:outstanding"}; }) == Titles{"A", "C", "D"});
}

TEST_CASE_FIXTURE(Index, "filters combine with NOT, OR and '-' as words do") {
  CHECK(titles("seclusion NOT trust:RT5") == Titles{"B", "C"});
  CHECK(titles("seclusion -trust:RT5") == Titles{"B", "C"});
  CHECK(titles("-trust:RT5") == Titles{"B", "C"});
  CHECK(titles("-trust:RT5 -trust:RMY") == Titles{"C"});
  CHECK(titles("NOT overall:good") == Titles{"A", "B", "C"});
  CHECK(titles("trust:RT5 OR trust:RMY") == Titles{"A", "B", "D"});
  CHECK(titles("seclusion (trust:RT5 OR overall:ri)") == Titles{"A", "B", "C"});
  CHECK(titles("trust:RT5 trust:RMY") == Titles{"A", "B", "D"});  // one field twice: either
  CHECK(titles("trust:RT5 overall:good") == Titles{"D"});          // two fields: both
  CHECK(titles("-seclusion") == Titles{"D"});
}

TEST_CASE_FIXTURE(Index, "unknown fields and values are errors that suggest the right one") {
  CHECK_THROWS_WITH_AS(run("titel:seclusion"), doctest::Contains("did you mean 'title:'"), core::UsageError);
  CHECK_THROWS_WITH_AS(run("ovrall:good"), doctest::Contains("did you mean 'overall:'"), core::UsageError);
  CHECK_THROWS_WITH_AS(run("safe:superb"), doctest::Contains("unknown rating 'superb' in safe"), core::UsageError);
  CHECK_THROWS_WITH_AS(run("trust:Norfolk"), doctest::Contains("Norfolk and Suffolk NHS Foundation Trust (RMY)"),
                       core::UsageError);
  CHECK_THROWS_WITH_AS(run("trust:Shrewsbry"), doctest::Contains("did you mean Shrewsbury and Telford"), core::UsageError);
  CHECK_THROWS_WITH_AS(run("service:\"community mental health\""), doctest::Contains("fits"), core::UsageError);
  CHECK_THROWS_WITH_AS(run("", [](auto& r) { r.service_ratings = {"maternity"}; }), doctest::Contains("needs a rating"),
                       core::UsageError);
  CHECK(titles("records: seclusion") == Titles{"B"});  // a colon and a space: words, not a field
}

TEST_CASE_FIXTURE(Index, "trust names resolve from parts, abbreviations and curly apostrophes") {
  CHECK(titles("trust:\"Norfolk and Suffolk\"") == Titles{"B"});
  CHECK(titles("trust:Shrewsbury") == Titles{"C"});
  CHECK(titles("trust:sath") == Titles{"C"});
  CHECK(run("trust:\"King\u2019s College Hospital\"").total == 0);  // resolves (RJZ), no documents
  CHECK(run("", [](auto& r) { r.trusts = {"Guy\u2019s and St Thomas\u2019"}; }).total == 0);
}

TEST_CASE_FIXTURE(Index, "a facet with a filter of its own keeps the other values' counts") {
  const auto r = run("seclusion", [](auto& q) { q.overall = {"inadequate"}; });
  CHECK(r.total == 1);
  CHECK(facet_count(r, "overall", "inadequate") == 1);
  CHECK(facet_count(r, "overall", "requires-improvement") == 2);  // counted without the overall filter
  CHECK(facet_count(r, "trust", "RMY") == 0);                      // other facets: within the filter
  CHECK(facet_count(r, "trust", "RT5") == 1);
  const auto y = run("", [](auto& q) { q.years = {"2019"}; q.trusts = {"RT5"}; });
  CHECK(y.total == 2);
  CHECK(facet_count(y, "trust", "RMY") == 1);  // the trust facet ignores the trust filter only
  CHECK(facet_count(y, "trust", "RXW") == 1);
  CHECK(facet_count(y, "key_question", "safe:inadequate") == 1);
  REQUIRE(y.timeline.size() == 1);
  CHECK(y.timeline[0].count == 2);  // the timeline is counted like the year facet
  // Inline filters typed in the query are part of the query: they narrow every facet.
  const auto typed = run("seclusion overall:inadequate");
  CHECK(facet_count(typed, "overall", "requires-improvement") == 0);
}

TEST_CASE_FIXTURE(Index, "accents fold both ways; misspelt words get a suggestion") {
  CHECK(titles("seclusión") == titles("seclusion"));
  CHECK(titles("cafe") == Titles{"B"});
  CHECK(titles("café") == Titles{"B"});
  const auto r = run("seclsuion");
  CHECK(r.total == 0);
  CHECK(r.did_you_mean == "seclusion");
  CHECK(run("restraint").did_you_mean.empty());  // few matches, but a word the index has
}

TEST_CASE("did you mean: offered for a rare word, not when filters narrow a common one") {
  test::TempDir tmp;
  const std::string dir = tmp / "index";
  {
    Xapian::WritableDatabase db(dir, Xapian::DB_CREATE_OR_OPEN);
    // "ward" in 12 documents, "wards" in 6 (one of them a report): Xapian's spelling data
    // would offer the more frequent neighbour "ward" for "wards".
    for (int id = 1; id <= 12; ++id) {
      archive::Capture c;
      c.id = id;
      c.uri = "https://cqc.example/p" + std::to_string(id) + ".html";
      c.mime = "text/html";
      indexer::Extraction e;
      e.format = "html";
      e.title = "Page " + std::to_string(id);
      e.pages.push_back({0, std::string("The ward was visited.") + (id <= 6 ? " Both wards were clean." : "")});
      indexer::Metadata m;
      m.kind = id == 1 ? "report" : "press";
      m.year = 2019;
      const Xapian::Document doc = indexer::build_document(c, e, m);
      indexer::add_spelling_words(db, doc);
      db.replace_document("Q" + schema::document_id(c.uri), doc);
    }
    db.commit();
  }
  REQUIRE(Xapian::Database(dir).get_spelling_suggestion("wards") == "ward");  // what the gate holds back
  search::Searcher s(dir);
  auto run = [&](const std::string& q, const std::string& kind) {
    search::SearchRequest req;
    req.query = q;
    if (!kind.empty()) req.kinds = {kind};
    return s.search(req);
  };
  const auto narrowed = run("wards", "report");
  CHECK(narrowed.total == 1);
  CHECK(narrowed.did_you_mean.empty());  // "wards" is in 6 documents: not a misspelling
  const auto typo = run("wrads", "");
  CHECK(typo.total == 0);
  CHECK(typo.did_you_mean == "wards");
}
