#include "search/facets.hpp"

#include <algorithm>

#include "core/gazetteer.hpp"
#include "core/schema.hpp"

namespace cqc::search {

Facet make_facet(const std::string& name, const std::map<std::string, std::uint64_t>& counts) {
  const auto& g = core::Gazetteer::builtin();
  Facet f{name, {}};
  for (const auto& [value, count] : counts) {
    std::string label = value;
    if (name == "trust") {
      if (const auto* t = g.trust_by_code(value)) label = t->name;
    } else if (name == "service") {
      if (const auto* s = g.service_by_id(value)) label = s->name;
    } else if (name == "rating") {
      if (const auto* r = g.rating_by_id(value)) label = r->name;
    }
    f.values.push_back({value, label, count});
  }
  if (name == "year") {
    std::sort(f.values.begin(), f.values.end(),
              [](const FacetValue& a, const FacetValue& b) { return a.value < b.value; });
  } else if (name == "rating") {
    auto rank = [&](const FacetValue& v) {
      const auto* r = g.rating_by_id(v.value);
      return r ? r->rank : 99;
    };
    std::sort(f.values.begin(), f.values.end(),
              [&](const FacetValue& a, const FacetValue& b) { return rank(a) < rank(b); });
  } else {
    std::stable_sort(f.values.begin(), f.values.end(), [](const FacetValue& a, const FacetValue& b) {
      return a.count != b.count ? a.count > b.count : a.label < b.label;
    });
  }
  return f;
}

std::map<int, std::uint64_t> year_documents(const Xapian::Database& db) {
  const std::string prefix = schema::boolean_term(schema::kFacetYear, "");
  std::map<int, std::uint64_t> documents;
  for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) {
    const std::string year = (*t).substr(prefix.size());
    if (year.empty() || year.size() > 6 || year.find_first_not_of("0123456789") != std::string::npos) continue;
    documents[std::stoi(year)] = t.get_termfreq();
  }
  return documents;
}

std::vector<TimelineEntry> make_timeline(const std::map<int, std::uint64_t>& documents,
                                         const std::map<std::string, std::uint64_t>& year_counts) {
  std::vector<TimelineEntry> out;
  if (documents.empty()) return out;
  for (int y = documents.begin()->first; y <= documents.rbegin()->first; ++y) {
    TimelineEntry e;
    e.year = y;
    auto c = year_counts.find(std::to_string(y));
    e.count = c == year_counts.end() ? 0 : c->second;
    auto d = documents.find(y);
    e.documents = d == documents.end() ? 0 : d->second;
    e.share = e.documents ? static_cast<double>(e.count) / static_cast<double>(e.documents) : 0.0;
    out.push_back(e);
  }
  return out;
}

}  // namespace cqc::search
