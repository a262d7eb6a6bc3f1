// Trends (issue 12): how many documents match a search per bucket — year, month, trust,
// service, rating, overall rating, kind, service rating or key question rating — against how many the archive holds in that bucket, and the share.
// A word's share of the year's documents corrects for the archive holding more of some years.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "search/search.hpp"

namespace cqc::search {

struct TrendRow {
  std::string bucket;  // "2019", "2019-03", an ODS code, a service, rating or kind id
  std::string label;   // display name (the bucket itself for dates)
  std::uint64_t matching = 0;  // documents that match the search
  std::uint64_t total = 0;     // documents in the archive in that bucket
  double share = 0;            // matching / total (0 when total is 0)
};

// The buckets BY may name.
inline const std::vector<std::string> kTrendBuckets = {"year",    "month",   "trust",          "service",     "rating",
                                                      "overall", "kind",    "service_rating", "key_question"};

// REQUEST's matches per bucket of BY (one of kTrendBuckets; core::UsageError otherwise), and
// the archive's documents per bucket: dates oldest first (years from the year facet; months
// from each document's date, published else inspected), others by matching count, most first.
// Buckets where nothing matches are kept for dates (a zero is information) and dropped for
// the rest. Throws core::UsageError for a bad query, like Searcher::search.
std::vector<TrendRow> trend(Searcher& searcher, const SearchRequest& request, const std::string& by);

}  // namespace cqc::search
