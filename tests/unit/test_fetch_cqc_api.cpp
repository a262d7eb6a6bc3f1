// The CQC public API: providers, locations, pages, errors and per-report rating metadata.
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <doctest/doctest.h>

#include <map>
#include <string>

#include "fetch/cqc_api.hpp"

using namespace cqc::fetch;

namespace {

// A trust whose latest comprehensive report ("rep-2023") rated the trust and one service,
// with a later focused inspection ("rep-2024-focus") re-rating Safe only; the 2019 report
// ("rep-2019") is in historicRatings with its services in another order than current.
const char* const kProvider = R"({
  "providerId": "RT5",
  "locationIds": ["RT5CJ", "RT5KT", null],
  "organisationType": "Provider",
  "name": "Leicestershire Partnership NHS Trust",
  "currentRatings": {
    "overall": {
      "rating": "Requires improvement",
      "reportDate": "2023-05-17",
      "reportLinkId": "rep-2023",
      "keyQuestionRatings": [
        {"name": "Safe", "rating": "Inadequate", "reportDate": "2024-01-09",
         "reportLinkId": "rep-2024-focus"},
        {"name": "Effective", "rating": "Good", "reportDate": "2023-05-17",
         "reportLinkId": "rep-2023"},
        {"name": "Caring", "rating": "Good"},
        {"name": "Well-led", "rating": "Requires improvement", "reportLinkId": "rep-2023"}
      ]
    },
    "serviceRatings": [
      {"name": "Community health inpatient services", "rating": "Good",
       "reportDate": "2019-06-12", "reportLinkId": "rep-2019",
       "keyQuestionRatings": [{"name": "Safe", "rating": "Good"},
                              {"name": "Caring", "rating": "Outstanding"}]},
      {"name": "Acute wards for adults of working age and psychiatric intensive care units",
       "rating": "Requires improvement", "reportDate": "2023-05-17", "reportLinkId": "rep-2023",
       "keyQuestionRatings": [{"name": "Safe", "rating": "Requires improvement"},
                              {"name": "Caring", "rating": "Good"}]}
    ]
  },
  "historicRatings": [
    {
      "reportLinkId": "rep-2019",
      "reportDate": "2019-06-12",
      "organisationId": "RT5",
      "overall": {
        "rating": "Good",
        "keyQuestionRatings": [
          {"name": "Well-led", "rating": "Good"},
          {"name": "Safe", "rating": "Requires improvement"}
        ]
      },
      "serviceRatings": [
        {"name": "Acute wards for adults of working age and psychiatric intensive care units",
         "rating": "Inadequate",
         "keyQuestionRatings": [{"name": "Caring", "rating": "Requires improvement"},
                                {"name": "Safe", "rating": "Inadequate"}]},
        {"name": "Community health inpatient services", "rating": "Good",
         "keyQuestionRatings": [{"name": "Responsive", "rating": "Good"}]}
      ]
    }
  ],
  "reports": [
    {"linkId": "rep-2024-focus", "reportDate": "2024-01-09", "reportUri": "/reports/rep-2024-focus",
     "firstVisitDate": "2023-11-14", "reportType": "Provider"},
    {"linkId": "rep-2023", "reportDate": "2023-05-17", "reportUri": "/reports/rep-2023",
     "firstVisitDate": "2023-02-06", "reportType": "Provider"},
    {"linkId": "rep-2019", "reportDate": "2019-06-12", "firstVisitDate": null,
     "reportType": "Provider"},
    {"reportUri": "/reports/rep-2015?format=pdf", "reportDate": "2015-03-01"}
  ]
})";

Poco::JSON::Object::Ptr json(const std::string& text) {
  return Poco::JSON::Parser().parse(text).extract<Poco::JSON::Object::Ptr>();
}

const ApiReport& report(const ApiOrganisation& org, const std::string& link) {
  for (const ApiReport& r : org.reports)
    if (r.link_id == link) return r;
  FAIL("no report " << link);
  return org.reports.front();
}

}  // namespace

