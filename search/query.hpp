// Turning a SearchRequest into a Xapian query. The query text goes whole through Xapian's
// QueryParser: words, phrases, wildcards, AND/OR/NOT/'-', and the filter fields of
// search/query_fields.hpp (trust:, overall:, safe: ...) as boolean prefixes with field
// processors, so filters combine as words do. The request's option filters (the page's
// facets, the CLI's --trust ...) are kept apart, one per facet, so each facet can be counted
// without its own filter (disjunctive facets).
#pragma once
#include <xapian.h>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "search/search.hpp"

namespace cqc::search {

// Wildcards expand to at most this many terms; beyond it the query is refused.
inline constexpr unsigned kMaxWildcardTerms = 500;
// Queries longer than this many bytes are refused.
inline constexpr size_t kMaxQueryBytes = 2000;

struct ParsedQuery {
  Xapian::Query text;  // the query text as typed, its field filters included; every document
                       // for an empty text
  // The option filters: (facet name, OR of its values), then ("dates", the from/to range).
  std::vector<std::pair<std::string, Xapian::Query>> filters;
  // What the QueryParser made of the text (canonical field names, accents folded): the
  // string its spelling correction rewrites.
  std::string parsed_text;

  // The text filtered by every option filter.
  Xapian::Query combined() const;
  // The text filtered by every option filter except FACET's (for that facet's counts).
  Xapian::Query without(std::string_view facet) const;
  // Whether an option filter on FACET is set.
  bool filters_on(std::string_view facet) const;
};

// Parses REQUEST (query text + option filters) for database DB. Throws core::UsageError
// naming the bad part: unknown field, trust, service, rating or kind, bad year or date,
// syntax error, over-long query, wildcard too short.
ParsedQuery parse_request(const SearchRequest& request, const Xapian::Database& db,
                          const Xapian::Stem& stemmer);

// The query text with its misspelt words replaced by the index's most frequent near words
// (Xapian's spelling data), or "" when no word needs it or the index has no spelling data.
std::string spelling_suggestion(const ParsedQuery& parsed, const Xapian::Database& db,
                                const Xapian::Stem& stemmer);

// A "YYYY..YYYY"-style range "A..B" (either side may be empty) or a single date as a pair
// of slot strings (from, to). Throws core::UsageError naming FIELD for a bad date.
std::pair<std::string, std::string> parse_date_range(std::string_view text, std::string_view field);

}  // namespace cqc::search
