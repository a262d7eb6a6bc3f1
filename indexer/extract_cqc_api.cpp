// A CQC API location with ratings and no report: its text and its structured metadata.
#include "indexer/extract_cqc_api.hpp"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <optional>
#include <sstream>

#include "core/gazetteer.hpp"
#include "core/text.hpp"

namespace cqc::indexer {
namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

constexpr size_t kMaxJsonBytes = 8u << 20;  // a location is a few KiB; larger is not one

// One rating as the API gives it: overall (no name), a key question or a service.
struct Rated {
  std::string name, rating, date;
  std::vector<Rated> questions;  // keyQuestionRatings
};

struct LocationRatings {
  std::string id, provider, name, date;
  Rated overall;
  std::vector<Rated> services;
};

// A string member ("" when missing, null or of another type): bad input is never fatal here.
std::string text(const Object::Ptr& o, const std::string& key) {
  if (!o || !o->has(key) || o->isNull(key)) return "";
  Poco::Dynamic::Var v = o->get(key);
  return v.isString() ? std::string(core::trim(v.toString())) : "";
}

Object::Ptr member_object(const Object::Ptr& o, const std::string& key) {
  if (!o || !o->has(key)) return nullptr;
  Poco::Dynamic::Var v = o->get(key);
  return v.type() == typeid(Object::Ptr) ? v.extract<Object::Ptr>() : nullptr;
}

std::vector<Object::Ptr> member_objects(const Object::Ptr& o, const std::string& key) {
  std::vector<Object::Ptr> out;
  if (!o || !o->has(key)) return out;
  Poco::Dynamic::Var v = o->get(key);
  if (v.type() != typeid(Array::Ptr)) return out;
  Array::Ptr a = v.extract<Array::Ptr>();
  for (unsigned i = 0; i < a->size(); ++i)
    if (Object::Ptr x = a->getObject(i)) out.push_back(x);
  return out;
}

Rated rated(const Object::Ptr& o, const std::string& fallback_date) {
  Rated r{text(o, "name"), text(o, "rating"), text(o, "reportDate"), {}};
  if (r.date.empty()) r.date = fallback_date;
  for (const Object::Ptr& q : member_objects(o, "keyQuestionRatings")) {
    Rated kq = rated(q, r.date);
    if (!kq.name.empty() && !kq.rating.empty()) r.questions.push_back(std::move(kq));
  }
  return r;
}

// The location's current ratings, when BYTES are a location with ratings and no report.
std::optional<LocationRatings> read(std::string_view bytes) {
  if (bytes.size() > kMaxJsonBytes || bytes.find("\"locationId\"") == std::string_view::npos ||
      bytes.find("\"currentRatings\"") == std::string_view::npos)
    return std::nullopt;
  Object::Ptr o;
  try {
    Poco::JSON::Parser parser;
    Poco::Dynamic::Var root = parser.parse(std::string(bytes));
    if (root.type() != typeid(Object::Ptr)) return std::nullopt;
    o = root.extract<Object::Ptr>();
  } catch (const Poco::Exception&) {
    return std::nullopt;
  }
  Object::Ptr current = member_object(o, "currentRatings");
  LocationRatings l{text(o, "locationId"), text(o, "providerId"), text(o, "name"), "", {}, {}};
  if (l.id.empty() || !current) return std::nullopt;
  if (o->has("reports") && !o->isNull("reports")) {
    Poco::Dynamic::Var reports = o->get("reports");
    if (reports.type() != typeid(Array::Ptr) || reports.extract<Array::Ptr>()->size() > 0)
      return std::nullopt;  // its reports are the documents; their metadata has the ratings
  }
  Object::Ptr overall = member_object(current, "overall");
  l.date = text(current, "reportDate");
  if (l.date.empty()) l.date = text(overall, "reportDate");
  if (overall) l.overall = rated(overall, l.date);
  l.overall.name.clear();
  bool any = !l.overall.rating.empty();
  for (const Object::Ptr& s : member_objects(current, "serviceRatings")) {
    Rated r = rated(s, l.date);
    if (r.name.empty() || (r.rating.empty() && r.questions.empty())) continue;
    any = any || !r.rating.empty();
    l.services.push_back(std::move(r));
  }
  if (!any) return std::nullopt;
  return l;
}

std::string dated(const Rated& r) { return r.rating + (r.date.empty() ? "" : " (" + r.date + ")"); }

std::string title(const LocationRatings& l) {
  return (l.name.empty() ? "Location " + l.id : l.name) + " \u2014 CQC ratings";
}

std::string body(const LocationRatings& l) {
  std::string out = "CQC ratings of " + (l.name.empty() ? "location " + l.id : l.name + " (location " + l.id + ")");
  if (!l.provider.empty()) {
    const auto* t = core::Gazetteer::builtin().trust_by_code(l.provider);
    out += ", provider " + (t ? t->name + " (" + l.provider + ")" : l.provider);
  }
  out += ". The CQC register lists no published report for this location; these are its current ratings";
  out += l.date.empty() ? "." : ", as of " + l.date + ".";
  if (!l.overall.rating.empty()) out += "\n\nOverall rating: " + dated(l.overall) + ".";
  if (!l.overall.questions.empty()) {
    out += "\n\nKey question ratings:";
    for (const Rated& q : l.overall.questions) out += "\n" + q.name + ": " + dated(q) + ".";
  }
  if (!l.services.empty()) {
    out += "\n\nService ratings:";
    for (const Rated& s : l.services) {
      out += "\n" + s.name + ": " + (s.rating.empty() ? "not rated" : dated(s)) + ".";
      for (size_t i = 0; i < s.questions.size(); ++i)
        out += (i ? "; " : " ") + s.questions[i].name + ": " + s.questions[i].rating;
      if (!s.questions.empty()) out += ".";
    }
  }
  return out;
}

Object::Ptr named_ratings(const std::vector<Rated>& list) {
  Object::Ptr o = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
  for (const Rated& r : list)
    if (!o->has(r.name)) o->set(r.name, r.rating);
  return o;
}

Poco::Dynamic::Var or_null(const std::string& s) { return s.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(s); }

class CqcApiExtractor final : public Extractor {
 public:
  std::string_view name() const override { return "cqc-api"; }
  core::Result<Extraction> extract(std::string_view bytes,
                                   std::string_view /*content_type*/) const override {
    auto l = read(bytes);
    if (!l) return core::Failure{"not a CQC API location with ratings and no report"};
    Extraction x;
    x.format = "cqc-api";
    x.title = title(*l);
    x.pages.push_back({0, body(*l)});
    return x;
  }
};

}  // namespace

bool is_cqc_api_rating(std::string_view bytes) { return read(bytes).has_value(); }

const Extractor& cqc_api_extractor() {
  static const CqcApiExtractor extractor;
  return extractor;
}

std::string api_rating_metadata_json(std::string_view bytes) {
  auto l = read(bytes);
  if (!l) return "";
  Object o(Poco::JSON_PRESERVE_KEY_ORDER);
  o.set("source", std::string("cqc-api"));
  o.set("kind", std::string("rating"));
  o.set("organisation", l->id);
  o.set("provider", or_null(l->provider));
  o.set("name", or_null(l->name));
  o.set("location", or_null(l->name.empty() ? l->id : l->name));
  o.set("location_id", l->id);
  o.set("ratings_date", or_null(l->date));
  o.set("overall", or_null(l->overall.rating));
  o.set("key_questions", named_ratings(l->overall.questions));
  Array::Ptr services = new Array;
  for (const Rated& s : l->services) {
    Object::Ptr x = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    x->set("name", s.name);
    x->set("rating", or_null(s.rating));
    x->set("key_questions", named_ratings(s.questions));
    services->add(x);
  }
  o.set("services", services);
  std::ostringstream out;
  o.stringify(out);
  return out.str();
}

}  // namespace cqc::indexer
