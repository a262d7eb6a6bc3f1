#include <doctest/doctest.h>

#include "core/date.hpp"
#include "core/gazetteer.hpp"
#include "core/schema.hpp"
#include "core/text.hpp"

using namespace cqc;

TEST_CASE("ISO dates keep their precision") {
  CHECK(core::parse_iso_date("2017")->iso() == "2017");
  CHECK(core::parse_iso_date("2017-10")->iso() == "2017-10");
  CHECK(core::parse_iso_date("2019-09-04T10:00:00+01:00")->iso() == "2019-09-04");
  CHECK(core::parse_iso_date("2017-10")->slot() == "20171001");
  CHECK(core::parse_iso_date("2017-02")->slot_end() == "20170228");
  CHECK(core::parse_iso_date("2016-02")->slot_end() == "20160229");
  CHECK(core::parse_iso_date("2017")->slot_end() == "20171231");
  CHECK_FALSE(core::parse_iso_date("2017-13-01"));
  CHECK_FALSE(core::parse_iso_date("2017-02-30"));
  CHECK_FALSE(core::parse_iso_date("17-02-03"));
  CHECK_FALSE(core::parse_iso_date("yesterday"));
  CHECK(core::Date{}.iso().empty());
  CHECK(core::parse_slot_date("20191207")->iso() == "2019-12-07");
}

TEST_CASE("month names") {
  CHECK(core::month_from_name("October") == 10);
  CHECK(core::month_from_name("oct") == 10);
  CHECK(core::month_from_name("Sept") == 9);
  CHECK(core::month_from_name("Dec.") == 12);
  CHECK(core::month_from_name("Decimal") == 0);
  CHECK(core::month_from_name("ma") == 0);
}

TEST_CASE("UTF-8 validation") {
  CHECK(core::valid_utf8("plain ascii"));
  CHECK(core::valid_utf8("Guy\xE2\x80\x99s \xC2\xA3" "5"));
  CHECK_FALSE(core::valid_utf8("bad \xFF byte"));
  CHECK_FALSE(core::valid_utf8("truncated \xE2\x80"));
  CHECK_FALSE(core::valid_utf8("overlong \xC0\xAF"));
  CHECK_FALSE(core::valid_utf8("surrogate \xED\xA0\x80"));
}

TEST_CASE("gazetteer resolves codes, names, abbreviations and former names") {
  const auto& g = core::Gazetteer::builtin();
  CHECK(g.trusts().size() >= 50);
  REQUIRE(g.resolve_trust("RT5"));
  CHECK(g.resolve_trust("rt5")->code == "RT5");
  CHECK(g.resolve_trust("LPT")->code == "RT5");
  CHECK(g.resolve_trust("Leicestershire Partnership NHS Trust")->code == "RT5");
  CHECK(g.resolve_trust("Leicestershire Partnership Trust")->code == "RT5");
  CHECK(g.resolve_trust("Northumberland, Tyne and Wear NHS Foundation Trust")->code == "RX4");
  CHECK(g.resolve_trust("Guys and St Thomas NHS Foundation Trust")->code == "RJ1");
  CHECK_FALSE(g.resolve_trust("Hogwarts NHS Trust"));
  CHECK(g.resolve_service("PICU")->id == "acute-wards-picu");
  CHECK(g.resolve_service("forensic inpatient/secure wards")->id == "forensic-secure");
  CHECK(g.resolve_service("Community health services for adults")->id == "community-adults");
  CHECK(g.resolve_rating("Requires improvement")->id == "requires-improvement");
  CHECK(g.resolve_rating("requiring improvement")->id == "requires-improvement");
  CHECK(g.resolve_rating("INADEQUATE")->id == "inadequate");
  CHECK(g.rating_by_id("outstanding")->rank < g.rating_by_id("inadequate")->rank);
  CHECK(g.resolve_question("well led")->id == "well-led");
}

TEST_CASE("malformed gazetteer rows name the table and line") {
  CHECK_THROWS_WITH(core::Gazetteer("# c\nRT5\tonly two\n", "", ""),
                    doctest::Contains("trusts.tsv line 2"));
}

TEST_CASE("schema terms and lists") {
  CHECK(schema::boolean_term(schema::kTrust, "RT5") == "XTRUST:RT5");
  CHECK(schema::boolean_term(schema::kRating, "good") == "XRATINGgood");
  CHECK(schema::boolean_term(schema::kUniqueId, "Abc") == "QAbc");
  CHECK(schema::decode_list(schema::encode_list({"a", "b c"})) == std::vector<std::string>{"a", "b c"});
  CHECK(schema::decode_list("").empty());
  CHECK(schema::document_id("https://example.org/a") == "579f2a2ceeee0bc3");
}

TEST_CASE("text helpers") {
  CHECK(core::split("a,,b", ',').size() == 3);
  CHECK(core::trim("  x y \n") == "x y");
  CHECK(core::collapse_space(" a \n\n b\tc ") == "a b c");
  CHECK(core::fold_name("Guy's  and St. Thomas'") == "guys and st thomas");
}
