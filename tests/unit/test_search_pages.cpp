// Snippet pages found by term positions, and facet counts from the per-revision table.
#include <doctest/doctest.h>

#include <xapian.h>

#include <algorithm>

#include "core/schema.hpp"
#include "search/facet_table.hpp"
#include "search/search.hpp"
#include "search/snippet.hpp"
#include "search_documents.hpp"
#include "temp_dir.hpp"

using namespace cqc;
using cqc::test::add;
using cqc::test::english_parser;

namespace {

struct Pages {
  test::TempDir tmp;
  std::string dir = tmp / "index";
  Pages() {
    Xapian::WritableDatabase db(dir, Xapian::DB_CREATE_OR_OPEN);
    add(db, "https://r/1.pdf", "Ward report",
        {"Overall summary mentions seclusion once.", "Nothing about it here.",
         "Seclusion was used: the seclusion room and the seclusion policy were reviewed.", "Seclusion again."});
    add(db, "https://r/2.pdf", "Tie report", {"Restraint was recorded.", "Restraint was reviewed."});
    add(db, "https://r/3.pdf", "Forms report",
        {"One inspection took place.", "Staff were inspected while inspecting the wards; inspected twice.",
         "Patients were happy and staff were happy."});
    add(db, "https://r/4.pdf", "Shrewsbury maternity report", {"", "Maternity services improved."});
    db.commit();
  }
  search::Hit first(const std::string& q) { return test::first_hit(dir, q); }
};

}  // namespace

TEST_CASE_FIXTURE(Pages, "the snippet comes from the page where the query's words occur most") {
  auto h = first("seclusion");
  CHECK(h.page == 3);
  CHECK(h.snippet.find("<mark>seclusion</mark> room") != std::string::npos);
  CHECK(first("\"seclusion room\"").page == 3);
  CHECK(first("seclu*").page == 3);
  CHECK(first("seclusion OR nothing").page == 3);
}

TEST_CASE_FIXTURE(Pages, "a tie goes to the earliest page") {
  CHECK(first("restraint").page == 1);
}

TEST_CASE_FIXTURE(Pages, "every word form of a stemmed term counts, not only the one typed") {
  // "inspections" is stemmed to inspect: page 2's inspected/inspecting outnumber page 1's inspection.
  auto h = first("inspections");
  CHECK(h.page == 2);
  CHECK(h.snippet.find("<mark>inspected</mark>") != std::string::npos);
  CHECK(first("happiness").page == 3);  // happy -> happi: the stem is not a prefix of the word
}

TEST_CASE_FIXTURE(Pages, "a match in the title alone gives the first page with text") {
  auto h = first("shrewsbury");
  CHECK(h.page == 2);
  CHECK(h.snippet.find("Maternity services improved") != std::string::npos);
}

TEST_CASE_FIXTURE(Pages, "match words: stems expanded to indexed words, title terms left out") {
  Xapian::Database db(dir);
  const Xapian::Stem stem("english");
  Xapian::QueryParser qp = english_parser(db, stem);
  qp.add_prefix("title", "S");
  auto words = [&](const std::string& q) {
    auto w = search::match_words(qp.parse_query(q, Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_WILDCARD), db, stem);
    std::sort(w.begin(), w.end());
    return w;
  };
  CHECK(words("inspections") == std::vector<std::string>{"inspected", "inspecting", "inspection"});
  CHECK(words("seclu*") == std::vector<std::string>{"seclusion"});
  CHECK(words("title:ward").empty());
  CHECK(words("unknownword").empty());
}

TEST_CASE("the densest cluster of positions wins, the earliest on a tie, the title left out") {
  const schema::DocumentData d(
      schema::encode_document("{}", {{1, false, 100, "a"}, {2, false, 200, "b"}, {3, false, 300, "c"}}).data);
  CHECK(search::densest_position({}, d) == 0);
  CHECK(search::densest_position({5, 6, 7, 50}, d) == 0);  // title positions only
  CHECK(search::densest_position({5, 6, 7, 150, 250, 260}, d) == 250);
  CHECK(search::densest_position({150, 160, 250, 260}, d) == 150);
  CHECK(search::densest_position({110, 130, 180, 199, 300, 310, 320}, d) == 300);  // 4 spread out, 3 close
  const schema::DocumentData none(schema::encode_document("{}", {}).data);
  CHECK(search::densest_position({5, 6}, none) == 0);
}

