#include <doctest/doctest.h>

#include <algorithm>

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

TEST_CASE("gazetteer: derived short names are institutions, never bare places") {
  const auto& g = core::Gazetteer::builtin();
  auto shorts = [&](const char* code) { return g.trust_by_code(code)->short_names; };
  auto has = [](const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
  };
  CHECK(has(shorts("RRK"), "University Hospitals Birmingham"));
  CHECK(has(shorts("RT5"), "Leicestershire Partnership"));
  CHECK(has(shorts("RNA"), "Dudley Group"));  // "The" dropped too
  CHECK(shorts("RNZ").empty());               // "Salisbury"
  CHECK(shorts("RVJ").empty());               // "North Bristol"
  CHECK_FALSE(has(shorts("R0A"), "Manchester University"));  // the university
  CHECK_FALSE(has(shorts("RY4"), "Hertfordshire Community"));
  CHECK(shorts("RPC").empty());  // "Queen Victoria Hospital" is also a Morecambe hospital
  CHECK(g.resolve_trust("University Hospitals Birmingham")->code == "RRK");
  CHECK(g.resolve_trust("Royal Free")->code == "RAL");  // an explicit short name
  CHECK_FALSE(g.resolve_trust("Birmingham"));
}

TEST_CASE("gazetteer: hospitals and sites resolve to their trusts unless ambiguous") {
  const auto& g = core::Gazetteer::builtin();
  CHECK(g.sites().size() >= 400);
  for (const core::Site& s : g.sites()) CHECK(g.trust_by_code(s.trust));
  REQUIRE(g.resolve_site("Good Hope Hospital"));
  CHECK(g.resolve_site("good hope hospital")->trust == "RRK");
  CHECK(g.resolve_site("Heartlands Hospital")->name == "Birmingham Heartlands Hospital");
  CHECK(g.resolve_site("Heartlands Hospital")->former_trust == "Heart of England NHS Foundation Trust");
  CHECK(g.resolve_trust("Scunthorpe General Hospital")->code == "RJL");
  CHECK(g.sites_named("St Mary's Hospital").size() >= 3);
  CHECK(g.sites_named("Saint Marys Hospital").size() == g.sites_named("St Mary's Hospital").size());
  CHECK(g.ambiguous_site_name("St Mary's Hospital"));
  CHECK(g.ambiguous_site_name("County Hospital"));  // flagged, though one row
  CHECK_FALSE(g.ambiguous_site_name("Good Hope Hospital"));
  CHECK_FALSE(g.resolve_site("St Mary's Hospital"));
  CHECK_FALSE(g.resolve_trust("County Hospital"));
  // Every acute, specialist and mental-health trust has a hospital or site.
  for (const core::Trust& t : g.trusts())
    if (t.sector == "acute" || t.sector == "specialist" || t.sector == "mental-health") {
      bool any = false;
      for (const core::Site& s : g.sites()) any = any || s.trust == t.code;
      CHECK_MESSAGE(any, t.code);
    }
}

TEST_CASE("gazetteer: a merged trust's former ODS code resolves to its successor") {
  const auto& g = core::Gazetteer::builtin();
  auto code = [&](const char* c) {
    const core::Trust* t = g.trust_by_code(c);
    return t ? t->code : std::string();
  };
  CHECK(code("RJX") == "RW4");  // Calderstones into Mersey Care
  CHECK(code("rq8") == "RAJ");  // Mid Essex into Mid and South Essex, any case
  CHECK(code("RRK") == "RRK");  // a current code is itself
  CHECK(code("ZZZ").empty());
  CHECK(g.resolve_trust("RR1")->code == "RRK");  // queries (trust:RR1) too
  // A table whose sixth column is absent still loads.
  core::Gazetteer small("X01\tExample NHS Trust\t\t\tacute\n", "", "", "");
  CHECK(small.trust_by_code("X01") != nullptr);
  CHECK(small.trust_by_code("X01")->former_codes.empty());
}