TEST_CASE("cqc api: a provider with its locations, reports and ratings") {
  auto r = parse_provider(kProvider);
  REQUIRE(r.ok());
  const ApiOrganisation& org = r.value();
  CHECK(org.id == "RT5");
  CHECK(org.provider_id == "RT5");
  CHECK(org.name == "Leicestershire Partnership NHS Trust");
  CHECK(org.location_ids == std::vector<std::string>{"RT5CJ", "RT5KT"});  // null skipped

  REQUIRE(org.reports.size() == 4);
  CHECK(org.reports[1].link_id == "rep-2023");
  CHECK(org.reports[1].report_uri == "/reports/rep-2023");
  CHECK(org.reports[1].report_date == "2023-05-17");
  CHECK(org.reports[1].first_visit_date == "2023-02-06");
  CHECK(org.reports[1].report_type == "Provider");
  CHECK(org.reports[2].report_uri == "/reports/rep-2019");  // derived from linkId
  CHECK(org.reports[2].first_visit_date.empty());           // null
  CHECK(org.reports[3].link_id == "rep-2015");              // derived from reportUri

  CHECK(org.current.report_link_id == "rep-2023");  // the overall's, the set has none
  CHECK(org.current.report_date == "2023-05-17");
  CHECK(org.current.overall.rating == "Requires improvement");
  REQUIRE(org.current.overall.key_questions.size() == 4);
  CHECK(org.current.overall.key_questions[0].report_link_id == "rep-2024-focus");
  REQUIRE(org.current.services.size() == 2);
  CHECK(org.current.services[1].key_questions[0].name == "Safe");
  REQUIRE(org.historic.size() == 1);
  CHECK(org.historic[0].report_link_id == "rep-2019");
  CHECK(org.historic[0].report_date == "2019-06-12");
  CHECK(org.historic[0].overall.rating == "Good");
}

TEST_CASE("cqc api: report metadata has exactly the ratings attributed to that report") {
  auto org = parse_provider(kProvider).value();

  SUBCASE("latest comprehensive report: current set, minus the re-rated Safe") {
    std::string text = report_metadata_json(org, report(org, "rep-2023"));
    CHECK(
        text ==
        R"({"source":"cqc-api","organisation":"RT5","provider":"RT5",)"
        R"("name":"Leicestershire Partnership NHS Trust","location":null,"location_id":null,)"
        R"("report":{"linkId":"rep-2023","reportDate":"2023-05-17",)"
        R"("firstVisitDate":"2023-02-06","reportType":"Provider"},)"
        R"("overall":"Requires improvement",)"
        R"("key_questions":{"Effective":"Good","Caring":"Good","Well-led":"Requires improvement"},)"
        R"("services":[{"name":"Acute wards for adults of working age and psychiatric )"
        R"(intensive care units","rating":"Requires improvement",)"
        R"("key_questions":{"Safe":"Requires improvement","Caring":"Good"}}]})");
  }

  SUBCASE("historic report: services matched by name although listed in another order") {
    auto m = json(report_metadata_json(org, report(org, "rep-2019")));
    CHECK(m->getValue<std::string>("overall") == "Good");
    auto kq = m->getObject("key_questions");
    CHECK(kq->size() == 2);
    CHECK(kq->getValue<std::string>("Safe") == "Requires improvement");
    CHECK(kq->getValue<std::string>("Well-led") == "Good");
    CHECK(m->getObject("report")->isNull("firstVisitDate"));

    auto services = m->getArray("services");
    REQUIRE(services->size() == 2);
    std::map<std::string, Poco::JSON::Object::Ptr> by_name;
    for (size_t i = 0; i < services->size(); ++i) {
      auto s = services->getObject(static_cast<unsigned>(i));
      by_name[s->getValue<std::string>("name")] = s;
    }
    auto acute =
        by_name.at("Acute wards for adults of working age and psychiatric intensive care units");
    CHECK(acute->getValue<std::string>("rating") == "Inadequate");
    CHECK(acute->getObject("key_questions")->getValue<std::string>("Safe") == "Inadequate");
    CHECK(acute->getObject("key_questions")->getValue<std::string>("Caring") ==
          "Requires improvement");
    auto community = by_name.at("Community health inpatient services");
    CHECK(community->getValue<std::string>("rating") == "Good");
    // Merged by name from the historic set and the current set (both say rep-2019).
    auto ckq = community->getObject("key_questions");
    CHECK(ckq->getValue<std::string>("Responsive") == "Good");
    CHECK(ckq->getValue<std::string>("Caring") == "Outstanding");
    CHECK(ckq->getValue<std::string>("Safe") == "Good");
  }

  SUBCASE("focused report: only the key question it re-rated") {
    auto m = json(report_metadata_json(org, report(org, "rep-2024-focus")));
    CHECK(m->isNull("overall"));
    auto kq = m->getObject("key_questions");
    CHECK(kq->size() == 1);
    CHECK(kq->getValue<std::string>("Safe") == "Inadequate");
    CHECK(m->getArray("services")->size() == 0);
  }

  SUBCASE("a report no ratings set names: ratings omitted, not guessed") {
    auto m = json(report_metadata_json(org, report(org, "rep-2015")));
    CHECK(m->isNull("overall"));
    CHECK(m->getObject("key_questions")->size() == 0);
    CHECK(m->getArray("services")->size() == 0);
    CHECK(m->getObject("report")->getValue<std::string>("linkId") == "rep-2015");
  }

  SUBCASE("an empty linkId matches nothing, even ratings without reportLinkId") {
    ApiOrganisation bare;
    bare.id = "1-000000001";
    bare.current.overall.rating = "Good";
    bare.current.overall.key_questions.push_back({"Safe", "Good", "", "", {}});
    auto m = json(report_metadata_json(bare, ApiReport{}));
    CHECK(m->isNull("overall"));
    CHECK(m->isNull("provider"));
    CHECK(m->getObject("key_questions")->size() == 0);
  }
}

