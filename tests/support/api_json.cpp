// JSON for the fake CQC API: providers and locations with the real field names, current and
// historic ratings, reports.
#include <Poco/JSON/Array.h>

#include <algorithm>

#include "tests/support/api_data.hpp"

namespace cqc::test::detail {
namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

Object::Ptr object() { return new Object(Poco::JSON_PRESERVE_KEY_ORDER); }

// The elements of V starting at SHIFT, wrapping around (so no element keeps its position).
template <typename T>
std::vector<T> rotated(std::vector<T> v, std::size_t shift) {
  if (!v.empty()) std::rotate(v.begin(), v.begin() + static_cast<long>(shift % v.size()), v.end());
  return v;
}

Array::Ptr key_questions(const std::vector<KeyQuestion>& kqs, const std::string& date,
                         const std::string& link) {
  Array::Ptr a = new Array;
  for (const auto& k : kqs) {
    Object::Ptr o = object();
    o->set("name", k.name);
    o->set("rating", k.rating);
    if (!date.empty()) o->set("reportDate", date);
    if (!link.empty()) o->set("reportLinkId", link);
    a->add(o);
  }
  return a;
}

Object::Ptr current_ratings(const RatingSet& r, const std::string& org) {
  Object::Ptr overall = object();
  overall->set("rating", r.overall);
  overall->set("reportDate", r.report_date);
  overall->set("reportLinkId", r.link_id);
  overall->set("keyQuestionRatings", key_questions(r.key_questions, r.report_date, r.link_id));
  Array::Ptr services = new Array;
  for (const auto& s : r.services) {
    const std::string& date = s.report_date.empty() ? r.report_date : s.report_date;
    const std::string& link = s.link_id.empty() ? r.link_id : s.link_id;
    Object::Ptr o = object();
    o->set("name", s.name);
    o->set("rating", s.rating);
    o->set("reportDate", date);
    o->set("reportLinkId", link);
    o->set("organisationId", org);
    o->set("keyQuestionRatings", key_questions(s.key_questions, date, link));
    services->add(o);
  }
  Object::Ptr c = object();
  c->set("overall", overall);
  c->set("serviceRatings", services);
  c->set("reportDate", r.report_date);
  return c;
}

// Historic ratings list services and key questions in another order than current ones do, as
// the real API may: clients must match them by name.
Array::Ptr historic_ratings(const std::vector<RatingSet>& list, const std::string& org) {
  Array::Ptr a = new Array;
  for (const auto& r : list) {
    Object::Ptr overall = object();
    overall->set("rating", r.overall);
    overall->set("keyQuestionRatings", key_questions(rotated(r.key_questions, 2), "", ""));
    Array::Ptr services = new Array;
    for (const auto& s : rotated(r.services, 1)) {
      Object::Ptr o = object();
      o->set("name", s.name);
      o->set("rating", s.rating);
      o->set("keyQuestionRatings", key_questions(rotated(s.key_questions, 2), "", ""));
      services->add(o);
    }
    Object::Ptr h = object();
    h->set("reportLinkId", r.link_id);
    h->set("reportDate", r.report_date);
    h->set("organisationId", org);
    h->set("overall", overall);
    h->set("serviceRatings", services);
    a->add(h);
  }
  return a;
}

Array::Ptr reports(const std::vector<ReportData>& list, const char* type) {
  Array::Ptr a = new Array;
  for (const auto& r : list) {
    Object::Ptr o = object();
    o->set("linkId", r.link_id);
    o->set("reportDate", r.report_date);
    o->set("reportUri", "/reports/" + r.link_id);
    o->set("firstVisitDate", r.first_visit_date);
    o->set("reportType", type);
    if (!r.related.empty()) {
      Array::Ptr related = new Array;
      for (const auto& id : r.related) {
        Object::Ptr d = object();
        d->set("documentType", "Location report");
        d->set("documentUri", "/reports/" + id);
        related->add(d);
      }
      o->set("relatedDocuments", related);
    }
    a->add(o);
  }
  return a;
}

void common_fields(Object::Ptr& o, const Organisation& org) {
  o->set("registrationStatus", "Registered");
  o->set("registrationDate", org.registration_date);
  if (!org.website.empty()) o->set("website", org.website);
  o->set("postalAddressLine1", org.address_line1);
  o->set("postalAddressTownCity", org.town);
  o->set("region", org.region);
  o->set("postalCode", org.postcode);
  o->set("localAuthority", org.local_authority);
  o->set("mainPhoneNumber", org.phone);
  o->set("inspectionDirectorate", "Hospitals");
  if (!org.reports.empty()) {  // a location with no report has neither
    Object::Ptr last_inspection = object();
    last_inspection->set("date", org.reports.front().first_visit_date);
    o->set("lastInspection", last_inspection);
    Object::Ptr last_report = object();
    last_report->set("publicationDate", org.reports.front().report_date);
    o->set("lastReport", last_report);
  }
  Array::Ptr categories = new Array;
  Object::Ptr category = object();
  category->set("code", "H3");
  category->set("primary", "true");
  category->set("name", "Mental health - community & hospital");
  categories->add(category);
  o->set("inspectionCategories", categories);
}

}  // namespace

Object::Ptr provider_json(const Organisation& p) {
  Object::Ptr o = object();
  o->set("providerId", p.id);
  Array::Ptr ids = new Array;
  for (const auto& id : p.location_ids) ids->add(id);
  o->set("locationIds", ids);
  o->set("organisationType", "Provider");
  o->set("ownershipType", p.ownership_type);
  o->set("type", "NHS Healthcare Organisation");
  o->set("name", p.name);
  o->set("odsCode", p.id);
  common_fields(o, p);
  o->set("currentRatings", current_ratings(p.current, p.id));
  o->set("historicRatings", historic_ratings(p.historic, p.id));
  o->set("reports", reports(p.reports, "Provider"));
  return o;
}

Object::Ptr location_json(const Organisation& l) {
  Object::Ptr o = object();
  o->set("locationId", l.id);
  o->set("providerId", l.provider_id);
  o->set("organisationType", "Location");
  o->set("type", "NHS Healthcare Organisation");
  o->set("name", l.name);
  o->set("odsCode", l.id);
  if (l.beds > 0) o->set("numberOfBeds", l.beds);
  common_fields(o, l);
  Array::Ptr activities = new Array;
  for (const auto& [name, code] :
       {std::pair<const char*, const char*>{
            "Assessment or medical treatment for persons detained under the "
            "Mental Health Act 1983",
            "RA2"},
        {"Treatment of disease, disorder or injury", "RA5"}}) {
    Object::Ptr a = object();
    a->set("name", name);
    a->set("code", code);
    activities->add(a);
  }
  o->set("regulatedActivities", activities);
  o->set("currentRatings", current_ratings(l.current, l.id));
  o->set("historicRatings", historic_ratings(l.historic, l.id));
  if (!l.reports.empty()) o->set("reports", reports(l.reports, "Location"));  // none: no field
  return o;
}

}  // namespace cqc::test::detail
