// Metadata heuristics over hand-written documents: trusts, services, ratings and dates.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "indexer/extract.hpp"
#include "indexer/metadata.hpp"
#include "metadata_fixtures.hpp"

using cqc::indexer::extract;
using cqc::indexer::Extraction;
using cqc::indexer::extract_metadata;
using cqc::indexer::Metadata;
using cqc::indexer::ServiceRating;
using cqc::test::Strings;

namespace {

// "a;b;c": vectors compared as strings so that failures print their values.
using cqc::test::list;

std::string list(const std::vector<ServiceRating>& items) {
  std::string out;
  for (const auto& i : items) out += (out.empty() ? "" : ";") + i.service + "=" + i.rating;
  return out;
}

std::string join(const Strings& paras) {
  std::string out;
  for (const auto& p : paras) out += (out.empty() ? "" : "\n\n") + p;
  return out;
}

// A news article: PUBLISHED (ISO) comes from JSON-LD when given.
Extraction news(const std::string& title, const Strings& paras, const std::string& published = "") {
  Extraction x;
  x.format = "html";
  x.title = title;
  x.pages.push_back({0, join(paras)});
  if (!published.empty()) {
    x.meta.published = *cqc::core::parse_iso_date(published);
    x.meta.published_source = "json-ld";
  }
  return x;
}

// A report: one string per page.
Extraction report(const Strings& pages) {
  Extraction x;
  x.format = "pdf";
  x.title = pages.empty() ? "" : pages[0].substr(0, pages[0].find('\n'));
  for (size_t i = 0; i < pages.size(); ++i) x.pages.push_back({static_cast<int>(i) + 1, pages[i]});
  return x;
}

const std::string kCover =
    "Leicestershire Partnership NHS Trust\nInspection report\n"
    "Riverside House, Bridge Park Plaza\nLeicester LE4 8PQ\n\n"
    "Date of inspection visit: 2 Oct to 7 Dec 2017\nDate of publication: 1 March 2018\n\n"
    "Ratings\nOverall rating for this trust Requires improvement\n"
    "Are services safe? Inadequate\nAre services caring? Good";

}  // namespace

TEST_CASE("metadata: report cover page") {
  const Metadata md = extract_metadata(
      report({kCover,
              "Community health services for adults\n\nOur rating of this service: Good\n\n"
              "Staff in the adult community teams worked well together.",
              "Acute wards for adults of working age and psychiatric intensive care units\n\n"
              "Our rating of this service went down. We rated it as inadequate because:\n"
              "The PICU did not have enough nurses."}),
      "https://www.cqc.org.uk/sites/default/files/new_reports/AAAA0000.pdf");
  CHECK(md.kind == "report");
  CHECK(list(md.trusts) == "RT5");
  CHECK(md.provenance.at("trusts") == "cover page");
  CHECK(md.inspected_from.iso() == "2017-10-02");
  CHECK(md.inspected_to.iso() == "2017-12-07");
  CHECK(md.provenance.at("inspected") == "cover page");
  CHECK(md.published.iso() == "2018-03-01");
  CHECK(md.provenance.at("published") == "cover page");
  CHECK(md.year == 2017);
  CHECK(md.provenance.at("year") == "cover page");
  CHECK(md.overall_rating == "requires-improvement");
  CHECK(md.provenance.at("overall_rating") == "cover page");
  CHECK(list(md.services) == "community-adults;acute-wards-picu");
  CHECK(list(md.service_ratings) == "community-adults=good;acute-wards-picu=inadequate");
  CHECK(list(md.ratings) == "requires-improvement;good;inadequate");
}

TEST_CASE("metadata: inspection visit lines in their different formats") {
  struct Case {
    std::string line;
    std::string from;
    std::string to;
  };
  const std::vector<Case> cases{
      {"Date of inspection visit: 12-14 March 2019", "2019-03-12", "2019-03-14"},
      {"Date of inspection visit: 12\xE2\x80\x93" "14 March 2019", "2019-03-12", "2019-03-14"},
      {"Date of inspection visit: 6 June 2019", "2019-06-06", "2019-06-06"},
      {"Date of inspection visit: 2 October 2017 to 7 December 2017", "2017-10-02", "2017-12-07"},
      {"Date of inspection visits: 15 December 2018 to 10 January 2019", "2018-12-15",
       "2019-01-10"},
      {"Date of inspection visit: 30 Dec to 3 Jan 2019", "2018-12-30", "2019-01-03"},
      {"Dates of inspection visit: 4, 5 and 11 September 2018", "2018-09-04", "2018-09-11"},
      {"Date of inspection visit: 1st and 2nd May 2018", "2018-05-01", "2018-05-02"},
      {"Date of inspection visit: 28/09/2017", "2017-09-28", "2017-09-28"},
      {"Date of inspection visit: 31 February 2017", "", ""},
      {"Date of inspection visit: to be confirmed", "", ""},
  };
  for (const Case& c : cases) {
    CAPTURE(c.line);
    const Metadata md = extract_metadata(report({"An NHS trust\n\n" + c.line}), "");
    CHECK(md.inspected_from.iso() == c.from);
    CHECK(md.inspected_to.iso() == c.to);
    CHECK(md.year == (c.from.empty() ? 0 : std::stoi(c.from.substr(0, 4))));
  }
}

