// `trust`: a trust's inspections over time — dates, services, ratings and the documents
// behind each — read from the index through the search library (thin, read-only).
#include <Poco/JSON/Array.h>

#include <algorithm>

#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "cli/app.hpp"
#include "cli/json.hpp"
#include "core/error.hpp"
#include "core/gazetteer.hpp"
#include "core/paths.hpp"
#include "search/search.hpp"

namespace cqc::cli {
namespace {

// One inspection: the documents that share its visit dates (or, undated, their own).
struct Inspection {
  std::string from, to;  // ISO; both "" when the documents do not say
  std::vector<const search::Hit*> docs;
};

std::string rating_name(const std::string& id) {
  const core::Rating* r = core::Gazetteer::builtin().rating_by_id(id);
  return r ? r->name : id;
}

// The first and last day a visit range can cover, as comparable "YYYY-MM-DD" strings.
std::string first_day(const std::string& iso) {
  return iso.size() == 4 ? iso + "-01-01" : iso.size() == 7 ? iso + "-01" : iso;
}
std::string last_day(const std::string& iso) {
  return iso.size() == 4 ? iso + "-12-31" : iso.size() == 7 ? iso + "-31" : iso;
}

// Groups hits by visit: documents whose visit ranges overlap ("2015-03" in a news story,
// "2015-03-09 to 2015-03-13" on the report) are one inspection, dated by its most precise
// range. Documents without visit dates come last, in one group. Groups are oldest first.
std::vector<Inspection> group(const std::vector<search::Hit>& hits) {
  std::vector<Inspection> out;
  Inspection undated;
  for (const search::Hit& h : hits) {
    if (h.inspected.empty()) {
      undated.docs.push_back(&h);
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
      out.push_back({from, to, {}});
      match = &out.back();
    } else if (from.size() > match->from.size()) {
      match->from = from;  // the report's exact days win over a story's month
      match->to = to;
    }
    match->docs.push_back(&h);
  }
  std::stable_sort(out.begin(), out.end(), [](const Inspection& a, const Inspection& b) {
    return first_day(a.from) < first_day(b.from);
  });
  for (Inspection& in : out)  // reports first: they state the ratings
    std::stable_partition(in.docs.begin(), in.docs.end(),
                          [](const search::Hit* h) { return h->kind == "report"; });
  if (!undated.docs.empty()) out.push_back(std::move(undated));
  return out;
}

// The overall rating and per-service ratings the documents of one inspection state; the
// first document that states each wins (reports sort before news of the same date).
void ratings_of(const Inspection& in, std::string& overall,
                std::vector<search::ServiceRatingView>& services) {
  for (const search::Hit* h : in.docs) {
    if (overall.empty()) overall = h->overall_rating;
    for (const auto& sr : h->service_ratings) {
      bool seen = false;
      for (const auto& s : services) seen = seen || s.service == sr.service;
      if (!seen) services.push_back(sr);
    }
  }
}

Poco::JSON::Object::Ptr to_json(const core::Trust& trust, const std::vector<Inspection>& all) {
  auto root = json_object();
  auto t = json_object();
  t->set("code", trust.code);
  t->set("name", trust.name);
  root->set("trust", t);
  Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
  for (const Inspection& in : all) {
    auto o = json_object();
    o->set("inspected", in.from);
    o->set("inspected_end", in.to);
    std::string overall;
    std::vector<search::ServiceRatingView> services;
    ratings_of(in, overall, services);
    o->set("overall_rating", overall);
    Poco::JSON::Array::Ptr sr = new Poco::JSON::Array;
    for (const auto& s : services) {
      auto x = json_object();
      x->set("service", s.service);
      x->set("name", s.name);
      x->set("rating", s.rating);
      x->set("rating_name", s.rating_name);
      sr->add(x);
    }
    o->set("service_ratings", sr);
    Poco::JSON::Array::Ptr docs = new Poco::JSON::Array;
    for (const search::Hit* h : in.docs) {
      auto d = json_object();
      d->set("id", h->id);
      d->set("kind", h->kind);
      d->set("title", h->title);
      d->set("url", h->url);
      d->set("published", h->published);
      docs->add(d);
    }
    o->set("documents", docs);
    list->add(o);
  }
  root->set("inspections", list);
  return root;
}

void print_text(const core::Trust& trust, const std::vector<Inspection>& all) {
  std::cout << trust.name << " (" << trust.code << ")\n";
  if (all.empty()) std::cout << "  no archived documents about this trust\n";
  for (const Inspection& in : all) {
    std::string overall;
    std::vector<search::ServiceRatingView> services;
    ratings_of(in, overall, services);
    std::cout << '\n'
              << (in.from.empty()             ? std::string("inspection date not stated")
                  : in.from == in.to          ? "inspected " + in.from
                                              : "inspected " + in.from + " to " + in.to);
    if (!overall.empty()) std::cout << "  overall: " << rating_name(overall);
    std::cout << '\n';
    for (const auto& s : services) std::cout << "  " << s.name << ": " << s.rating_name << '\n';
    for (const search::Hit* h : in.docs)
      std::cout << "  [" << h->kind << "] " << (h->published.empty() ? "----------" : h->published)
                << "  " << h->title << "\n      " << h->url << '\n';
  }
}

}  // namespace

int cmd_trust(const Args& args, const Context& ctx) {
  if (args.positional().empty()) throw core::UsageError("name a trust: its ODS code, name or abbreviation");
  std::string name;
  for (const auto& p : args.positional()) name += (name.empty() ? "" : " ") + p;
  const core::Trust* trust = core::Gazetteer::builtin().resolve_trust(name);
  if (!trust) throw core::UsageError("unknown NHS trust '" + name + "'");

  search::SearchRequest req;
  req.trusts = {trust->code};
  req.sort = "oldest";
  req.limit = 10000;
  search::Searcher searcher(core::index_dir(ctx.data_dir));
  const search::SearchResult result = searcher.search(req);
  const std::vector<Inspection> all = group(result.hits);
  if (ctx.json)
    print_json(to_json(*trust, all));
  else
    print_text(*trust, all);
  return 0;
}

}  // namespace cqc::cli
