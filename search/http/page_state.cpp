// PageState: the results page's query string, copied into every link with one change.

#include <algorithm>

#include "search/facets.hpp"
#include "search/http/html_page.hpp"
#include "search/http/page_results.hpp"

namespace cqc::search::http {
namespace {

// The page's own view settings, never sent to the search.
const std::vector<std::string> kViewParams = {"chart", "by", "show"};

}  // namespace

PageState::PageState(std::vector<std::pair<std::string, std::string>> params) {
  for (auto& [name, value] : params)
    if (!value.empty()) params_.emplace_back(std::move(name), std::move(value));
}

std::string PageState::get(std::string_view name) const {
  for (const auto& [n, v] : params_)
    if (n == name) return v;
  return "";
}

std::vector<std::string> PageState::all(std::string_view name) const {
  std::vector<std::string> out;
  for (const auto& [n, v] : params_)
    if (n == name) out.push_back(v);
  return out;
}

bool PageState::has(std::string_view name, std::string_view value) const {
  return std::any_of(params_.begin(), params_.end(), [&](const auto& p) { return p.first == name && p.second == value; });
}

std::vector<std::pair<std::string, std::string>> PageState::search_params() const {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& p : params_)
    if (std::find(kViewParams.begin(), kViewParams.end(), p.first) == kViewParams.end()) out.push_back(p);
  return out;
}

std::string PageState::url(const std::vector<std::pair<std::string, std::string>>& params) {
  std::string out = "/";
  for (size_t i = 0; i < params.size(); ++i)
    out += (i ? "&" : "?") + url_encode(params[i].first) + "=" + url_encode(params[i].second);
  return out;
}

std::string PageState::toggled(std::string_view name, std::string_view value) const {
  std::vector<std::pair<std::string, std::string>> out;
  bool removed = false;
  for (const auto& p : params_) {
    if (p.first == "page") continue;
    if (p.first == name && p.second == value) {
      removed = true;
      continue;
    }
    out.push_back(p);
  }
  if (!removed) out.emplace_back(std::string(name), std::string(value));
  return url(out);
}

std::string PageState::with(std::string_view name, std::string_view value, bool keep_page) const {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& p : params_)
    if (p.first != name && (keep_page || p.first != "page")) out.push_back(p);
  if (!value.empty()) out.emplace_back(std::string(name), std::string(value));
  return url(out);
}

std::string PageState::without(const std::vector<std::string>& names) const {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& p : params_)
    if (p.first != "page" && std::find(names.begin(), names.end(), p.first) == names.end()) out.push_back(p);
  return url(out);
}

std::string PageState::hidden_inputs(const std::vector<std::string>& skip) const {
  std::string out;
  for (const auto& [n, v] : params_)
    if (n != "page" && std::find(skip.begin(), skip.end(), n) == skip.end())
      out += "<input type=\"hidden\" name=\"" + html_escape(n) + "\" value=\"" + html_escape(v) + "\">";
  return out;
}

const std::vector<std::pair<std::string, std::string>>& page_facets() {
  static const std::vector<std::pair<std::string, std::string>> facets = {
      {"overall", "Overall rating"}, {"key_question", "Key question rating"}, {"kind", "Document type"},
      {"trust", "Trust"},            {"service", "Core service"},             {"service_rating", "Service rating"},
      {"changed", "Text changed at source"},
  };
  return facets;
}

std::string facet_label(const SearchResult& r, const std::string& name, const std::string& value) {
  for (const Facet& f : r.facets)
    if (f.name == name)
      for (const FacetValue& v : f.values)
        if (v.value == value) return v.label;
  const Facet f = make_facet(name, {{value, 0}});
  return f.values.empty() ? value : f.values.front().label;
}

}  // namespace cqc::search::http