TEST_CASE("metadata: inspection dates in prose, relative to the publication date") {
  struct Case {
    std::string sentence;
    std::string published;  // "" = unknown
    std::string from;
    std::string to;
  };
  const std::vector<Case> cases{
      {"The regulator inspected in June 2019 and found the wards safer.", "2019-09-04",
       "2019-06", "2019-06"},
      {"The inspection in November 2018 told the trust to act.", "", "2018-11",
       "2018-11"},
      {"During October 2017 the CQC inspected four of its services.", "2018-01-10", "2017-10",
       "2017-10"},
      {"Inspectors returned unannounced in January this year to check on progress.",
       "2024-03-20", "2024-01", "2024-01"},
      {"Inspectors carried out an inspection in May last year.", "2020-02-01", "2019-05",
       "2019-05"},
      {"The wards were inspected in December and again checked later.", "2019-02-10",
       "2018-12", "2018-12"},
      {"The wards were inspected in February, the report said.", "2019-02-10", "2019-02",
       "2019-02"},
      {"The CQC inspected the trust between 12 and 14 March 2019.", "", "2019-03-12",
       "2019-03-14"},
      {"The wards were inspected in January, the report said.", "", "", ""},
      {"Progress since the last inspection in November 2016 was slow.", "2018-01-01", "", ""},
      {"This came after their November 2016 inspection.", "2018-01-01", "", ""},
      {"This follows the previous inspection in March 2016.", "2018-01-01", "", ""},
      {"A further inspection in September 2025 is planned.", "2019-01-01", "", ""},
      {"Staff said the ward had been busy in June 2019.", "2019-09-01", "", ""},
      {"Inspectors who returned in March this year found progress.", "2022-06-29", "2022-03",
       "2022-03"},
      {"It was rated inadequate after an unannounced inspection in November this year.",
       "2020-12-10", "2020-11", "2020-11"},
      {"Inspectors noted progress since their previous visit in November 2018.", "2019-09-13",
       "", ""},
      {"The CQC visited the trust between 7 and 23 September 2021.", "", "2021-09-07",
       "2021-09-23"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.sentence);
    const Metadata md = extract_metadata(news("Trust report", {c.sentence}, c.published), "");
    CHECK(md.inspected_from.iso() == c.from);
    CHECK(md.inspected_to.iso() == c.to);
    if (!c.from.empty()) CHECK(md.provenance.at("inspected") == "text");
  }
}

TEST_CASE("metadata: publication date from markup, else a byline near the top") {
  struct Case {
    Strings paras;
    std::string markup;  // JSON-LD date or ""
    std::string published;
    std::string source;
  };
  const std::string body =
      "Inspectors from the Care Quality Commission looked at how the wards were run and "
      "published their findings on the trust's services this week.";
  const std::vector<Case> cases{
      {{"Headline", "Published 4 September 2019", body}, "", "2019-09-04", "byline"},
      {{"Headline", "Published: 04/09/2019", body}, "", "2019-09-04", "byline"},
      {{"Headline", "4 September 2019 10:00", body}, "", "2019-09-04", "byline"},
      {{"Headline", "Wednesday 4 September 2019", body}, "", "2019-09-04", "byline"},
      {{"Headline", "Published 4 September 2019", body}, "2019-09-05", "2019-09-05", "json-ld"},
      {{"Headline", "Related: 13 June 2019 Another story", body}, "", "", ""},
      {{"Headline", body, "In December 2023 there were 144 vacancies.", "13 June 2019"}, "", "",
       ""},
      {{"Headline", body}, "", "", ""},
  };
  for (const Case& c : cases) {
    CAPTURE(join(c.paras));
    const Metadata md = extract_metadata(news("Headline", c.paras, c.markup), "");
    CHECK(md.published.iso() == c.published);
    if (c.source.empty())
      CHECK_FALSE(md.provenance.contains("published"));
    else
      CHECK(md.provenance.at("published") == c.source);
    CHECK(md.year == (c.published.empty() ? 0 : std::stoi(c.published.substr(0, 4))));
  }
}

