// The search page, rendered on the server (issue 12, point 10): GET / answers a whole HTML page
// with the results, facets, year chart, filter chips and pager for the state in its query
// string, every control a link or a form, so the page works with JavaScript off. app.js then
// only enhances it: it fetches the next state's page and swaps the content in place.
//
// The pieces (results_html.cpp) build from a PageState: the query-string parameters in order,
// which every link copies with one change.
#pragma once
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "search/search.hpp"

namespace cqc::search::http {

// The parameters of a results page's URL.
class PageState {
 public:
  // PARAMS as decoded from the query string (order and repeats kept; empty values dropped).
  explicit PageState(std::vector<std::pair<std::string, std::string>> params);

  // The first value of NAME, or "".
  std::string get(std::string_view name) const;
  // Every value of NAME.
  std::vector<std::string> all(std::string_view name) const;
  // Whether NAME has value VALUE.
  bool has(std::string_view name, std::string_view value) const;
  // The parameters without the page's own view settings (chart, by, show): what the search
  // API takes.
  std::vector<std::pair<std::string, std::string>> search_params() const;

  // A URL ("/?...") of this state with NAME=VALUE added, or removed when present (a facet's
  // toggle). Leaves page 1 (drops page).
  std::string toggled(std::string_view name, std::string_view value) const;
  // A URL with NAME set to VALUE ("" removes it), keeping page only when KEEP_PAGE.
  std::string with(std::string_view name, std::string_view value, bool keep_page = false) const;
  // A URL with every parameter named in NAMES removed (and page).
  std::string without(const std::vector<std::string>& names) const;
  // Hidden form inputs for every parameter except those in SKIP (and page).
  std::string hidden_inputs(const std::vector<std::string>& skip) const;
  // "/?" plus the parameters, or "/" when there are none.
  static std::string url(const std::vector<std::pair<std::string, std::string>>& params);

 private:
  std::vector<std::pair<std::string, std::string>> params_;
};

// The facet groups the page shows, in order: (facet name, heading).
const std::vector<std::pair<std::string, std::string>>& page_facets();

// The label of VALUE in facet NAME: from RESULT's facet when present, else from the gazetteer.
std::string facet_label(const SearchResult& result, const std::string& name, const std::string& value);

// The sidebar's facet groups for RESULT (links toggling each value).
std::string facets_html(const PageState& state, const SearchResult& result);
// The number of active filters: each filter value, and a date range as one.
int active_filters(const PageState& state);
// The active filters as links that remove them, and "Clear all filters".
std::string chips_html(const PageState& state, const SearchResult& result);
// The year (or month) chart: one link per bucket, its height a CSS class.
std::string chart_html(const PageState& state, const SearchResult& result, Searcher& searcher,
                       const SearchRequest& request);
// One hit as the list item app.js used to build.
std::string hit_html(const Hit& hit, const std::string& query);
// The pager for TOTAL results at PER_PAGE on page PAGE.
std::string pager_html(const PageState& state, std::uint64_t total, unsigned page, unsigned per_page);

}  // namespace cqc::search::http
