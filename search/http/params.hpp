// Query-string parameters of /api/search and /api/export, checked and turned into a
// SearchRequest. Every fault is an HttpError 400 naming the parameter.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "search/http/router.hpp"
#include "search/search.hpp"

namespace cqc::search::http {

// Largest page size /api/search accepts.
inline constexpr unsigned kMaxPerPage = 100;
// Deepest page /api/search serves (use /api/export for everything).
inline constexpr unsigned kMaxPage = 1000;

struct SearchParams {
  SearchRequest request;   // filters, sort, limit/offset from page and per_page
  unsigned page = 1;       // 1-based
  unsigned per_page = 10;
  std::string format;      // export only: csv | json
};

// Parses Q (q, the filter parameters of search::filter_values, from, to, date, sort, page, per_page, and format
// when FOR_EXPORT). Repeated values of one filter mean OR. Unknown
// parameters, bad numbers and bad enumerations answer 400 naming the parameter.
SearchParams parse_search_params(const std::vector<std::pair<std::string, std::string>>& q,
                                 bool for_export);

}  // namespace cqc::search::http
