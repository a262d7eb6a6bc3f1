// to_json: the documented JSON shape shared by `search --json` and GET /api/search.
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <sstream>

#include "search/search.hpp"

namespace cqc::search {
namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

Object::Ptr object() { return new Object(Poco::JSON_PRESERVE_KEY_ORDER); }

Array::Ptr array(const std::vector<std::string>& items) {
  Array::Ptr a = new Array;
  for (const auto& i : items) a->add(i);
  return a;
}

// "" and 0 mean unknown: JSON null.
Poco::Dynamic::Var or_null(const std::string& s) { return s.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(s); }
Poco::Dynamic::Var or_null(int n) { return n == 0 ? Poco::Dynamic::Var() : Poco::Dynamic::Var(n); }

Object::Ptr hit_json(const Hit& h) {
  auto o = object();
  o->set("id", h.id);
  o->set("title", h.title);
  o->set("url", h.url);
  o->set("kind", h.kind);
  o->set("location", or_null(h.location));
  o->set("location_id", or_null(h.location_id));
  o->set("trusts", array(h.trusts));
  o->set("trust_names", array(h.trust_names));
  o->set("mentioned_trusts", array(h.mentioned_trusts));
  o->set("services", array(h.services));
  o->set("ratings", array(h.ratings));
  o->set("overall_rating", or_null(h.overall_rating));
  Array::Ptr sr = new Array;
  for (const auto& r : h.service_ratings) {
    auto x = object();
    x->set("service", r.service);
    x->set("name", r.name);
    x->set("rating", r.rating);
    x->set("rating_name", r.rating_name);
    sr->add(x);
  }
  o->set("service_ratings", sr);
  auto kq = object();
  for (const auto& [question, rating] : h.key_question_ratings) kq->set(question, rating);
  o->set("key_question_ratings", kq);
  o->set("inspected", or_null(h.inspected));
  o->set("inspected_end", or_null(h.inspected_end));
  o->set("published", or_null(h.published));
  o->set("year", or_null(h.year));
  o->set("page", or_null(h.page));
  o->set("snippet", h.snippet);
  o->set("score", h.score);
  auto prov = object();
  for (const auto& [field, source] : h.provenance) prov->set(field, source);
  o->set("provenance", prov);
  return o;
}

}  // namespace

std::string to_json(const SearchResult& r) {
  auto root = object();
  root->set("total", r.total);
  Array::Ptr hits = new Array;
  for (const Hit& h : r.hits) hits->add(hit_json(h));
  root->set("hits", hits);
  auto facets = object();
  for (const Facet& f : r.facets) {
    Array::Ptr values = new Array;
    for (const FacetValue& v : f.values) {
      auto x = object();
      x->set("value", v.value);
      x->set("label", v.label);
      x->set("count", v.count);
      values->add(x);
    }
    facets->set(f.name, values);
  }
  root->set("facets", facets);
  Array::Ptr timeline = new Array;
  for (const TimelineEntry& e : r.timeline) {
    auto x = object();
    x->set("year", e.year);
    x->set("count", e.count);
    x->set("documents", e.documents);
    x->set("share", e.share);
    timeline->add(x);
  }
  root->set("timeline", timeline);
  std::ostringstream out;
  root->stringify(out);
  return out.str();
}

}  // namespace cqc::search