TEST_CASE("metadata: overall rating phrases, with straight and curly quotes") {
  struct Case {
    std::string sentence;
    std::string rating;
  };
  const std::vector<Case> cases{
      {"Overall rating for this trust: Outstanding", "outstanding"},
      {"The trust has an overall rating of \xE2\x80\x98good\xE2\x80\x99 after the visit.", "good"},
      {"Inspectors rated the trust inadequate overall.", "inadequate"},
      {"The trust was rated \xE2\x80\x9Cinadequate\xE2\x80\x9D overall.", "inadequate"},
      {"LPT remains \xE2\x80\x98requires improvement\xE2\x80\x99 after the review.",
       "requires-improvement"},
      {"The regulator gave an overall requires improvement rating.", "requires-improvement"},
      {"Its overall rating improved from requires improvement to good.", "good"},
      {"Following its overall rating as 'Requires Improvement' the trust got support.",
       "requires-improvement"},
      {"The trust was rated \xE2\x80\x98good\xE2\x80\x99 for caring.", ""},
      {"Overall, the trust was rated as requires improvement for safe and effective.", ""},
      {"It was previously rated good overall.", ""},
      {"Staff gave good examples of care overall.", ""},
      {"Oxleas NHS Foundation Trust is in special measures after inspectors rated it inadequate.",
       "inadequate"},
      {"The trust kept its rating of requires improvement.", "requires-improvement"},
      {"The trust said its wards were rated inadequate.", ""},
      {"The maternity service run by Oxleas NHS Foundation Trust has been rated inadequate.", ""},
      {"The CQC rated the wards inadequate.", ""},
  };
  for (const Case& c : cases) {
    CAPTURE(c.sentence);
    const Metadata md = extract_metadata(news("Report", {c.sentence}), "");
    CHECK(md.overall_rating == c.rating);
    if (!c.rating.empty()) CHECK(list(md.ratings) == c.rating);
  }
}

TEST_CASE("metadata: service ratings in news prose") {
  const Metadata md = extract_metadata(
      news("Wards improve",
           {"The trust received a \xE2\x80\x98good\xE2\x80\x99 rating for community health "
            "services for adults and a \xE2\x80\x98requires improvement\xE2\x80\x99 rating for "
            "its other services.",
            "Inspectors went to the acute wards for adults and the psychiatric intensive care "
            "units. Their rating for this service stayed as \xE2\x80\x9Cinadequate\xE2\x80\x9D.",
            "The crisis teams had previously been rated \xE2\x80\x9Crequires "
            "improvement\xE2\x80\x9D but improved to \xE2\x80\x9Coutstanding\xE2\x80\x9D.",
            "Community CAMHS staff were good at listening to families."}),
      "");
  CHECK(list(md.services) == "community-adults;acute-wards-picu;mh-crisis;community-camhs");
  CHECK(list(md.service_ratings) ==
        "community-adults=good;acute-wards-picu=inadequate;mh-crisis=outstanding");
  CHECK(md.overall_rating.empty());
  CHECK(list(md.ratings) == "good;inadequate;outstanding");
}

TEST_CASE("metadata: service ratings said before, after or about the last named service") {
  struct Case {
    Strings paras;
    std::string ratings;
  };
  const std::vector<Case> cases{
      {{"The watchdog rated the A&E departments as requires improvement."},
       "urgent-emergency=requires-improvement"},
      {{"The regulator has upgraded the child and adolescent mental health wards run by the "
        "trust to good."},
       "camhs-wards=good"},
      {{"Families raised concerns about wards for people with a learning disability or autism.",
        "The CQC inspected the wards in January. It rated the service inadequate."},
       "ld-autism-wards=inadequate"},
      {{"The maternity service run by Oxleas NHS Foundation Trust has been rated inadequate."},
       "maternity=inadequate"},
      {{"Maternity services were praised. Staff said care was good."}, ""},
      {{"Maternity services were rated good for caring."}, ""},
      {{"Maternity services were previously rated inadequate."}, ""},
  };
  for (const Case& c : cases) {
    CAPTURE(join(c.paras));
    CHECK(list(extract_metadata(news("", c.paras), "").service_ratings) == c.ratings);
  }
}

