// The name lexicon (metadata_lexicon.cpp): each token's word is looked up once, and the trust,
// service, site and rating patterns compare word ids. Hand-written fixtures on the built-in
// gazetteer, and a small gazetteer of its own.
#include <doctest/doctest.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "core/gazetteer.hpp"
#include "indexer/extract.hpp"
#include "indexer/metadata_lexicon.hpp"
#include "indexer/metadata_parts.hpp"
#include "indexer/metadata_ratings.hpp"

using namespace cqc::indexer;

namespace {

Extraction text_page(const std::string& title, const std::string& text) {
  Extraction x;
  x.format = "html";
  x.title = title;
  x.pages.push_back({0, text});
  return x;
}

// "id@begin-end;..." for MENTIONS.
std::string spans(const std::vector<Mention>& mentions) {
  std::string out;
  for (const Mention& m : mentions)
    out += (out.empty() ? "" : ";") + m.id + "@" + std::to_string(m.begin) + "-" +
           std::to_string(m.end);
  return out;
}

std::string trusts_in(const std::string& text) {
  return spans(find_trust_names(tokenize(text_page("", text))));
}

std::string services_in(const std::string& text) {
  return spans(find_services(tokenize(text_page("", text))));
}

}  // namespace

TEST_CASE("lexicon: words numbered from 1 in the order added, 0 for any other") {
  Lexicon lex;
  CHECK(lex.size() == 0);
  CHECK(lex.id("trust") == 0);
  CHECK(lex.add("trust") == 1);
  CHECK(lex.add("nhs") == 2);
  CHECK(lex.add("trust") == 1);  // once
  CHECK(lex.size() == 2);
  CHECK(lex.id("nhs") == 2);
  CHECK(lex.id("NHS") == 0);  // bytes as given: callers pass lower case
  CHECK(lex.id("trus") == 0);
  CHECK(lex.id("trusts") == 0);
  CHECK(lex.add("") == 0);  // an empty word is never a word
  CHECK(lex.id("") == 0);
  CHECK(lex.size() == 2);
  CHECK(lex.known("nhs") == 2);
  CHECK_THROWS_AS(lex.known("hospital"), std::logic_error);
}

TEST_CASE("lexicon: of_names takes every word of the names, lower case, with and without apostrophes") {
  const cqc::core::Gazetteer g(
      "RX1\tSt Guy's and Thomas' NHS Foundation Trust\tGSTT\tGuy's Old Trust\tacute\n",
      "maternity\tMaternity\tacute\tmaternity services|A&E maternity\n",
      "rating\tgood\tGood\trated as good|good rating\n",
      "Saint Mary's Hospital\tRX1\t\tSMH\tPaddington\n");
  const Lexicon lex = Lexicon::of_names(g);
  for (const char* w : {"st", "guy", "s", "guys", "and", "thomas", "nhs", "foundation", "trust",
                        "gstt", "old", "maternity", "services", "a", "&", "e", "good", "rated",
                        "as", "rating", "saint", "mary", "marys", "hospital", "smh"})
    CHECK_MESSAGE(lex.id(w) != 0, w);
  CHECK(lex.id("Guy") == 0);       // lower case only
  CHECK(lex.id("guy's") == 0);     // an apostrophe splits a word or goes
  CHECK(lex.id("paddington") == 0);  // towns are compared as written, not through the lexicon
  CHECK(lex.id("") == 0);
}

TEST_CASE("lexicon: tokens carry the id of their lower-case word, 0 for other words") {
  const Lexicon& lex = name_lexicon();
  const Tokens t = tokenize(text_page("", "The NHS Trust's maternity WARDS, zzyzx."));
  REQUIRE(t.size() == 7);
  CHECK(t[0].word == lex.id("the"));
  CHECK(t[1].word == lex.id("nhs"));
  CHECK(t[1].word != 0);
  CHECK(t[2].word == lex.id("trust"));  // "Trust's" is "Trust" and "s"
  CHECK(t[4].word == lex.id("maternity"));
  CHECK(t[5].word == lex.id("wards"));  // case folded once, at tokenising
  CHECK(t[6].word == 0);                // no name has this word
  CHECK(tokenize(text_page("", "")).empty());
}

TEST_CASE("name patterns: overlapping names, the longest wins and no match inside it") {
  // "University Hospitals Birmingham NHS Foundation Trust" holds the short name "University
  // Hospitals Birmingham": one mention, the whole name.
  CHECK(trusts_in("Staff at University Hospitals Birmingham NHS Foundation Trust said.") ==
        "RRK@2-8");
  CHECK(trusts_in("Staff at University Hospitals Birmingham said.") == "RRK@2-5");
  // Two names side by side are two mentions.
  CHECK(trusts_in("Leicestershire Partnership NHS Trust and University Hospitals Birmingham.") ==
        "RT5@0-4;RRK@5-8");
  // A service name inside a longer alias: the alias ("maternity services"), once.
  CHECK(services_in("The maternity services were inspected.") == "maternity@1-3");
  CHECK(services_in("The maternity unit was inspected.") == "maternity@1-3");
  CHECK(services_in("Maternity was inspected.") == "maternity@0-1");
}

TEST_CASE("name patterns: whole words only, within one paragraph") {
  CHECK(trusts_in("LPTX and XLPT are not LPT.") == "RT5@5-6");
  CHECK(services_in("Maternityservices and paternity were inspected.").empty());
  // A name broken over two paragraphs is not a name.
  CHECK(trusts_in("University Hospitals\n\nBirmingham").empty());
}

TEST_CASE("name patterns: case folded where the gazetteer allows, exact where it does not") {
  CHECK(trusts_in("leicestershire partnership NHS trust") == "RT5@0-4");
  CHECK(trusts_in("leicestershire partnership nhs trust").empty());  // "NHS": two capitals
  CHECK(trusts_in("LEICESTERSHIRE PARTNERSHIP NHS TRUST") == "RT5@0-4");
  // Abbreviations and short names are written as the gazetteer writes them.
  CHECK(trusts_in("lpt").empty());
  CHECK(trusts_in("LPT") == "RT5@0-1");
  CHECK(trusts_in("university hospitals birmingham").empty());
  CHECK(services_in("MATERNITY SERVICES") == "maternity@0-2");
}

TEST_CASE("name patterns: empty and wordless input find nothing") {
  CHECK(trusts_in("").empty());
  CHECK(services_in("").empty());
  CHECK(trusts_in(" -- ... !!").empty());
  CHECK(find_locations(tokenize(text_page("", ""))).empty());
  const Tokens none;
  CHECK(find_trust_names(none).empty());
  CHECK(find_services(none).empty());
}

TEST_CASE("rating words: matched by id, longest first, within one sentence") {
  const Tokens t = tokenize(text_page("", "It requires improvement. Good. Rated as good. Requires. Improvement"));
  auto r = rating_at(t, 1);
  REQUIRE(r);
  CHECK(r->id == "requires-improvement");
  CHECK(r->end == 3);
  r = rating_at(t, 3);
  REQUIRE(r);
  CHECK(r->id == "good");
  r = rating_at(t, 4);  // "Rated as good": the variant without its leading "rated" is "as good"
  CHECK(!r);
  r = rating_at(t, 5);
  REQUIRE(r);
  CHECK(r->id == "good");
  CHECK(r->end == 7);
  CHECK(!rating_at(t, 7));  // "Requires. Improvement" spans two sentences
}
