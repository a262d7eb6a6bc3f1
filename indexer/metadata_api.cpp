// apply_api_metadata: the CQC API's structured ratings and dates win over text heuristics.
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <algorithm>

#include "core/gazetteer.hpp"
#include "indexer/metadata.hpp"

namespace cqc::indexer {

void apply_api_metadata(std::string_view json, Metadata& m) {
  if (json.empty()) return;
  Poco::JSON::Object::Ptr o;
  try {
    Poco::JSON::Parser parser;
    o = parser.parse(std::string(json)).extract<Poco::JSON::Object::Ptr>();
  } catch (const Poco::Exception&) {
    return;  // unreadable metadata: keep what the text gave
  }
  const auto& g = core::Gazetteer::builtin();
  if (const auto* t = g.trust_by_code(o->optValue<std::string>("provider", ""))) {
    std::erase(m.trusts, t->code);
    std::erase(m.mentioned_trusts, t->code);
    m.trusts.insert(m.trusts.begin(), t->code);
    m.provenance["trusts"] = "cqc-api";
  }
  if (const auto* r = g.resolve_rating(o->optValue<std::string>("overall", ""))) {
    m.overall_rating = r->id;
    m.provenance["overall_rating"] = "cqc-api";
  }
  if (auto services = o->getArray("services"); services && services->size() > 0) {
    std::vector<ServiceRating> rated;
    std::vector<std::string> ids;
    for (unsigned i = 0; i < services->size(); ++i) {
      auto s = services->getObject(i);
      const auto* svc = s ? g.resolve_service(s->optValue<std::string>("name", "")) : nullptr;
      if (!svc) continue;
      ids.push_back(svc->id);
      if (const auto* r = g.resolve_rating(s->optValue<std::string>("rating", ""))) rated.push_back({svc->id, r->id});
    }
    if (!ids.empty()) {
      m.services = ids;
      m.service_ratings = rated;
      m.provenance["services"] = "cqc-api";
    }
  }
  m.ratings.clear();
  if (!m.overall_rating.empty()) m.ratings.push_back(m.overall_rating);
  for (const auto& sr : m.service_ratings)
    if (std::find(m.ratings.begin(), m.ratings.end(), sr.rating) == m.ratings.end()) m.ratings.push_back(sr.rating);
  if (auto report = o->getObject("report")) {
    if (auto d = core::parse_iso_date(report->optValue<std::string>("reportDate", ""))) {
      m.published = *d;
      m.provenance["published"] = "cqc-api";
    }
    if (auto d = core::parse_iso_date(report->optValue<std::string>("firstVisitDate", ""))) {
      m.inspected_from = m.inspected_to = *d;
      m.provenance["inspected"] = "cqc-api";
    }
  }
  m.year = m.inspected_from.known() ? m.inspected_from.year : m.published.year;
}

}  // namespace cqc::indexer
