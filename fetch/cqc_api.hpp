// The CQC public API (https://api.service.cqc.org.uk/public/v1): parsing providers,
// locations, paged lists and errors, and turning ratings into the structured metadata the
// indexer prefers to text heuristics. Field names are the API's own.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace cqc::fetch {

// The default base URL of the CQC public API.
inline constexpr std::string_view kCqcApiBase = "https://api.service.cqc.org.uk/public/v1";

struct ApiReport {
  std::string link_id;           // linkId
  std::string report_uri;        // reportUri, e.g. "/reports/<linkId>"
  std::string report_date;       // reportDate (ISO date)
  std::string first_visit_date;  // firstVisitDate (ISO date, may be "")
  std::string report_type;       // reportType, e.g. "Provider", "Location"
};

struct ApiRating {
  std::string name;            // "Safe", a service name, or "" for overall
  std::string rating;          // "Good", "Requires improvement", ...
  std::string report_date;     // reportDate
  std::string report_link_id;  // reportLinkId
  std::vector<ApiRating> key_questions;  // keyQuestionRatings
};

struct ApiRatings {
  std::string report_date;     // reportDate of the ratings set
  std::string report_link_id;  // reportLinkId of the ratings set (overall's if absent)
  ApiRating overall;           // overall (with its keyQuestionRatings)
  std::vector<ApiRating> services;  // serviceRatings (each with keyQuestionRatings)
};

struct ApiOrganisation {
  std::string id;           // providerId or locationId
  std::string provider_id;  // providerId (== id for providers)
  std::string name;
  std::vector<std::string> location_ids;  // locationIds (providers only)
  ApiRatings current;                     // currentRatings
  std::vector<ApiRatings> historic;       // historicRatings
  std::vector<ApiReport> reports;         // reports
  bool is_location = false;               // parsed from GET /locations/{id}
};

struct ApiPage {
  int page = 0, per_page = 0, total_pages = 0, total = 0;
  std::string next_page_uri;  // nextPageUri, "" on the last page
  std::vector<std::pair<std::string, std::string>> items;  // (id, name) of providers/locations
};

// Parses GET /providers/{id}. Failure names the missing or mistyped field.
core::Result<ApiOrganisation> parse_provider(std::string_view json);
// Parses GET /locations/{id}.
core::Result<ApiOrganisation> parse_location(std::string_view json);
// Parses a paged list (GET /providers or /locations): paging fields + providers[]/locations[].
core::Result<ApiPage> parse_page(std::string_view json);
// A readable message for an API error response: e.g. "HTTP 401: Access denied due to
// invalid subscription key. ..." using the JSON "message" when present.
std::string api_error_message(int status, std::string_view body);

// The structured metadata for REPORT of ORG as a JSON object:
// {"source":"cqc-api","organisation":id,"provider":providerId,"name":...,
//  "location":name and "location_id":locationId when ORG is a location (else null),
//  "report":{linkId,reportDate,firstVisitDate,reportType},
//  "overall":"Requires improvement" or null,
//  "key_questions":{"Safe":"Good",...},
//  "services":[{"name":...,"rating":...,"key_questions":{...}}]}
// using the ratings set whose reportLinkId is the report's linkId (current or historic;
// service and key-question ratings matched by name, never by position); when no set
// matches, ratings are omitted (null / empty) rather than guessed.
std::string report_metadata_json(const ApiOrganisation& org, const ApiReport& report);

}  // namespace cqc::fetch
