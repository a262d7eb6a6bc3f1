// Hospitals and sites of trusts in text (metadata_locations.cpp), the trusts they stand for,
// and trusts named by their short names (metadata_entities.cpp). Hand-written fixtures.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "indexer/extract.hpp"
#include "indexer/metadata.hpp"
#include "indexer/metadata_parts.hpp"

using cqc::indexer::Extraction;
using cqc::indexer::Metadata;
using cqc::indexer::extract_metadata;
using cqc::indexer::find_locations;
using cqc::indexer::find_trusts;
using cqc::indexer::SiteMention;
using cqc::indexer::tokenize;

namespace {

Extraction page(const std::string& title, const std::string& text) {
  Extraction x;
  x.format = "html";
  x.title = title;
  x.pages.push_back({0, text});
  return x;
}

// "site=trust;..." for the sites found in TEXT.
std::string sites_in(const std::string& text) {
  std::string out;
  for (const SiteMention& m : find_locations(tokenize(page("", text))))
    out += (out.empty() ? "" : ";") + m.id + "=" + m.trust;
  return out;
}

// The trusts extract_metadata gives a page, about ones first, ";"-joined.
std::string trusts_of(const std::string& title, const std::string& text) {
  std::string out;
  for (const std::string& t : extract_metadata(page(title, text), "https://example.org/a").trusts)
    out += (out.empty() ? "" : ";") + t;
  return out;
}

}  // namespace

TEST_CASE("hospitals are found by name and alias, longest name first") {
  CHECK(sites_in("Visiting hours changed at Good Hope Hospital this week.") ==
        "Good Hope Hospital=RRK");
  CHECK(sites_in("Beds were opened at Heartlands Hospital.") ==
        "Birmingham Heartlands Hospital=RRK");
  CHECK(sites_in("A new ward at Birmingham Heartlands Hospital opened.") ==
        "Birmingham Heartlands Hospital=RRK");
  // A last generic word may be lower case; the proper name may not.
  CHECK(sites_in("Staff at Scunthorpe General hospital were praised.") ==
        "Scunthorpe General Hospital=RJL");
  CHECK(sites_in("staff at scunthorpe general hospital were praised.").empty());
  // Punctuation inside a name and apostrophes do not matter.
  CHECK(sites_in("The Diana, Princess of Wales Hospital in Grimsby.") ==
        "Diana, Princess of Wales Hospital=RJL");
  CHECK(sites_in("Patients at Addenbrookes Hospital waited.") == "Addenbrooke's Hospital=RGT");
}

TEST_CASE("hospitals listed with shared last words") {
  CHECK(sites_in("Staff at Wansbeck, North Tyneside and Hexham general hospitals were thanked.") ==
        "Wansbeck General Hospital=RTF;North Tyneside General Hospital=RTF;"
        "Hexham General Hospital=RTF");
  CHECK(sites_in("Visiting resumed at the Heartlands, Good Hope and Solihull hospitals.") ==
        "Birmingham Heartlands Hospital=RRK;Good Hope Hospital=RRK;Solihull Hospital=RRK");
  CHECK(sites_in("Doctors from London, Paris and Berlin hospitals met.").empty());
  CHECK(sites_in("Both Hexham hospitals closed.").empty());  // no list
}

TEST_CASE("an ambiguous hospital name needs its town or its trust nearby") {
  CHECK(sites_in("She was treated at St Mary's Hospital last spring.").empty());
  CHECK(sites_in("She was treated at St Mary's Hospital in Newport, Isle of Wight.") ==
        "St Mary's Hospital=R1F");
  CHECK(sites_in("Saint Mary's Hospital in Manchester runs the unit.") ==
        "Saint Mary's Hospital=R0A");
  CHECK(sites_in("Imperial College Healthcare NHS Trust runs St Mary's Hospital.") ==
        "St Mary's Hospital=RYJ");
  // A hospital of the same trust named plainly settles it too.
  CHECK(sites_in("Wythenshawe Hospital and Saint Mary's Hospital share the service.") ==
        "Wythenshawe Hospital=R0A;Saint Mary's Hospital=R0A");
  CHECK(sites_in("The County Hospital was busy.").empty());
  CHECK(sites_in("The County Hospital in Stafford was busy.") == "County Hospital=RJE");
  CHECK(sites_in("Queen Elizabeth Hospital in Gateshead was inspected.") ==
        "Queen Elizabeth Hospital=RR7");
  CHECK(sites_in("Queen Elizabeth Hospital was inspected.").empty());
}

TEST_CASE("a document naming only a hospital is about its trust") {
  CHECK(trusts_of("CQC inspects Scunthorpe hospital",
                  "Inspectors from the Care Quality Commission visited Scunthorpe General "
                  "Hospital in May and found the emergency department required improvement.") ==
        "RJL");
  CHECK(trusts_of("Inspection report published",
                  "The CQC rated Hull Royal Infirmary as requires improvement and Castle Hill "
                  "Hospital as good.") == "RWA");
}