TEST_CASE("metadata: a report's ratings table with wrapped service names") {
  const Metadata md = extract_metadata(
      report({"Oxleas NHS Foundation Trust\nInspection report\n\n"
              "Ratings for core services\nCore service Rating\n"
              "Acute wards for adults of working age and psychiatric intensive care Good\nunits\n"
              "Specialist community mental health services for children and young Inadequate\n"
              "people",
              "Specialist community mental health services for children and\nyoung people\n"
              "Overall rating for this core service: Inadequate\n\nWaits were long.\n\n"
              "Acute wards for adults of working age and psychiatric intensive\ncare units\n"
              "Overall rating for this core service: Good"}),
      "");
  CHECK(list(md.services) == "acute-wards-picu;community-camhs");  // no critical care
  CHECK(list(md.service_ratings) == "acute-wards-picu=good;community-camhs=inadequate");
  CHECK(md.overall_rating.empty());
}

TEST_CASE("metadata: sidebar and related-story dates are never the publication date") {
  const std::string furniture =
      "<aside><ul><li>Flu clinics open <span>21 August 2019</span></li></ul></aside>"
      "<div class=\"related\"><p>Published 2 September 2019</p></div>";
  const std::string article =
      "<article><h1>Trust rated good</h1><p>Oxleas NHS Foundation Trust has been rated good "
      "by the Care Quality Commission after inspectors visited in June 2019 and praised the "
      "staff on its wards.</p></article>";
  auto undated = extract("<html><body>" + article + furniture + "</body></html>", "text/html");
  REQUIRE(undated.ok());
  const Metadata none = extract_metadata(undated.value(), "");
  CHECK_FALSE(none.published.known());
  CHECK(none.inspected_from.iso() == "2019-06");
  CHECK(none.year == 2019);
  CHECK(none.provenance.at("year") == "text");

  auto dated = extract("<html><body>" + furniture + "<article><h1>Trust rated good</h1>"
                       "<p>Published 13 September 2019</p>" + article.substr(9) + "</body></html>",
                       "text/html");
  REQUIRE(dated.ok());
  const Metadata byline = extract_metadata(dated.value(), "");
  CHECK(byline.published.iso() == "2019-09-13");
  CHECK(byline.provenance.at("published") == "byline");
  CHECK(byline.overall_rating == "good");
}

TEST_CASE("metadata: services collapse aliases and keep order of first mention") {
  struct Case {
    std::string text;
    Strings services;
  };
  const std::vector<Case> cases{
      {"Acute wards for adults of working age and psychiatric intensive care units were seen.",
       {"acute-wards-picu"}},
      {"The PICU and the acute wards were seen, then A&E and maternity services.",
       {"acute-wards-picu", "urgent-emergency", "maternity"}},
      {"A picu is not the same word as PICU for us.", {"acute-wards-picu"}},
      {"Patients used a picu bed.", {}},
      {"Specialist community mental health services for children and young people, then "
       "CAMHS wards and community CAMHS.",
       {"community-camhs", "camhs-wards"}},
      {"Wards for older people with mental health problems and end-of-life care.",
       {"older-people-wards", "end-of-life"}},
      {"Older people\xE2\x80\x99s wards were visited.", {"older-people-wards"}},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    CHECK(list(extract_metadata(news("", {c.text}), "").services) == list(c.services));
  }
}

