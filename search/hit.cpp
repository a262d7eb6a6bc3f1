#include "search/hit.hpp"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include "core/error.hpp"
#include "core/gazetteer.hpp"

namespace cqc::search {
namespace {

std::vector<std::string> strings(const Poco::JSON::Object::Ptr& o, const std::string& key) {
  std::vector<std::string> out;
  auto a = o->getArray(key);
  if (a)
    for (size_t i = 0; i < a->size(); ++i) out.push_back(a->getElement<std::string>(static_cast<unsigned>(i)));
  return out;
}

Hit parse(const Poco::JSON::Object::Ptr& o) {
  const auto& g = core::Gazetteer::builtin();
  Hit h;
  h.id = o->getValue<std::string>("id");
  h.title = o->getValue<std::string>("title");
  h.url = o->getValue<std::string>("uri");
  h.kind = o->getValue<std::string>("kind");
  h.location = o->optValue<std::string>("location", "");
  h.location_id = o->optValue<std::string>("location_id", "");
  h.trusts = strings(o, "trusts");
  for (const auto& code : h.trusts) {
    const auto* t = g.trust_by_code(code);
    h.trust_names.push_back(t ? t->name : code);
  }
  h.mentioned_trusts = strings(o, "mentioned_trusts");
  if (auto kq = o->getArray("key_question_ratings"))
    for (unsigned i = 0; i < kq->size(); ++i) {
      auto x = kq->getObject(i);
      h.key_question_ratings.emplace_back(x->getValue<std::string>("question"), x->getValue<std::string>("rating"));
    }
  h.services = strings(o, "services");
  h.ratings = strings(o, "ratings");
  h.overall_rating = o->optValue<std::string>("overall_rating", "");
  if (auto sr = o->getArray("service_ratings")) {
    for (size_t i = 0; i < sr->size(); ++i) {
      auto x = sr->getObject(static_cast<unsigned>(i));
      ServiceRatingView v{x->getValue<std::string>("service"), "", x->getValue<std::string>("rating"), ""};
      const auto* s = g.service_by_id(v.service);
      const auto* r = g.rating_by_id(v.rating);
      v.name = s ? s->name : v.service;
      v.rating_name = r ? r->name : v.rating;
      h.service_ratings.push_back(v);
    }
  }
  h.inspected = o->optValue<std::string>("inspected", "");
  h.inspected_end = o->optValue<std::string>("inspected_end", "");
  h.published = o->optValue<std::string>("published", "");
  h.year = o->optValue<int>("year", 0);
  if (auto prov = o->getObject("provenance"))
    for (const auto& [field, source] : *prov) h.provenance[field] = source.toString();
  if (auto removed = o->getObject("removed")) {
    h.removed_status = removed->optValue<int>("status", 0);
    h.removed_since = removed->optValue<std::string>("since", "");
  }
  return h;
}

}  // namespace

Hit hit_from_metadata(std::string_view metadata_json) {
  try {
    Poco::JSON::Parser parser;
    auto o = parser.parse(std::string(metadata_json)).extract<Poco::JSON::Object::Ptr>();
    if (!o) throw core::Error("document metadata is not a JSON object");
    return parse(o);
  } catch (const Poco::Exception& e) {
    throw core::Error("document metadata is not readable: " + e.displayText());
  }
}

}  // namespace cqc::search
