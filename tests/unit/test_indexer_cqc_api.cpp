// The CQC API's JSON -> Metadata: report metadata (key questions, location, dates checked) and
// a rated location with no report as a document of kind "rating".
#include <doctest/doctest.h>

#include <string>

#include "indexer/document_builder.hpp"
#include "indexer/extract.hpp"
#include "indexer/extract_cqc_api.hpp"
#include "indexer/metadata.hpp"

using namespace cqc::indexer;

namespace {

// A location as GET /locations/{id} gives it, rated, with no reports[] (API field names).
const char* const kRatedLocation = R"({
  "locationId": "1-2000000001", "providerId": "RT5", "organisationType": "Location",
  "name": "Agnes Unit", "registrationStatus": "Registered",
  "currentRatings": {
    "overall": {"rating": "Requires improvement", "reportDate": "2021-03-05",
                "reportLinkId": "x-1",
                "keyQuestionRatings": [
                  {"name": "Well-led", "rating": "Requires improvement", "reportDate": "2021-03-05"},
                  {"name": "Safe", "rating": "Inadequate", "reportDate": "2021-03-05"},
                  {"name": "Caring", "rating": "Good", "reportDate": "2019-11-20"}]},
    "serviceRatings": [
      {"name": "Wards for people with a learning disability or autism",
       "rating": "Requires improvement", "reportDate": "2021-03-05",
       "keyQuestionRatings": [{"name": "Safe", "rating": "Inadequate"}]}],
    "reportDate": "2021-03-05"},
  "historicRatings": []
})";

std::string with_reports(const std::string& reports) {
  std::string json = kRatedLocation;
  json.insert(json.rfind('}'), R"(, "reports": )" + reports);
  return json;
}

// The metadata the fetcher keeps for one report (fetch::report_metadata_json's shape).
std::string report_json(const std::string& report_date, const std::string& first_visit) {
  return R"({"source":"cqc-api","organisation":"1-2000000002","provider":"RMY",)"
         R"("name":"Carlton Court Hospital","location":"Carlton Court Hospital",)"
         R"("location_id":"1-2000000002","report":{"linkId":"r-1","reportDate":")" +
         report_date + R"(","firstVisitDate":")" + first_visit +
         R"(","reportType":"Location"},"overall":"Good",)"
         R"("key_questions":{"Responsive":"Good","Safe":"Requires improvement"},"services":[]})";
}

}  // namespace

TEST_CASE("cqc api json: only a rated location with no report is a document") {
  CHECK(is_cqc_api_rating(kRatedLocation));
  CHECK(is_cqc_api_rating(with_reports("[]")));
  CHECK(is_cqc_api_rating(with_reports("null")));
  CHECK_FALSE(is_cqc_api_rating(with_reports(R"([{"linkId": "x-1", "reportDate": "2021-03-05"}])")));
  CHECK_FALSE(is_cqc_api_rating(R"({"providerId": "RT5", "currentRatings": {"overall": {"rating": "Good"}}})"));
  CHECK_FALSE(is_cqc_api_rating(R"({"locationId": "1-3", "currentRatings": {}})"));  // nothing rated
  CHECK_FALSE(is_cqc_api_rating(R"({"locationId": "1-3", "currentRatings": "Good"})"));
  CHECK_FALSE(is_cqc_api_rating(R"({"locationId": "1-3", "currentRatings": {"overall": )"));  // cut off
  CHECK_FALSE(is_cqc_api_rating(R"(["locationId", "currentRatings"])"));

  CHECK(extractor_for("application/json; charset=utf-8", kRatedLocation) == &cqc_api_extractor());
  CHECK(extractor_for("application/json", R"({"total": 0, "providers": []})") == nullptr);
  CHECK(extractor_for("application/json", with_reports(R"([{"linkId": "x-1"}])")) == nullptr);
  auto bad = cqc_api_extractor().extract("{}", "application/json");
  CHECK_FALSE(bad.ok());
}

TEST_CASE("cqc api json: a location's ratings as text and as metadata of kind rating") {
  auto x = extract(kRatedLocation, "application/json");
  REQUIRE(x.ok());
  CHECK(x->format == "cqc-api");
  CHECK(x->title == "Agnes Unit \u2014 CQC ratings");
  REQUIRE(x->pages.size() == 1);
  const std::string& text = x->pages[0].text;
  CHECK(text.find("Leicestershire Partnership NHS Trust (RT5)") != std::string::npos);
  CHECK(text.find("Overall rating: Requires improvement (2021-03-05).") != std::string::npos);
  CHECK(text.find("Safe: Inadequate (2021-03-05).") != std::string::npos);
  CHECK(text.find("Caring: Good (2019-11-20).") != std::string::npos);
  CHECK(text.find("Wards for people with a learning disability or autism: Requires improvement "
                  "(2021-03-05). Safe: Inadequate.") != std::string::npos);

  Metadata m;
  apply_api_metadata(api_rating_metadata_json(kRatedLocation), m, "2026-11-30T10:00:00Z");
  CHECK(m.kind == "rating");
  CHECK(m.location == "Agnes Unit");
  CHECK(m.location_id == "1-2000000001");
  CHECK(m.trusts == std::vector<std::string>{"RT5"});
  CHECK(m.overall_rating == "requires-improvement");
  // In the key questions' own order, whatever the API's.
  CHECK(m.key_question_ratings == std::vector<KeyQuestionRating>{{"safe", "inadequate"},
                                                                 {"caring", "good"},
                                                                 {"well-led", "requires-improvement"}});
  CHECK(m.services == std::vector<std::string>{"ld-autism-wards"});
  CHECK(m.service_ratings == std::vector<ServiceRating>{{"ld-autism-wards", "requires-improvement"}});
  CHECK(m.published.iso() == "2021-03-05");
  CHECK_FALSE(m.inspected_from.known());
  CHECK(m.year == 2021);
  CHECK(m.provenance.at("key_question_ratings") == "cqc-api");
  CHECK(m.provenance.at("published") == "cqc-api");
  CHECK(m.warnings.empty());
  CHECK(api_rating_metadata_json(with_reports(R"([{"linkId": "x-1"}])")).empty());
}