TEST_CASE("metadata: which trusts a document is about") {
  struct Case {
    std::string name;
    std::string title;
    Strings paras;
    std::string trusts;
  };
  const std::string filler =
      "The inspection team looked at the wards, the community teams and the leadership of the "
      "organisation over several weeks and spoke with patients and staff.";
  const std::vector<Case> cases{
      {"buddy trust is only mentioned",
       "LPT report",
       {"Leicestershire Partnership NHS Trust (LPT) has a new CQC report. " + filler, filler,
        "LPT staff were praised. LPT said it would improve.",
        "Support includes a buddy relationship with Oxleas NHS Foundation Trust, an "
        "outstanding trust."},
       "RT5"},
      {"compared with another trust",
       "",
       {"Devon Partnership NHS Trust was inspected. " + filler,
        "Its waiting lists were long compared with Oxleas NHS Foundation Trust."},
       "RWV"},
      {"a trust that helps is only mentioned",
       "",
       {"Devon Partnership NHS Trust was inspected. " + filler,
        "Staff from Oxleas NHS Foundation Trust will help the trust review its wards."},
       "RWV"},
      {"former name resolves to the current trust",
       "",
       {"Norfolk and Waveney Mental Health NHS Foundation Trust was inspected. " + filler},
       "RMY"},
      {"former name without NHS",
       "",
       {"South Essex Partnership University Foundation Trust services were inspected. " + filler},
       "R1L"},
      {"abbreviations are case-sensitive whole words",
       "",
       {"The lpt and slpt teams met. " + filler},
       ""},
      {"main trust first: title and lead weigh most",
       "Oxleas and ELFT reports",
       {"East London NHS Foundation Trust and Oxleas NHS Foundation Trust were both "
        "inspected. " + filler,
        "ELFT was praised. ELFT staff were kind. East London NHS Foundation Trust said so."},
       "RWK;RPG"},
      {"unknown stays unknown", "Health news", {filler}, ""},
  };
  for (const Case& c : cases) {
    CAPTURE(c.name);
    // The trusts a document is about: `trusts` without the ones only mentioned.
    const Metadata md = extract_metadata(news(c.title, c.paras), "");
    Strings about;
    for (const auto& t : md.trusts)
      if (std::find(md.mentioned_trusts.begin(), md.mentioned_trusts.end(), t) ==
          md.mentioned_trusts.end())
        about.push_back(t);
    CHECK(list(about) == c.trusts);
  }
}

TEST_CASE("metadata: a report is about its cover trust, not trusts named once inside") {
  const std::string prose =
      "We looked at the safety of the wards and the way the trust was led, and we spoke with "
      "patients, carers and staff in every service we visited.";
  const Metadata md = extract_metadata(
      report({"Leicestershire Partnership NHS Trust\nInspection report\n\n" + prose,
              prose + "\n\nThe trust said LPT staff would act. " + prose,
              prose + "\n\nPatients were sent to University Hospitals of Leicester NHS Trust "
                      "for tests."}),
      "");
  CHECK(list(md.trusts) == "RT5;RWE");
  CHECK(list(md.mentioned_trusts) == "RWE");
  CHECK(md.provenance.at("trusts") == "cover page");
}

TEST_CASE("metadata: a CQC provider URI names the trust") {
  const Metadata md = extract_metadata(news("Ratings", {"Oxleas NHS Foundation Trust."}),
                                       "https://www.cqc.org.uk/provider/RT5/reports");
  CHECK(list(md.trusts) == "RT5;RPG");
  CHECK(md.provenance.at("trusts") == "uri");
}

TEST_CASE("metadata: a trust's own nhs.uk site names the trust its page does not") {
  // "Our trust" pages never name themselves; the site does.
  const Metadata own = extract_metadata(
      news("Our inspection results", {"Inspectors from the Care Quality Commission rated our "
                                      "mental health wards good after their visit in May."}),
      "https://www.lpt.nhs.uk/news/our-inspection-results");
  CHECK(list(own.trusts) == "RT5");
  CHECK(own.provenance.at("trusts") == "site");
  // A page on that site plainly about another trust keeps the text's trust.
  const Metadata other = extract_metadata(
      news("Oxleas rated good", {"Oxleas NHS Foundation Trust was rated good by the CQC."}),
      "https://www.lpt.nhs.uk/news/partners");
  CHECK(list(other.trusts) == "RPG");
  // A newspaper's host is never a trust.
  const Metadata press = extract_metadata(
      news("Wards rated good", {"Inspectors from the Care Quality Commission rated the wards "
                                "good."}),
      "https://www.leicestermercury.co.uk/news/wards");
  CHECK(press.trusts.empty());
}

TEST_CASE("metadata: kind, and nothing known stays unknown") {
  const Metadata md =
      extract_metadata(news("Weather", {"It rained in June 2019 and the good weather ended."}),
                       "https://example.org/news/weather");
  CHECK(md.kind == "other");  // not about health care: no news kind (metadata_kind tests)
  CHECK(md.trusts.empty());
  CHECK(md.services.empty());
  CHECK(md.overall_rating.empty());
  CHECK(md.ratings.empty());
  CHECK_FALSE(md.inspected_from.known());
  CHECK_FALSE(md.inspected_to.known());
  CHECK_FALSE(md.published.known());
  CHECK(md.year == 0);
  CHECK(md.provenance.empty());

  Extraction other;
  other.format = "text";
  CHECK(extract_metadata(other, "").kind == "other");
  CHECK(extract_metadata(report({"Nothing here"}), "").kind == "other");
  CHECK(extract_metadata(report({kCover}), "").kind == "report");
}