TEST_CASE("gazetteer: a trust's own web site by its host") {
  const auto& g = core::Gazetteer::builtin();
  auto code = [&](const char* host) {
    const core::Trust* t = g.trust_by_host(host);
    return t ? t->code : std::string();
  };
  CHECK(code("www.lpt.nhs.uk") == "RT5");                          // abbreviation
  CHECK(code("news.UHB.nhs.uk") == "RRK");                         // any case, any subdomain
  CHECK(code("www.derbyshirehealthcare.nhs.uk") == "RXM");        // short name squashed
  CHECK(code("www.east-suffolk-and-north-essex.nhs.uk").empty());  // "and" dropped: no match
  CHECK(code("www.kettering-general.nhs.uk") == "RNQ");            // start of the name
  CHECK(code("www.walsallhealthcare-tr.nhs.uk") == "RBK");         // "-tr" ignored
  CHECK(code("www.north.nhs.uk").empty());        // the start of many names
  CHECK(code("www.nhs.uk").empty());
  CHECK(code("www.england.nhs.uk").empty());
  CHECK(code("www.lpt.org.uk").empty());          // not an NHS host
}

TEST_CASE("gazetteer: trust names with institution words dropped or changed") {
  const auto& g = core::Gazetteer::builtin();
  CHECK(g.resolve_trust_variant("Hull and East Yorkshire NHS Trust")->code == "RWA");
  CHECK(g.resolve_trust_variant("University Hospital Bristol")->code == "RA7");
  CHECK(g.resolve_trust_variant("Mid Yorkshire NHS trust")->code == "RXF");
  CHECK_FALSE(g.resolve_trust_variant("Birmingham Hospitals NHS Trust"));  // two trusts
  CHECK_FALSE(g.resolve_trust_variant("NHS Foundation Trust"));
  CHECK_FALSE(g.resolve_trust_variant("Hogwarts Hospitals NHS Trust"));
}

TEST_CASE("malformed hospitals rows name the table and line") {
  const char* trusts = "RT5\tLeicestershire Partnership NHS Trust\tLPT\t\tmixed\n";
  CHECK_NOTHROW(core::Gazetteer(trusts, "", "", "Bradgate Unit\tRT5\n"));
  CHECK_THROWS_WITH(core::Gazetteer(trusts, "", "", "# c\nSome Hospital\tZZZ\n"),
                    doctest::Contains("hospitals.tsv line 2"));
  CHECK_THROWS_WITH(core::Gazetteer(trusts, "", "", "Lonely Hospital\n"),
                    doctest::Contains("hospitals.tsv line 1"));
}

TEST_CASE("sites built later: names by code at once, sites and short names on first use") {
  const char* trusts = "RT5\tLeicestershire Partnership NHS Trust\tLPT\t\tmixed\n";
  const core::Gazetteer later(trusts, "", "", "Bradgate Unit\tRT5\n", true);
  CHECK(later.trust_by_code("rt5")->name == "Leicestershire Partnership NHS Trust");
  CHECK(later.resolve_trust("Bradgate Unit")->code == "RT5");  // reads the sites
  CHECK(later.sites().size() == 1);
  CHECK(later.trusts()[0].short_names == std::vector<std::string>{"Leicestershire Partnership"});
  // A malformed site row is refused where the sites are first read.
  const core::Gazetteer bad(trusts, "", "", "Some Hospital\tZZZ\n", true);
  CHECK(bad.trust_by_code("RT5") != nullptr);
  CHECK_THROWS_WITH(bad.sites(), doctest::Contains("hospitals.tsv line 1"));
  CHECK_THROWS_WITH(bad.sites_named("Some Hospital"), doctest::Contains("hospitals.tsv line 1"));  // again
  // The built-in one answers both ways.
  CHECK_FALSE(core::Gazetteer::builtin().sites().empty());
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