TEST_CASE("cqc api json: a report's key questions and location reach the metadata") {
  Metadata m;
  m.kind = "report";
  m.key_question_ratings = {{"caring", "outstanding"}};  // what the text said
  apply_api_metadata(report_json("2023-04-01", "2023-01-10"), m, "2026-11-30T10:00:00Z");
  CHECK(m.key_question_ratings ==
        std::vector<KeyQuestionRating>{{"safe", "requires-improvement"}, {"responsive", "good"}});
  CHECK(m.location == "Carlton Court Hospital");
  CHECK(m.trusts == std::vector<std::string>{"RMY"});
  CHECK(m.inspected_from.iso() == "2023-01-10");
  CHECK(m.published.iso() == "2023-04-01");
  CHECK(m.provenance.at("inspected") == "cqc-api");
  CHECK(m.provenance.at("year") == "cqc-api");
  CHECK(m.warnings.empty());

  // The title names the location once.
  CHECK(document_title("Inspection report", "Carlton Court Hospital") ==
        "Inspection report \u2014 Carlton Court Hospital");
  CHECK(document_title("CARLTON COURT  hospital - Inspection report", "Carlton Court Hospital") ==
        "CARLTON COURT  hospital - Inspection report");
  CHECK(document_title("", "Carlton Court Hospital") == "Carlton Court Hospital");
  CHECK(document_title("Inspection report", "") == "Inspection report");
}

TEST_CASE("cqc api json: malformed metadata keeps what the text gave") {
  for (const char* json : {"", "[1, 2]", "{", R"({"report": 5, "key_questions": [], "services": {}})",
                           R"({"key_questions": {"Safe": null, "Kindness": "Good", "Caring": 3}})",
                           R"({"report": {"reportDate": 20230401, "firstVisitDate": "2023-13-45"}})"}) {
    Metadata m;
    m.overall_rating = "good";
    m.key_question_ratings = {{"safe", "good"}};
    apply_api_metadata(json, m, "2026-11-30T10:00:00Z");
    INFO(json);
    CHECK(m.overall_rating == "good");
    CHECK(m.key_question_ratings == std::vector<KeyQuestionRating>{{"safe", "good"}});
    CHECK(m.warnings.empty());
    CHECK_FALSE(m.published.known());
  }
}

TEST_CASE("cqc api json: an impossible date pair is flagged and not trusted") {
  SUBCASE("first visit after the report, and the text says the same: no inspection date") {
    Metadata m;
    m.inspected_from = m.inspected_to = {2023, 5, 2};
    m.provenance["inspected"] = "cover page";
    apply_api_metadata(report_json("2023-04-01", "2023-05-02"), m, "2026-11-30T10:00:00Z");
    CHECK_FALSE(m.inspected_from.known());
    CHECK(m.published.iso() == "2023-04-01");
    CHECK(m.provenance.at("inspected") == "cqc-api: ignored, first visit 2023-05-02 after report 2023-04-01");
    CHECK(m.warnings == std::vector<std::string>{
                            "inspected: cqc-api first visit 2023-05-02 after report 2023-04-01, ignored"});
    CHECK(m.year == 2023);
    CHECK(m.provenance.at("year") == "cqc-api");  // from the publication
  }
  SUBCASE("a possible date from the text is kept, with the API's noted") {
    Metadata m;
    m.inspected_from = {2023, 1, 9};
    m.inspected_to = {2023, 1, 12};
    m.provenance["inspected"] = "cover page";
    apply_api_metadata(report_json("2023-04-01", "2023-05-02"), m, "");
    CHECK(m.inspected_from.iso() == "2023-01-09");
    CHECK(m.inspected_to.iso() == "2023-01-12");
    CHECK(m.provenance.at("inspected") ==
          "cover page; cqc-api ignored: first visit 2023-05-02 after report 2023-04-01");
    CHECK(m.warnings.size() == 1);
  }
  SUBCASE("dates after the capture") {
    Metadata m;
    apply_api_metadata(report_json("2027-02-01", "2026-12-03"), m, "2026-11-30T10:00:00Z");
    CHECK_FALSE(m.published.known());
    CHECK_FALSE(m.inspected_from.known());
    CHECK(m.provenance.at("published") == "cqc-api: ignored, report date 2027-02-01 after capture 2026-11-30");
    CHECK(m.provenance.at("inspected") == "cqc-api: ignored, first visit 2026-12-03 after capture 2026-11-30");
    CHECK(m.warnings.size() == 2);
    CHECK(m.year == 0);
    CHECK(m.provenance.count("year") == 0);
  }
  SUBCASE("placeholder dates from before the CQC existed") {
    Metadata m;
    apply_api_metadata(report_json("0001-01-01", "1900-01-01"), m, "2026-11-30T10:00:00Z");
    CHECK_FALSE(m.published.known());
    CHECK_FALSE(m.inspected_from.known());
    CHECK(m.provenance.at("published") == "cqc-api: ignored, report date 0001-01-01 before the CQC existed");
    CHECK(m.year == 0);
  }
  SUBCASE("a same-day visit and publication is possible") {
    Metadata m;
    apply_api_metadata(report_json("2023-04-01", "2023-04-01"), m, "2023-04-01T08:00:00Z");
    CHECK(m.inspected_from.iso() == "2023-04-01");
    CHECK(m.warnings.empty());
  }
}
