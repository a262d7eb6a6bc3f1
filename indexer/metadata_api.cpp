// apply_api_metadata: the CQC API's structured ratings and dates win over text heuristics,
// unless the API's dates are impossible (then they are flagged and not trusted).
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <algorithm>
#include <optional>

#include "core/gazetteer.hpp"
#include "indexer/metadata.hpp"

namespace cqc::indexer {
namespace {

using Poco::JSON::Object;

// A string member of O ("" when missing, null or not a string).
std::string text(const Object::Ptr& o, const std::string& key) {
  if (!o || !o->has(key) || o->isNull(key)) return "";
  Poco::Dynamic::Var v = o->get(key);
  return v.isString() ? v.toString() : "";
}

// True when A certainly lies after B, whatever their precision.
bool after(const core::Date& a, const core::Date& b) {
  return a.known() && b.known() && a.slot() > b.slot_end();
}

// Key-question ratings from {"Safe":"Good",...}, in the gazetteer's order (safe ... well-led).
std::vector<KeyQuestionRating> key_questions(const Object::Ptr& o) {
  const auto& g = core::Gazetteer::builtin();
  std::vector<KeyQuestionRating> out;
  if (!o) return out;
  for (const auto& q : g.questions())
    for (const auto& [name, value] : *o) {
      const auto* kq = g.resolve_question(name);
      const auto* r = value.isString() ? g.resolve_rating(value.toString()) : nullptr;
      if (kq && r && kq->id == q.id) {
        out.push_back({kq->id, r->id});
        break;
      }
    }
  return out;
}

// The API's dates for one document after the plausibility checks.
struct ApiDates {
  std::optional<core::Date> published, visit;
  std::string published_why, visit_why;  // why a date the API gave was ignored
};

ApiDates check_dates(const std::string& published, const std::string& visit, std::string_view captured) {
  ApiDates d;
  d.published = core::parse_iso_date(published);
  d.visit = core::parse_iso_date(visit);
  // The CQC began work on 1 April 2009: an earlier date is a placeholder or a typo.
  const core::Date founded{2009, 4, 1};
  if (d.published && after(founded, *d.published)) {
    d.published_why = "report date " + d.published->iso() + " before the CQC existed";
    d.published.reset();
  }
  if (d.visit && after(founded, *d.visit)) {
    d.visit_why = "first visit " + d.visit->iso() + " before the CQC existed";
    d.visit.reset();
  }
  if (auto cap = core::parse_iso_date(captured.substr(0, std::min<size_t>(captured.size(), 10)))) {
    if (d.published && after(*d.published, *cap)) {
      d.published_why = "report date " + d.published->iso() + " after capture " + cap->iso();
      d.published.reset();
    }
    if (d.visit && after(*d.visit, *cap)) {
      d.visit_why = "first visit " + d.visit->iso() + " after capture " + cap->iso();
      d.visit.reset();
    }
  }
  if (d.visit && d.published && after(*d.visit, *d.published)) {
    d.visit_why = "first visit " + d.visit->iso() + " after report " + d.published->iso();
    d.visit.reset();
  }
  return d;
}

// Records that the API's FIELD was not trusted (WHY), keeping the text's value only when it
// is itself possible (KEEP).
void distrust(Metadata& m, const std::string& field, const std::string& why, bool keep) {
  std::string& prov = m.provenance[field];
  prov = keep && !prov.empty() ? prov + "; cqc-api ignored: " + why : "cqc-api: ignored, " + why;
  m.warnings.push_back(field + ": cqc-api " + why + ", ignored");
}

}  // namespace

void apply_api_metadata(std::string_view json, Metadata& m, std::string_view captured) {
  if (json.empty()) return;
  Object::Ptr o;
  try {
    Poco::JSON::Parser parser;
    o = parser.parse(std::string(json)).extract<Object::Ptr>();
  } catch (const Poco::Exception&) {
    return;  // unreadable metadata: keep what the text gave
  }
  const auto& g = core::Gazetteer::builtin();
  Object::Ptr report = o->getObject("report");
  const std::string kind = text(o, "kind");
  if (kind == "rating" || report) {
    m.kind = kind == "rating" ? "rating" : "report";
    m.provenance["kind"] = "cqc-api";
  }
  if (const auto* t = g.trust_by_code(text(o, "provider"))) {
    std::erase(m.trusts, t->code);
    std::erase(m.mentioned_trusts, t->code);
    m.trusts.insert(m.trusts.begin(), t->code);
    m.provenance["trusts"] = "cqc-api";
  }
  if (std::string location = text(o, "location"); !location.empty()) {
    m.location = location;
    m.location_id = text(o, "location_id");
    m.provenance["location"] = "cqc-api";
  }
  if (const auto* r = g.resolve_rating(text(o, "overall"))) {
    m.overall_rating = r->id;
    m.provenance["overall_rating"] = "cqc-api";
  }
  if (auto kqs = key_questions(o->getObject("key_questions")); !kqs.empty()) {
    m.key_question_ratings = kqs;
    m.provenance["key_question_ratings"] = "cqc-api";
  }
  if (auto services = o->getArray("services"); services && services->size() > 0) {
    std::vector<ServiceRating> rated;
    std::vector<std::string> ids;
    for (unsigned i = 0; i < services->size(); ++i) {
      auto s = services->getObject(i);
      const auto* svc = s ? g.resolve_service(text(s, "name")) : nullptr;
      if (!svc || std::find(ids.begin(), ids.end(), svc->id) != ids.end()) continue;
      ids.push_back(svc->id);
      if (const auto* r = g.resolve_rating(text(s, "rating"))) rated.push_back({svc->id, r->id});
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

  // Dates: the report's (or the ratings') date is the publication, the first visit the
  // inspection; an impossible one is dropped and flagged.
  const std::string published = report ? text(report, "reportDate") : text(o, "ratings_date");
  const std::string visit = report ? text(report, "firstVisitDate") : "";
  ApiDates d = check_dates(published, visit, captured);
  const auto cap = core::parse_iso_date(captured.substr(0, std::min<size_t>(captured.size(), 10)));
  if (d.published) {
    m.published = *d.published;
    m.provenance["published"] = "cqc-api";
  } else if (!d.published_why.empty()) {
    const bool keep = m.published.known() && !(cap && after(m.published, *cap));
    if (!keep) m.published = {};
    distrust(m, "published", d.published_why, keep);
  }
  if (d.visit) {
    m.inspected_from = m.inspected_to = *d.visit;
    m.provenance["inspected"] = "cqc-api";
  } else if (!d.visit_why.empty()) {
    const bool keep = m.inspected_from.known() && !after(m.inspected_from, m.published) &&
                      !(cap && after(m.inspected_to.known() ? m.inspected_to : m.inspected_from, *cap));
    if (!keep) m.inspected_from = m.inspected_to = {};
    distrust(m, "inspected", d.visit_why, keep);
  }
  m.year = m.inspected_from.known() ? m.inspected_from.year : m.published.year;
  if (m.year) m.provenance["year"] = m.provenance[m.inspected_from.known() ? "inspected" : "published"];
  else m.provenance.erase("year");
}

}  // namespace cqc::indexer
