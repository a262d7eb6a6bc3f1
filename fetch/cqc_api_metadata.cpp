// The structured metadata of one CQC report: the ratings the API attributes to that report
// (by reportLinkId), taken from the current and historic ratings sets and matched by name.
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <algorithm>
#include <sstream>

#include "core/text.hpp"
#include "fetch/cqc_api.hpp"

namespace cqc::fetch {
namespace {

using Poco::Dynamic::Var;
using Poco::JSON::Array;
using Poco::JSON::Object;

// Names are compared case-insensitively with white space collapsed.
std::string name_key(std::string_view name) { return core::to_lower(core::collapse_space(name)); }

// Ratings keyed by name, in first-seen order; the first rating seen for a name wins.
struct NamedRatings {
  std::vector<std::pair<std::string, std::string>> items;
  void add(const std::string& name, const std::string& rating) {
    if (name.empty() || rating.empty()) return;
    for (const auto& [n, r] : items)
      if (name_key(n) == name_key(name)) return;
    items.emplace_back(name, rating);
  }
  Object::Ptr to_json() const {
    Object::Ptr o = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    for (const auto& [n, r] : items) o->set(n, r);
    return o;
  }
};

struct ServiceEntry {
  std::string name;
  std::string rating;
  NamedRatings key_questions;
};

// The reportLinkId a rating belongs to: its own, else the one of its parent.
const std::string& link_of(const ApiRating& r, const std::string& parent) {
  return r.report_link_id.empty() ? parent : r.report_link_id;
}

// Key-question ratings of KQS (children of a rating with link PARENT) that belong to LINK.
void collect(const std::vector<ApiRating>& kqs, const std::string& parent, const std::string& link,
             NamedRatings& into) {
  for (const ApiRating& kq : kqs)
    if (link_of(kq, parent) == link) into.add(kq.name, kq.rating);
}

Var text_or_null(const std::string& s) { return s.empty() ? Var() : Var(s); }

}  // namespace

std::string report_metadata_json(const ApiOrganisation& org, const ApiReport& report) {
  const std::string& link = report.link_id;

  // The set recorded for exactly this report first, then every other set: the current set
  // mixes ratings from several reports, each carrying its own reportLinkId.
  std::vector<const ApiRatings*> sets{&org.current};
  for (const ApiRatings& h : org.historic) sets.push_back(&h);
  std::stable_partition(sets.begin(), sets.end(),
                        [&](const ApiRatings* s) { return s->report_link_id == link; });

  std::string overall;
  NamedRatings key_questions;
  std::vector<ServiceEntry> services;
  for (const ApiRatings* set : link.empty() ? std::vector<const ApiRatings*>() : sets) {
    const std::string& overall_link = link_of(set->overall, set->report_link_id);
    if (overall_link == link && overall.empty()) overall = set->overall.rating;
    collect(set->overall.key_questions, overall_link, link, key_questions);
    for (const ApiRating& svc : set->services) {
      const std::string& svc_link = link_of(svc, set->report_link_id);
      NamedRatings kqs;
      collect(svc.key_questions, svc_link, link, kqs);
      const bool rated = svc_link == link && !svc.rating.empty();
      if (svc.name.empty() || (!rated && kqs.items.empty())) continue;
      // Matched to what earlier sets said about the same service by name, not position.
      auto it = std::find_if(services.begin(), services.end(), [&](const ServiceEntry& e) {
        return name_key(e.name) == name_key(svc.name);
      });
      if (it == services.end())
        it = services.insert(services.end(), ServiceEntry{svc.name, "", {}});
      if (rated && it->rating.empty()) it->rating = svc.rating;
      for (const auto& [n, r] : kqs.items) it->key_questions.add(n, r);
    }
  }

  Object::Ptr out = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
  out->set("source", std::string("cqc-api"));
  out->set("organisation", org.id);
  out->set("provider", text_or_null(org.provider_id));
  out->set("name", text_or_null(org.name));
  out->set("location", org.is_location ? text_or_null(org.name) : Var());
  out->set("location_id", org.is_location ? text_or_null(org.id) : Var());
  Object::Ptr rep = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
  rep->set("linkId", report.link_id);
  rep->set("reportDate", text_or_null(report.report_date));
  rep->set("firstVisitDate", text_or_null(report.first_visit_date));
  rep->set("reportType", text_or_null(report.report_type));
  out->set("report", rep);
  out->set("overall", text_or_null(overall));
  out->set("key_questions", key_questions.to_json());
  Array::Ptr svcs = new Array;
  for (const ServiceEntry& s : services) {
    Object::Ptr o = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    o->set("name", s.name);
    o->set("rating", text_or_null(s.rating));
    o->set("key_questions", s.key_questions.to_json());
    svcs->add(o);
  }
  out->set("services", svcs);
  std::ostringstream json;
  out->stringify(json);
  return json.str();
}

}  // namespace cqc::fetch
