// Issue 4 metadata: key-question ratings, trusts only mentioned, page furniture in the text,
// bylines, round-ups and service ratings stated as lists.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/date.hpp"
#include "indexer/extract.hpp"
#include "indexer/metadata.hpp"

using cqc::indexer::Extraction;
using cqc::indexer::extract_metadata;
using cqc::indexer::Metadata;

namespace {

std::string kq(const Metadata& md) {
  std::string out;
  for (const auto& q : md.key_question_ratings)
    out += (out.empty() ? "" : ";") + q.question + "=" + q.rating;
  return out;
}

// "service=rating;..." of MD's per-service ratings, in order.
std::string sr(const Metadata& md) {
  std::string out;
  for (const auto& r : md.service_ratings) out += (out.empty() ? "" : ";") + r.service + "=" + r.rating;
  return out;
}

Extraction page(const std::string& title, const std::vector<std::string>& paras,
                const std::string& format = "html") {
  Extraction x;
  x.format = format;
  x.title = title;
  std::string text;
  for (const auto& p : paras) text += (text.empty() ? "" : "\n\n") + p;
  x.pages.push_back({format == "pdf" ? 1 : 0, text});
  return x;
}

}  // namespace

TEST_CASE("metadata: key-question ratings from prose and from a report grid") {
  Metadata md = extract_metadata(
      page("Hospital trust rated", {"Devon Partnership NHS Trust was rated requires improvement "
                                    "overall. It was rated good for caring and effective, but "
                                    "inadequate for safe, responsive and well-led."}),
      "");
  CHECK(md.overall_rating == "requires-improvement");
  CHECK(kq(md) == "caring=good;effective=good;safe=inadequate;responsive=inadequate;"
                  "well-led=inadequate");
  CHECK(md.provenance.at("key_question_ratings") == "text");

  md = extract_metadata(page("Oxleas NHS Foundation Trust",
                             {"Oxleas NHS Foundation Trust\nInspection report",
                              "Overall rating for this trust Good\nAre services safe? Requires "
                              "improvement\nAre services well-led? Outstanding"},
                             "pdf"),
                        "");
  CHECK(kq(md) == "safe=requires-improvement;well-led=outstanding");
  CHECK(md.provenance.at("key_question_ratings") == "cover page");
}

TEST_CASE("metadata: a buddy trust is kept in trusts but marked as mentioned") {
  const Metadata md = extract_metadata(
      page("Trust placed in special measures",
           {"Norfolk and Suffolk NHS Foundation Trust has been placed in special measures by "
            "the Care Quality Commission after inspectors rated it inadequate.",
            "It will be paired with a buddy, East London NHS Foundation Trust."}),
      "");
  CHECK(md.trusts == std::vector<std::string>{"RMY", "RWK"});
  CHECK(md.mentioned_trusts == std::vector<std::string>{"RWK"});
}

TEST_CASE("metadata: comments and teasers in the text are furniture") {
  const Metadata md = extract_metadata(
      page("Mental health trust rated inadequate",
           {"Read more: Hospital car park fees frozen (14 January 2019)",
            "Greater Manchester Mental Health NHS Foundation Trust has been rated inadequate by "
            "the Care Quality Commission after an inspection in October 2022.",
            "Readers' comments",
            "Rob, 1 February 2023: Pennine Care NHS Foundation Trust was rated good."}),
      "");
  CHECK(md.trusts == std::vector<std::string>{"RXV"});
  CHECK(md.inspected_from.iso() == "2022-10");
  CHECK_FALSE(md.published.known());
}

TEST_CASE("metadata: a byline with the author's name dates the article") {
  const Metadata md = extract_metadata(
      page("King's Lynn hospital leaves special measures",
           {"By Sam Doyle - 18 March 2022",
            "Inspectors, who visited in November and December last year, rated the trust good "
            "for caring."}),
      "");
  CHECK(md.published.iso() == "2022-03-18");
  CHECK(md.provenance.at("published") == "byline");
  CHECK(md.inspected_from.iso() == "2021-11");
  CHECK(md.inspected_to.iso() == "2021-12");
  CHECK(kq(md) == "caring=good");
}

TEST_CASE("metadata: a round-up of trusts with different overall ratings has none") {
  const Metadata md = extract_metadata(
      page("Inspection round-up",
           {"The regulator published three reports this week.",
            "Cornwall Partnership NHS Foundation Trust was rated good overall.",
            "Royal Cornwall Hospitals NHS Trust was rated requires improvement overall."}),
      "");
  CHECK(md.trusts.size() == 2);
  CHECK(md.mentioned_trusts.empty());
  CHECK(md.overall_rating.empty());
}

TEST_CASE("metadata: services rated in a list, and 'rated both'") {
  Metadata md = extract_metadata(
      page("Trust rated", {"Inspectors rated maternity services good and urgent and emergency "
                           "care requires improvement at University Hospitals of Leicester NHS "
                           "Trust."}),
      "");
  REQUIRE(md.service_ratings.size() == 2);
  CHECK(md.service_ratings[0].rating == "good");
  CHECK(md.service_ratings[1].rating == "requires-improvement");
  md = extract_metadata(
      page("Trust rated", {"The regulator inspected the PICU and the crisis teams of Leeds and "
                           "York Partnership NHS Foundation Trust and rated both good."}),
      "");
  CHECK(md.service_ratings.size() == 2);
}