TEST_CASE("cqc api: a location tolerates nulls and missing optional fields") {
  const char* location = R"({
    "locationId": "1-116913456",
    "providerId": "RT5",
    "name": "Bradgate Mental Health Unit",
    "registrationStatus": "Registered",
    "currentRatings": {
      "overall": {"rating": "Good", "reportDate": "2022-09-01", "reportLinkId": "loc-rep-1",
                  "keyQuestionRatings": null},
      "serviceRatings": null
    },
    "historicRatings": null,
    "reports": [{"linkId": "loc-rep-1", "reportDate": "2022-09-01", "reportUri": null,
                 "firstVisitDate": "2022-06-20", "reportType": "Location"}]
  })";
  auto r = parse_location(location);
  REQUIRE(r.ok());
  CHECK(r->id == "1-116913456");
  CHECK(r->provider_id == "RT5");
  CHECK(r->location_ids.empty());
  CHECK(r->historic.empty());
  CHECK(r->current.overall.rating == "Good");
  REQUIRE(r->reports.size() == 1);
  CHECK(r->reports[0].report_uri == "/reports/loc-rep-1");
  auto m = json(report_metadata_json(r.value(), r->reports[0]));
  CHECK(m->getValue<std::string>("overall") == "Good");
  CHECK(m->getValue<std::string>("organisation") == "1-116913456");
  // A location's report names the location (its name and id) and its provider.
  CHECK(r->is_location);
  CHECK(m->getValue<std::string>("location") == "Bradgate Mental Health Unit");
  CHECK(m->getValue<std::string>("location_id") == "1-116913456");
  CHECK(m->getValue<std::string>("provider") == "RT5");

  auto minimal = parse_location(R"({"locationId": "1-2"})");
  REQUIRE(minimal.ok());
  CHECK(minimal->name.empty());
  CHECK(minimal->reports.empty());
}