TEST_CASE("facet counts from the table equal counts from the value slots, new documents included") {
  test::TempDir tmp;
  const std::string dir = tmp / "index";
  Xapian::WritableDatabase w(dir, Xapian::DB_CREATE_OR_OPEN);
  add(w, "https://n/1", "One", {"ward"}, {"RT5", "RMY"}, 2019, "2019-05-01");
  add(w, "https://n/2", "Two", {"ward"}, {"RT5"}, 2020, "2020-02-03");
  add(w, "https://n/3", "Three", {"other"}, {"RXW"}, 2020);
  w.commit();
  Xapian::Database db(dir);
  const search::FacetTable table(db);
  CHECK(table.revision() == db.get_revision());
  add(w, "https://n/4", "Four", {"ward"}, {"RMY"}, 2021, "2018-07-09");  // after the table was read
  w.commit();
  db.reopen();
  search::FacetCounter counter(table);
  Xapian::Enquire enq(db);
  enq.set_query(Xapian::Query("ward"));
  enq.add_matchspy(&counter);
  enq.get_mset(0, 10, db.get_doccount());
  using Counts = std::map<std::string, std::uint64_t>;
  CHECK(counter.counts(search::kFacetTrust) == Counts{{"RMY", 2}, {"RT5", 2}});
  CHECK(counter.counts(search::kFacetYear) == Counts{{"2019", 1}, {"2020", 1}, {"2021", 1}});
  CHECK(counter.counts(search::kFacetKind) == Counts{{"press", 3}});
  CHECK(counter.counts(search::kFacetService).empty());
  // Sorting by the table's dates gives the order sorting by the value slot gives.
  auto order = [&](bool by_table, bool newest) {
    search::SortDateKey key(table);
    Xapian::Enquire e(db);
    e.set_query(Xapian::Query::MatchAll);
    if (by_table) e.set_sort_by_key_then_relevance(&key, newest);
    else e.set_sort_by_value_then_relevance(schema::kSlotSortDate, newest);
    std::vector<Xapian::docid> ids;
    for (auto m : e.get_mset(0, 10)) ids.push_back(m);
    return ids;
  };
  CHECK(order(true, true) == std::vector<Xapian::docid>{2, 1, 4, 3});
  CHECK(order(true, true) == order(false, true));
  CHECK(order(true, false) == order(false, false));
}

TEST_CASE("a searcher moves to a new revision only when a commit made one") {
  test::TempDir tmp;
  const std::string dir = tmp / "index";
  Xapian::WritableDatabase w(dir, Xapian::DB_CREATE_OR_OPEN);
  add(w, "https://n/1", "One", {"ward"}, {"RT5"}, 2019);
  w.commit();
  search::Searcher s(dir);
  search::SearchRequest req;
  req.query = "ward";
  CHECK(s.search(req).total == 1);
  CHECK_FALSE(s.reopen());
  add(w, "https://n/2", "Two", {"ward"}, {"RMY"}, 2020);
  w.commit();
  CHECK(s.reopen());
  auto r = s.search(req);
  CHECK(r.total == 2);
  CHECK(r.facets[0].values.size() == 2);
  CHECK(search::FacetTable::shared(dir, s.database())->revision() == Xapian::Database(dir).get_revision());
}

TEST_CASE_FIXTURE(Pages, "the marking stemmer marks snippets exactly as the full stemmer does") {
  Xapian::Database db(dir);
  const Xapian::Stem stem("english");
  Xapian::QueryParser qp = english_parser(db, stem);
  const std::string texts[] = {
      "Staff were inspected while inspecting the wards; the inspection was happy, happier, happiest.",
      "Seclusion, SECLUSION and secluded rooms; dying, lying and tying; skies and sky; ugly, early, only.",
      "Patients' happiness: happily the happy patient was inspected by inspectors on Ward 3.",
      "Ünïcödé wörds, naïve café and Zürich; 'quoted' words and hyphen-ated inspections."};
  int marked = 0;  // texts with a marked word: the comparison is not between empty markings
  for (const std::string q : {"inspection", "happy patients", "seclusion OR sky", "\"happy patient\" dying",
                              "early only ugly", "café inspections", "zurich words"}) {
    Xapian::Enquire enq(db);
    enq.set_query(qp.parse_query(q));
    const Xapian::MSet mset = enq.get_mset(0, 10);
    const Xapian::Stem marking = search::marking_stemmer(enq.get_query(), stem);
    CHECK(marking.get_description() != stem.get_description());  // the English stemmer is wrapped
    for (const auto& t : texts) {
      const std::string full = mset.snippet(t, t.size() + 1, stem, 0, "<mark>", "</mark>", "");
      marked += full.find("<mark>") != std::string::npos;
      CHECK_MESSAGE(mset.snippet(t, t.size() + 1, marking, 0, "<mark>", "</mark>", "") == full, q << " | " << t);
    }
  }
  CHECK(marked >= 10);
  // It stems words that share a first letter with a stemmed query term, and only those.
  const Xapian::Stem m = search::marking_stemmer(qp.parse_query("inspections"), stem);
  CHECK(m("inspected") == "inspect");
  CHECK(m("ward").empty());
  const Xapian::Stem french("french");
  CHECK(search::marking_stemmer(qp.parse_query("inspections"), french).get_description() == french.get_description());
}

