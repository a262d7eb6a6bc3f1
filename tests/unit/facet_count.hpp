// The count of VALUE in facet FACET of a search result (0 when absent), for the search tests.
#pragma once
#include <cstdint>
#include <string>

#include "search/search.hpp"

inline std::uint64_t facet_count(const cqc::search::SearchResult& r, const std::string& facet, const std::string& value) {
  for (const auto& f : r.facets)
    if (f.name == facet)
      for (const auto& v : f.values)
        if (v.value == value) return v.count;
  return 0;
}
