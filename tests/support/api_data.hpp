// Internal to the test server: the fake CQC public API's data (defined in api_data.cpp).
#pragma once

#include <Poco/JSON/Object.h>

#include <string>
#include <vector>

namespace cqc::test::detail {

// One of Safe, Effective, Caring, Responsive, Well-led with its rating.
struct KeyQuestion {
  std::string name;
  std::string rating;
};

// A core service's rating; empty date/link mean "those of the enclosing rating set".
struct ServiceRating {
  std::string name;
  std::string rating;
  std::vector<KeyQuestion> key_questions;
  std::string report_date;
  std::string link_id;
};

// The ratings one report gave (a current or a historic rating).
struct RatingSet {
  std::string report_date;  // YYYY-MM-DD
  std::string link_id;      // reportLinkId
  std::string overall;
  std::vector<KeyQuestion>
      key_questions;  // in the order Safe, Effective, Caring, Responsive, Well-led
  std::vector<ServiceRating> services;
};

// A published inspection report.
struct ReportData {
  std::string link_id;
  std::string report_date;           // publication date
  std::string first_visit_date;      // first day of the inspection visit
  std::string sample_file;           // under the docs folder ("reports/x.pdf"), or "" to generate
  std::string title;                 // first line of the generated PDF / text
  std::vector<std::string> related;  // linkIds listed as relatedDocuments
};

// An organisation (provider or location) as the API describes it.
struct Organisation {
  std::string id;           // providerId or locationId
  std::string provider_id;  // for a location: its provider; for a provider: its own id
  std::string name;
  std::string address_line1;
  std::string town;
  std::string postcode;
  std::string region;
  std::string local_authority;
  std::string phone;
  std::string website;
  std::string registration_date;
  std::string ownership_type;             // providers only
  int beds = 0;                           // locations only; 0: omitted
  std::vector<std::string> location_ids;  // providers only
  RatingSet current;
  std::vector<RatingSet> historic;  // newest first
  std::vector<ReportData> reports;  // newest first
};

// The two providers (RT5, RMY).
const std::vector<Organisation>& api_providers();
// Their four locations.
const std::vector<Organisation>& api_locations();

// GET /providers/{id}: the provider P as the API's JSON (api_json.cpp).
Poco::JSON::Object::Ptr provider_json(const Organisation& p);
// GET /locations/{id}: the location L as the API's JSON (api_json.cpp).
Poco::JSON::Object::Ptr location_json(const Organisation& l);

}  // namespace cqc::test::detail