TEST_CASE("trusts by their short names, case-sensitively, never a bare place") {
  CHECK(trusts_of("Ward reopens", "University Hospitals Birmingham said the NHS ward would "
                                  "reopen next month.") == "RRK");
  CHECK(trusts_of("New chair", "Leicestershire Partnership said the CQC had visited.") == "RT5");
  CHECK(trusts_of("Ward reopens", "university hospitals birmingham said the NHS ward would "
                                  "reopen.").empty());
  CHECK(trusts_of("A day out", "The NHS staff in Birmingham, Oxford and Salisbury went to "
                               "the coast. North Bristol was sunny.").empty());
}

TEST_CASE("hospitals and acronyms give no trust outside health care") {
  const std::string crime = "A man was taken to the Royal London Hospital after the attack, "
                            "police said.";
  CHECK(sites_in(crime) == "Royal London Hospital=R1H");
  CHECK(trusts_of("Attack in Whitechapel", crime).empty());
  CHECK(trusts_of("Fire engines", "The MTW was refitted in 1950 and served the brigade.").empty());
  CHECK(trusts_of("Fire engines", "MTW said its NHS hospitals were busy.") == "RWF");
}

TEST_CASE("a list of trusts with none standing out is about none of them") {
  const auto md = extract_metadata(
      page("Next inspections announced",
           "The CQC will inspect these providers between July and September:\n\n"
           "Kettering General Hospital NHS Foundation Trust\n\n"
           "East Sussex Healthcare NHS Trust\n\n"
           "Imperial College Healthcare NHS Trust\n\n"
           "The Hillingdon Hospitals NHS Foundation Trust"),
      "https://example.org/list");
  CHECK(md.trusts.size() == 4);
  CHECK(md.mentioned_trusts.size() == 4);
  // One of them in the title stands out: that one is the subject.
  const auto one = extract_metadata(
      page("CQC to inspect Kettering General Hospital NHS Foundation Trust",
           "Inspectors will visit Kettering General Hospital NHS Foundation Trust, East Sussex "
           "Healthcare NHS Trust, Imperial College Healthcare NHS Trust and The Hillingdon "
           "Hospitals NHS Foundation Trust."),
      "https://example.org/one");
  REQUIRE_FALSE(one.trusts.empty());
  CHECK(one.trusts.front() == "RNQ");
}

TEST_CASE("trust names as the press shortens them") {
  CHECK(trusts_of("Hospital trust improves",
                  "Hull and East Yorkshire NHS Trust was rated good by the CQC.") == "RWA");
  CHECK(trusts_of("Report", "Inspectors praised University Hospital Bristol NHS Foundation "
                            "Trust for its children's services.") == "RA7");
  CHECK(trusts_of("Report", "Yesterday Mid Yorkshire NHS trust said the CQC had visited.") ==
        "RXF");
  // A description, not a name: a place and "NHS trust".
  CHECK(trusts_of("Warning", "The CQC warned a Hampshire NHS trust about its wards.").empty());
  CHECK(trusts_of("Warning", "The CQC said Hampshire NHS Trust had to improve.").empty());
  // Words that two trusts share resolve to neither.
  CHECK(trusts_of("Report", "The CQC inspected Birmingham Healthcare NHS Trust.").empty());
}

TEST_CASE("explicit short names where a derived one would be unsafe") {
  CHECK(trusts_of("Cancer care", "Patients at the Christie praised the NHS nurses.") == "RBV");
  CHECK(trusts_of("Ratings", "Tees, Esk and Wear Valleys was told by the CQC to improve.") ==
        "RX3");
  CHECK(trusts_of("Ratings", "Royal Free said the CQC report was fair.") == "RAL");
  // Derivation would give a bare place: no trust.
  CHECK(trusts_of("Ratings", "Salisbury said the CQC report was fair.").empty());
}

TEST_CASE("locations: a document about one hospital is indexed with it") {
  const Metadata one = extract_metadata(
      page("Good Hope Hospital maternity unit rated good",
           "The Care Quality Commission rated the maternity unit at Good Hope Hospital good "
           "after inspectors visited in March."),
      "https://news.example.org/a.html");
  CHECK(one.location == "Good Hope Hospital");
  CHECK(one.provenance.at("location") == "title");
  CHECK(one.trusts == std::vector<std::string>{"RRK"});
  // A hospital named only in the text (the trust's head office, the first ward visited):
  // the document is about the trust.
  const Metadata lead = extract_metadata(
      page("Trust rated requires improvement",
           "The Care Quality Commission rated University Hospitals Birmingham NHS Foundation "
           "Trust requires improvement after visiting Good Hope Hospital in March."),
      "https://news.example.org/c.html");
  CHECK(lead.location.empty());
  CHECK(lead.trusts == std::vector<std::string>{"RRK"});
  // Two of the trust's hospitals: the document is about the trust, not one location.
  const Metadata two = extract_metadata(
      page("Good Hope Hospital and Birmingham Heartlands Hospital inspected",
           "Care Quality Commission inspectors visited Good Hope Hospital and Birmingham "
           "Heartlands Hospital in March; both were rated requires improvement."),
      "https://news.example.org/b.html");
  CHECK(two.location.empty());
  CHECK(two.trusts == std::vector<std::string>{"RRK"});
}