TEST_CASE("cqc api: missing or mistyped fields are named in the failure") {
  struct Case {
    bool provider;
    const char* json;
    const char* reason_part;
  };
  const Case cases[] = {
      {true, R"({"name": "No id"})", "providerId: missing"},
      {true, R"({"providerId": null})", "providerId: missing"},
      {false, R"({"providerId": "RT5"})", "locationId: missing"},
      {true, R"({"providerId": "RT5", "reports": {"linkId": "x"}})", "reports: expected an array"},
      {true, R"({"providerId": "RT5", "locationIds": "RT5CJ"})", "locationIds: expected an array"},
      {true, R"({"providerId": "RT5", "reports": [{"reportDate": "2020-01-01"}]})",
       "reports[0]: neither linkId nor reportUri"},
      {true, R"({"providerId": "RT5", "reports": [{"linkId": ["a"]}]})",
       "reports[0].linkId: expected a string"},
      {true,
       R"({"providerId": "RT5", "currentRatings": {"serviceRatings": [{"name": "X"},
           {"name": "Y", "keyQuestionRatings": "Good"}]}})",
       "currentRatings.serviceRatings[1].keyQuestionRatings: expected an array"},
      {true, R"({"providerId": "RT5", "historicRatings": [1]})",
       "historicRatings[0]: expected an object"},
      {true, R"({"providerId": "RT5", )", "invalid JSON"},
      {true, R"(["RT5"])", "invalid JSON: not an object"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.json);
    auto r = c.provider ? parse_provider(c.json) : parse_location(c.json);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().find(c.reason_part) != std::string::npos);
  }
}

TEST_CASE("cqc api: paged lists") {
  auto providers = parse_page(R"({
    "total": 2450, "firstPageUri": "/providers?page=1&perPage=1000",
    "page": 2, "perPage": 1000, "totalPages": 3,
    "nextPageUri": "/providers?page=3&perPage=1000",
    "previousPageUri": "/providers?page=1&perPage=1000",
    "providers": [{"providerId": "RT5", "providerName": "Leicestershire Partnership NHS Trust"},
                  {"providerId": "RX4",
                   "providerName": "Cumbria, Northumberland, Tyne and Wear NHS Foundation Trust"},
                  {"providerName": "no id: skipped"}]
  })");
  REQUIRE(providers.ok());
  CHECK(providers->page == 2);
  CHECK(providers->per_page == 1000);
  CHECK(providers->total_pages == 3);
  CHECK(providers->total == 2450);
  CHECK(providers->next_page_uri == "/providers?page=3&perPage=1000");
  REQUIRE(providers->items.size() == 2);
  CHECK(providers->items[0] ==
        std::pair<std::string, std::string>{"RT5", "Leicestershire Partnership NHS Trust"});
  CHECK(providers->items[1].first == "RX4");

  auto locations = parse_page(R"({"total": "3", "page": "1", "perPage": "10",
    "totalPages": "1", "nextPageUri": null,
    "locations": [{"locationId": "1-101", "locationName": "Ward A", "postalCode": "LE5 4PW"}]})");
  REQUIRE(locations.ok());
  CHECK(locations->total == 3);
  CHECK(locations->next_page_uri.empty());  // last page
  REQUIRE(locations->items.size() == 1);
  CHECK(locations->items[0].second == "Ward A");

  auto missing = parse_page(R"({"total": 5, "page": 1})");
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.error().find("providers/locations") != std::string::npos);
  auto bad_number = parse_page(R"({"page": "two", "providers": []})");
  REQUIRE_FALSE(bad_number.ok());
  CHECK(bad_number.error().find("page: expected an integer") != std::string::npos);
}

TEST_CASE("cqc api: error messages") {
  struct Case {
    int status;
    const char* body;
    const char* expected;
  };
  const Case cases[] = {
      {401,
       R"({ "statusCode": 401, "message": "Access denied due to invalid subscription key.)"
       R"( Make sure to provide a valid key for an active subscription." })",
       "HTTP 401: Access denied due to invalid subscription key. Make sure to provide a valid "
       "key for an active subscription."},
      {429, R"({"error": {"code": "429", "message": "Rate limit is exceeded."}})",
       "HTTP 429: Rate limit is exceeded."},
      {404, "", "HTTP 404: Not Found"},
      {500, "<html><body><h1>Server Error</h1></body></html>", "HTTP 500: Internal Server Error"},
      {503, "Service temporarily\n unavailable", "HTTP 503: Service temporarily unavailable"},
      {418, "", "HTTP 418"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.body);
    CHECK(api_error_message(c.status, c.body) == c.expected);
  }
}
