// Turning a SearchRequest into a Xapian query: free text through Xapian's QueryParser,
// field filters (trust:, service:, rating:, kind:, year:, inspected:, published:) resolved
// against the gazetteer into boolean terms and value ranges.
#pragma once
#include <xapian.h>

#include <string>
#include <string_view>
#include <vector>

#include "search/search.hpp"

namespace cqc::search {

// Wildcards expand to at most this many terms; beyond it the query is refused.
inline constexpr unsigned kMaxWildcardTerms = 500;
// Queries longer than this many bytes are refused.
inline constexpr size_t kMaxQueryBytes = 2000;

struct ParsedQuery {
  Xapian::Query text;       // matches everything for an empty query
  Xapian::Query filter;     // matches everything when there are no filters
  Xapian::Query combined() const;  // text filtered by filter
};

// One field filter pulled out of the query text: NAME:VALUE or NAME:"VALUE".
struct FieldFilter {
  std::string name;
  std::string value;
};

// Splits QUERY into free text and field filters. Unknown field names stay in the text.
// Throws core::UsageError for an unterminated quote in a filter value.
std::pair<std::string, std::vector<FieldFilter>> split_filters(std::string_view query);

// Parses REQUEST (query text + option filters) for database DB. Throws core::UsageError
// naming the bad part: unknown trust/service/rating/kind, bad year or date, syntax error,
// over-long query, wildcard too short.
ParsedQuery parse_request(const SearchRequest& request, const Xapian::Database& db,
                          const Xapian::Stem& stemmer);

// A "YYYY..YYYY"-style range "A..B" (either side may be empty) or a single date as a pair
// of slot strings (from, to). Throws core::UsageError naming FIELD for a bad date.
std::pair<std::string, std::string> parse_date_range(std::string_view text, std::string_view field);

}  // namespace cqc::search
