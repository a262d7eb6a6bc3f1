#include "search/trust_history.hpp"

#include <Poco/JSON/Array.h>

#include <algorithm>

namespace cqc::search {
namespace {

// The first and last day a visit range can cover, as comparable "YYYY-MM-DD" strings.
std::string first_day(const std::string& iso) {
  return iso.size() == 4 ? iso + "-01-01" : iso.size() == 7 ? iso + "-01" : iso;
}
std::string last_day(const std::string& iso) {
  return iso.size() == 4 ? iso + "-12-31" : iso.size() == 7 ? iso + "-31" : iso;
}

std::vector<Inspection> group(std::vector<Hit> hits) {
  std::vector<Inspection> out;
  Inspection undated;
  for (Hit& h : hits) {
    if (h.inspected.empty()) {
      undated.docs.push_back(std::move(h));
      continue;
    }
    const std::string from = h.inspected, to = h.inspected_end.empty() ? from : h.inspected_end;
    Inspection* match = nullptr;
    for (Inspection& in : out)
      if (first_day(from) <= last_day(in.to) && first_day(in.from) <= last_day(to)) {
        match = &in;
        break;
      }
    if (!match) {
      out.push_back({from, to, "", {}, {}});
      match = &out.back();
    } else if (from.size() > match->from.size()) {
      match->from = from;  // the report's exact days win over a story's month
      match->to = to;
    }
    match->docs.push_back(std::move(h));
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const Inspection& a, const Inspection& b) { return first_day(a.from) < first_day(b.from); });
  if (!undated.docs.empty()) out.push_back(std::move(undated));
  for (Inspection& in : out) {
    // Reports first: they state the ratings.
    std::stable_partition(in.docs.begin(), in.docs.end(), [](const Hit& h) { return h.kind == "report"; });
    for (const Hit& h : in.docs) {
      if (in.overall.empty()) in.overall = h.overall_rating;
      for (const auto& sr : h.service_ratings)
        if (std::none_of(in.services.begin(), in.services.end(), [&](const auto& s) { return s.service == sr.service; }))
          in.services.push_back(sr);
    }
  }
  return out;
}

Poco::JSON::Array::Ptr strings(const std::vector<std::string>& items) {
  Poco::JSON::Array::Ptr a = new Poco::JSON::Array;
  for (const auto& s : items) a->add(s);
  return a;
}

}  // namespace

std::vector<Inspection> trust_history(Searcher& searcher, const core::Trust& trust) {
  SearchRequest req;
  req.trusts = {trust.code};
  req.sort = "oldest";
  req.limit = 10000;
  return group(searcher.search(req).hits);
}

Poco::JSON::Object::Ptr trust_history_json(const core::Trust& trust, const std::vector<Inspection>& all) {
  using Poco::JSON::Array;
  using Poco::JSON::Object;
  Object::Ptr root = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
  Object::Ptr t = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
  t->set("code", trust.code);
  t->set("name", trust.name);
  t->set("former_names", strings(trust.former_names));
  t->set("former_codes", strings(trust.former_codes));
  root->set("trust", t);
  Array::Ptr list = new Array;
  for (const Inspection& in : all) {
    Object::Ptr o = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    o->set("inspected", in.from);
    o->set("inspected_end", in.to);
    o->set("overall_rating", in.overall);
    Array::Ptr sr = new Array;
    for (const auto& s : in.services) {
      Object::Ptr x = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
      x->set("service", s.service);
      x->set("name", s.name);
      x->set("rating", s.rating);
      x->set("rating_name", s.rating_name);
      sr->add(x);
    }
    o->set("service_ratings", sr);
    Array::Ptr docs = new Array;
    for (const Hit& h : in.docs) {
      Object::Ptr d = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
      d->set("id", h.id);
      d->set("kind", h.kind);
      d->set("title", h.title);
      d->set("url", h.url);
      d->set("published", h.published);
      docs->add(d);
    }
    o->set("documents", docs);
    list->add(o);
  }
  root->set("inspections", list);
  return root;
}

}  // namespace cqc::search
