// Snippets of documents stored in one text block, found in the block's text rather than by
// term positions; and browsing, whose facet counts come from the per-revision table whole.
#include <doctest/doctest.h>

#include <xapian.h>

#include <map>
#include <memory>
#include <string>

#include "core/schema.hpp"
#include "search/document_data.hpp"
#include "search/search.hpp"
#include "search/snippet.hpp"
#include "search_documents.hpp"
#include "temp_dir.hpp"

using namespace cqc;
using cqc::test::add;
using cqc::test::english_parser;

namespace {

// Filler sentences without the query words used below: COUNT of them.
std::string filler(int count) {
  std::string text;
  for (int i = 0; i < count; ++i) text += "Staffing levels on the wards were reviewed by the board. ";
  return text;
}

struct OneBlock {
  test::TempDir tmp;
  std::string dir = tmp / "index";
  OneBlock() {
    Xapian::WritableDatabase db(dir, Xapian::DB_CREATE_OR_OPEN);
    add(db, "https://n/1", "Seclusion review",
        {"Seclusion was mentioned once. " + filler(20) +
         "The seclusion room, the seclusion policy and seclusion records were all checked. " + filler(10)});
    add(db, "https://n/2", "Inspection news",
        {filler(8) + "Inspectors inspected the ward; inspecting again, they found happy patients. " + filler(8) +
         "One inspection. " + filler(4)});
    add(db, "https://n/3", "Tools", {filler(30) + "The trust writes its tools in C++ and keeps them. " + filler(3)});
    add(db, "https://n/4", "Maternity in Shrewsbury", {"Nothing here names the town. " + filler(5)});
    db.commit();
  }
  search::Hit hit(const std::string& q) { return test::first_hit(dir, q); }
};

}  // namespace

TEST_CASE_FIXTURE(OneBlock, "a one-block document's snippet is cut around the densest cluster of its text") {
  Xapian::Database db(dir);
  for (Xapian::docid d = 1; d <= db.get_doccount(); ++d)  // the fixture's documents are one block each
    REQUIRE(search::stored_document(db.get_document(d)).block_count() == 1);
  const auto h = hit("seclusion");
  CHECK_MESSAGE(h.snippet.find("<mark>seclusion</mark> room, the <mark>seclusion</mark> policy") != std::string::npos, h.snippet);
  CHECK(h.snippet.substr(0, 3) == "…");  // not the text's start, where it occurs once
  CHECK(h.page == 0);
  // A stemmed word's indexed forms count, whichever was typed.
  CHECK(hit("inspections").snippet.find("<mark>inspected</mark> the ward") != std::string::npos);
}

TEST_CASE_FIXTURE(OneBlock, "a word the text scan cannot see is found by positions; a title-only match gives the start") {
  // "c++" is one indexed word but not a run of letters: its positions place it.
  const auto tools = hit("c++");
  CHECK(tools.snippet.find("C++") != std::string::npos);
  CHECK(tools.snippet.substr(0, 3) == "…");
  const auto town = hit("shrewsbury");
  CHECK(town.snippet.find("Nothing here names the town") == 0);
}

TEST_CASE_FIXTURE(OneBlock, "the text scan and term positions pick the same word of a one-block document") {
  Xapian::Database db(dir);
  const Xapian::Stem stem("english");
  Xapian::QueryParser qp = english_parser(db, stem);
  int compared = 0;
  for (const std::string q : {"seclusion", "inspections", "happy OR seclusion", "inspection patients", "\"seclusion room\""}) {
    const std::vector<std::string> words = search::match_words(qp.parse_query(q), db, stem);
    REQUIRE_FALSE(words.empty());
    for (Xapian::docid d = 1; d <= db.get_lastdocid(); ++d) {
      const Xapian::Document document = db.get_document(d);
      const schema::DocumentData header = search::stored_document(document);
      const search::SnippetSite by_positions = search::locate_snippet(db, d, words, header);
      schema::BlockText text(header, 0, document.get_value(schema::kSlotText));
      const auto scanned = search::scan_snippet(header, text, words);
      CHECK_MESSAGE(scanned.has_value() == !by_positions.word.empty(), q << " doc " << d);
      if (!scanned || by_positions.word.empty()) continue;
      CHECK_MESSAGE(scanned->word == by_positions.word, q << " doc " << d);
      CHECK_MESSAGE(scanned->earlier == by_positions.earlier, q << " doc " << d);
      CHECK(scanned->block == 0);
      ++compared;
    }
  }
  CHECK(compared >= 6);
}

TEST_CASE("browsing counts every document's facets, a new revision's documents included") {
  test::TempDir tmp;
  const std::string dir = tmp / "index";
  Xapian::WritableDatabase w(dir, Xapian::DB_CREATE_OR_OPEN);
  add(w, "https://b/1", "One", {"ward"}, {"RT5", "RMY"}, 2019);
  add(w, "https://b/2", "Two", {"ward"}, {"RT5"}, 2020);
  add(w, "https://b/3", "Three", {"clinic"}, {"RXW"}, 2020);
  w.commit();
  search::Searcher s(dir);
  auto trusts = [](const search::SearchResult& r) {
    std::map<std::string, std::uint64_t> out;
    for (const auto& v : r.facets[0].values) out[v.value] = v.count;
    return out;
  };
  using Counts = std::map<std::string, std::uint64_t>;
  search::SearchRequest browse;
  auto r = s.search(browse);
  CHECK(r.total == 3);
  CHECK(r.hits.size() == 3);
  CHECK(r.facets[0].name == "trust");
  CHECK(trusts(r) == Counts{{"RMY", 1}, {"RT5", 2}, {"RXW", 1}});
  search::SearchRequest filtered;  // a filter: counted over its matches, not the whole table
  filtered.years = {"2020"};
  CHECK(trusts(s.search(filtered)) == Counts{{"RT5", 1}, {"RXW", 1}});
  add(w, "https://b/4", "Four", {"ward"}, {"RMY"}, 2021);
  w.delete_document("Q" + schema::document_id("https://b/3"));
  w.commit();
  REQUIRE(s.reopen());
  r = s.search(browse);
  CHECK(r.total == 3);
  CHECK(trusts(r) == Counts{{"RMY", 2}, {"RT5", 2}});
  std::uint64_t timeline = 0;
  for (const auto& t : r.timeline) timeline += t.count;
  CHECK(timeline == 3);
}
