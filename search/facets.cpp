#include "search/facets.hpp"

#include <algorithm>

#include "core/gazetteer.hpp"
#include "core/schema.hpp"

namespace cqc::search {

namespace {

std::string rating_label(std::string_view id) {
  const auto* r = core::Gazetteer::builtin().rating_by_id(id);
  return r ? r->name : std::string(id);
}

// "acute-wards:inadequate" -> "Acute wards: Inadequate"; "safe:good" -> "Safe: Good".
std::string pair_label(const std::string& name, const std::string& value) {
  const auto& g = core::Gazetteer::builtin();
  const size_t colon = value.rfind(':');
  if (colon == std::string::npos) return value;
  const std::string what = value.substr(0, colon);
  std::string label = what;
  if (name == "service_rating") {
    if (const auto* s = g.service_by_id(what)) label = s->name;
  } else if (const auto* q = g.resolve_question(what)) {
    label = q->name;
  }
  return label + ": " + rating_label(value.substr(colon + 1));
}

std::string kind_label(const std::string& kind) {
  static const std::map<std::string, std::string> labels = {
      {"report", "Inspection report"}, {"rating", "CQC ratings"},  {"cqc-page", "CQC web page"},
      {"cqc-press", "CQC press release"}, {"trust-news", "Trust news"}, {"press", "Press"},
      {"news", "News"},                 {"other", "Other"}};
  auto it = labels.find(kind);
  return it == labels.end() ? kind : it->second;
}

int rating_rank(std::string_view id) {
  const auto* r = core::Gazetteer::builtin().rating_by_id(id);
  return r ? r->rank : 99;
}

}  // namespace

Facet make_facet(const std::string& name, const std::map<std::string, std::uint64_t>& counts) {
  const auto& g = core::Gazetteer::builtin();
  Facet f{name, {}};
  for (const auto& [value, count] : counts) {
    std::string label = value;
    if (name == "trust") {
      if (const auto* t = g.trust_by_code(value)) label = t->name;
    } else if (name == "service") {
      if (const auto* s = g.service_by_id(value)) label = s->name;
    } else if (name == "rating" || name == "overall") {
      label = rating_label(value);
    } else if (name == "service_rating" || name == "key_question") {
      label = pair_label(name, value);
    } else if (name == "kind") {
      label = kind_label(value);
    }
    f.values.push_back({value, label, count});
  }
  if (name == "key_question") {
    // The CQC's order of the questions, each from best rating to worst.
    auto key = [&](const FacetValue& v) {
      const size_t colon = v.value.rfind(':');
      const std::string q = v.value.substr(0, colon);
      size_t order = g.questions().size();
      for (size_t i = 0; i < g.questions().size(); ++i)
        if (g.questions()[i].id == q) order = i;
      return std::make_pair(order, rating_rank(colon == std::string::npos ? "" : v.value.substr(colon + 1)));
    };
    std::sort(f.values.begin(), f.values.end(), [&](const FacetValue& a, const FacetValue& b) { return key(a) < key(b); });
    return f;
  }
  if (name == "year" || name == "changed") {
    std::sort(f.values.begin(), f.values.end(),
              [](const FacetValue& a, const FacetValue& b) { return a.value < b.value; });
  } else if (name == "rating" || name == "overall") {
    std::sort(f.values.begin(), f.values.end(),
              [&](const FacetValue& a, const FacetValue& b) { return rating_rank(a.value) < rating_rank(b.value); });
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