TEST_CASE_FIXTURE(Pages, "words present: posting lists say which hit holds which word, as positions do") {
  Xapian::Database db(dir);
  const std::vector<std::string> words = {"seclusion", "inspected", "restraint", "happy", "nowhere"};
  std::vector<Xapian::docid> dids;
  for (Xapian::docid d = db.get_lastdocid(); d >= 1; --d) dids.push_back(d);  // not in docid order
  const auto present = search::words_present(db, dids, words);
  REQUIRE(present.size() == dids.size());
  int found = 0;
  for (std::size_t i = 0; i < dids.size(); ++i)
    for (std::size_t w = 0; w < words.size(); ++w) {
      const bool has_positions = db.positionlist_begin(dids[i], words[w]) != db.positionlist_end(dids[i], words[w]);
      CHECK_MESSAGE(present[i][w] == has_positions, "doc " << dids[i] << " word " << words[w]);
      found += present[i][w];
    }
  CHECK(found >= 4);
  // Skipping absent words changes nothing: the same positions either way.
  for (std::size_t i = 0; i < dids.size(); ++i)
    CHECK(search::match_positions(db, dids[i], words, &present[i]) == search::match_positions(db, dids[i], words));
}

TEST_CASE_FIXTURE(Pages, "match words through a stem-forms cache equal those found afresh") {
  Xapian::Database db(dir);
  const Xapian::Stem stem("english");
  Xapian::QueryParser qp = english_parser(db, stem);
  search::StemForms forms;
  forms.at_revision(db.get_revision(), db.get_uuid());
  for (const std::string q : {"inspections", "happiness", "seclusion OR restraint", "inspections happiness", "inspections"}) {
    const Xapian::Query query = qp.parse_query(q);
    CHECK_MESSAGE(search::match_words(query, db, stem, &forms) == search::match_words(query, db, stem), q);
  }
  REQUIRE(forms.find("Zinspect") != nullptr);
  CHECK(forms.find("Zinspect")->size() == 3);
  forms.at_revision(db.get_revision(), db.get_uuid());  // the same revision keeps them
  CHECK(forms.find("Zinspect") != nullptr);
  forms.at_revision(db.get_revision(), "another-database");  // another database forgets them
  CHECK(forms.find("Zinspect") == nullptr);
  forms.put("Zinspect", {});
  forms.at_revision(db.get_revision() + 1, "another-database");  // so does another revision
  CHECK(forms.find("Zinspect") == nullptr);
  for (std::size_t i = 0; i < search::StemForms::kMaxEntries; ++i) forms.put("Zw" + std::to_string(i), {});
  CHECK(forms.find("Zw0") != nullptr);
  forms.put("Zone-more", {});  // past the bound: the rest are forgotten
  CHECK(forms.find("Zw0") == nullptr);
  CHECK(forms.find("Zone-more") != nullptr);
}

TEST_CASE("a searcher finds a stemmed word's forms anew after a commit") {
  test::TempDir tmp;
  const std::string dir = tmp / "index";
  Xapian::WritableDatabase w(dir, Xapian::DB_CREATE_OR_OPEN);
  add(w, "https://f/1", "One", {"The ward was inspected in May."});
  w.commit();
  search::Searcher s(dir);
  search::SearchRequest req;
  req.query = "inspections";
  REQUIRE(s.search(req).total == 1);  // the forms of "inspect" are now kept: only "inspected"
  // A form the index did not hold before, far from the start of its page: its snippet is cut
  // around it only if the searcher looks for the new form.
  std::string text;
  for (int i = 0; i < 40; ++i) text += "Staffing levels on the wards were reviewed by the board. ";
  add(w, "https://f/2", "Two", {text + "Managers were inspecting the seclusion rooms daily."});
  w.commit();
  REQUIRE(s.reopen());
  const auto r = s.search(req);
  REQUIRE(r.total == 2);
  const auto two = std::find_if(r.hits.begin(), r.hits.end(), [](const search::Hit& h) { return h.title == "Two"; });
  REQUIRE(two != r.hits.end());
  CHECK(two->snippet.find("<mark>inspecting</mark>") != std::string::npos);
}