TEST_CASE("metadata: key questions in grids with 'at this trust', lists with 'for being', all five") {
  Metadata grid = extract_metadata(
      page("Trust inspection report",
           {"Overall rating for this trust Requires improvement", "Are services at this trust safe? Inadequate",
            "Are services at this trust effective? Good", "Are services at this trust caring? Outstanding",
            "Are services at this trust responsive? Good", "Are services at this trust well-led? Requires improvement"},
           "pdf"),
      "");
  CHECK(kq(grid) == "safe=inadequate;effective=good;caring=outstanding;responsive=good;well-led=requires-improvement");

  Metadata list = extract_metadata(
      page("Ambulance trust told to improve",
           {"Inspectors rated the ambulance trust inadequate for being safe and for being well-led. "
            "It was judged to require improvement on effectiveness and on responsiveness."}),
      "");
  CHECK(kq(list) == "safe=inadequate;well-led=inadequate;effective=requires-improvement;"
                    "responsive=requires-improvement");

  Metadata all = extract_metadata(
      page("Community trust rated good",
           {"The community trust was rated good in all five areas that the regulator assesses."}),
      "");
  CHECK(kq(all) == "safe=good;effective=good;caring=good;responsive=good;well-led=good");

  Metadata except = extract_metadata(
      page("Trust rated good",
           {"The trust was rated good for every one of the five key questions except caring."}),
      "");
  CHECK(kq(except) == "safe=good;effective=good;responsive=good;well-led=good");
}

TEST_CASE("metadata: service ratings in dash lists, 'judged to', and 'a rating of R:' lists") {
  Metadata dash = extract_metadata(
      page("Mental health trust ratings",
           {"The ratings for each service were as follows.", "Forensic inpatient or secure wards – inadequate.",
            "Wards for older people with mental health problems – good."}),
      "");
  CHECK(sr(dash) == "forensic-secure=inadequate;older-people-wards=good");

  Metadata judged = extract_metadata(
      page("Hospital report", {"At the hospital, surgical services were judged to require improvement "
                               "because theatre lists overran."}),
      "");
  CHECK(sr(judged) == "surgery=requires-improvement");

  Metadata colon = extract_metadata(
      page("Trust praised", {"Two services were given a rating of Outstanding: end of life care, and "
                             "community health inpatient services."}),
      "");
  CHECK(sr(colon) == "end-of-life=outstanding;community-inpatients=outstanding");
}

TEST_CASE("metadata: a trust compared later in the sentence is only mentioned; 'were R, and'") {
  Metadata md = extract_metadata(
      page("Tees trust told to improve",
           {"Tees, Esk and Wear Valleys NHS Foundation Trust has been rated requires improvement overall.",
            "Meanwhile Cumbria, Northumberland, Tyne and Wear NHS Foundation Trust holds an outstanding "
            "rating, though the two organisations are hard to compare.",
            "Inspectors said its crisis services were inadequate, and asked for an action plan."}),
      "");
  CHECK(md.trusts == std::vector<std::string>{"RX3", "RX4"});
  CHECK(md.mentioned_trusts == std::vector<std::string>{"RX4"});
  CHECK(md.overall_rating == "requires-improvement");
  REQUIRE(md.service_ratings.size() == 1);
  CHECK(md.service_ratings[0].service == "mh-crisis");
  CHECK(md.service_ratings[0].rating == "inadequate");
}

TEST_CASE("metadata: key questions as the subject; a single service's key questions are not the trust's") {
  Metadata subject = extract_metadata(
      page("Ambulance trust ratings",
           {"Across the trust, safety and leadership were both rated requires improvement, while caring "
            "was rated good. Effective and responsive were judged to be good."}),
      "");
  CHECK(kq(subject) == "safe=requires-improvement;well-led=requires-improvement;caring=good;effective=good;"
                       "responsive=good");
  Metadata service = extract_metadata(
      page("Children's services praised",
           {"Within the service, caring was rated outstanding and safety was rated good."}),
      "");
  CHECK(kq(service).empty());
}

TEST_CASE("metadata: 'S1, S2 and S3 were each rated R'; 'S required improvement'") {
  Metadata each = extract_metadata(
      page("Hospital trust report", {"Surgery, critical care and maternity were each rated good by inspectors."}), "");
  CHECK(sr(each) == "surgery=good;critical-care=good;maternity=good");
  Metadata verb = extract_metadata(
      page("Mental health trust report", {"Inspectors said the forensic inpatient or secure wards required improvement."}),
      "");
  CHECK(sr(verb) == "forensic-secure=requires-improvement");
}

TEST_CASE("metadata: 'inspectors visited last month' resolves against the publication date") {
  Extraction x = page("Community trust keeps good rating",
                      {"Published 16 August 2018", "The CQC inspectors visited last month and rated the trust good."});
  Metadata md = extract_metadata(x, "");
  CHECK(md.published.iso() == "2018-08-16");
  CHECK(md.inspected_from.iso() == "2018-07");
  CHECK(md.year == 2018);
}
