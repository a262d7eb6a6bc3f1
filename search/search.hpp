// The query engine: one read-only view of the index, shared by the CLI and the HTTP server.
// Never writes; meets the indexer only in core/schema.hpp.
#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace Xapian {
class Database;
}

namespace cqc::search {

struct SearchRequest {
  std::string query;                  // free text + field filters (see search/query.hpp)
  std::vector<std::string> trusts;    // ODS codes, names or abbreviations (OR within a field)
  std::vector<std::string> services;  // service ids, names or aliases
  std::vector<std::string> ratings;   // rating ids or names: any rating in the document
  std::vector<std::string> overall;   // overall rating ids or names
  std::vector<std::string> service_ratings;  // "SERVICE:RATING" ("acute wards:inadequate")
  std::vector<std::string> key_questions;    // "QUESTION:RATING" ("safe:inadequate")
  std::vector<std::string> kinds;     // report, cqc-page, cqc-press, trust-news, press, rating, other; news = the three news kinds
  std::vector<std::string> years;     // YYYY (facet year)
  std::vector<std::string> changed;   // any, YYYY or YYYY..YYYY: the text changed (that year)
  std::string from, to;               // ISO dates at any precision; "" = open end
  std::string date_field = "inspected";  // which date from/to filter: inspected | published
  std::string sort = "relevance";        // relevance | newest | oldest
  unsigned limit = 10;
  unsigned offset = 0;
};

// The request's list for filter NAME (trust, service, rating, overall, service_rating,
// key_question, kind, year, changed: the names of the API's parameters and the page's facets),
// or nullptr for any other name.
std::vector<std::string>* filter_values(SearchRequest& request, std::string_view name);
const std::vector<std::string>* filter_values(const SearchRequest& request, std::string_view name);
// Every filter name filter_values knows, in that order.
const std::vector<std::string>& filter_names();

struct ServiceRatingView {
  std::string service;  // service id
  std::string name;     // CQC service name
  std::string rating;   // rating id
  std::string rating_name;
};

struct Hit {
  std::string id;       // stable document id (hash of the URI)
  std::string title;
  std::string url;      // source URI
  std::string kind;     // report | cqc-page | cqc-press | trust-news | press | rating | other
  std::string location;     // name of the CQC location it is about, "" for none
  std::string location_id;  // its CQC location id, "" for none
  std::vector<std::string> trusts;    // ODS codes of the trusts the document is about
  std::vector<std::string> trust_names;
  std::vector<std::string> mentioned_trusts;  // ODS codes of trusts only mentioned in passing
  std::vector<std::string> services;  // service ids
  std::vector<std::string> ratings;   // rating ids
  std::string overall_rating;         // rating id or ""
  std::vector<ServiceRatingView> service_ratings;
  std::vector<std::pair<std::string, std::string>> key_question_ratings;  // (question id, rating id)
  std::string inspected;     // ISO start, "" when unknown
  std::string inspected_end; // ISO end, "" when unknown
  std::string published;     // ISO, "" when unknown
  int year = 0;              // 0 when unknown
  int page = 0;              // PDF page of the snippet; 0 for unpaged documents
  std::string snippet;       // HTML-escaped text, matched words in <mark>...</mark>
  double score = 0;          // relevance weight
  std::map<std::string, std::string> provenance;  // field -> where its value came from
  int removed_status = 0;     // 404 or 410 when the source URI no longer serves the document
  std::string removed_since;  // WARC date it first answered so; "" while live
};

struct FacetValue {
  std::string value;  // the id used in filters (ODS code, service id, rating id, year, kind)
  std::string label;  // display name
  std::uint64_t count = 0;
};

struct Facet {
  std::string name;  // trust | service | rating | year | kind | overall | service_rating | key_question
                     // | changed (years in which a new capture changed the text)
  std::vector<FacetValue> values;  // by count descending (year: by year)
};

struct TimelineEntry {
  int year = 0;
  std::uint64_t count = 0;      // matching documents with this facet year
  std::uint64_t documents = 0;  // documents archived with this facet year
  double share = 0;             // count / documents (0 when documents is 0)
};

struct SearchResult {
  std::uint64_t total = 0;  // exact size of the match set
  std::vector<Hit> hits;
  // trust, service, rating, year, kind, overall, service_rating, key_question: counts over all
  // matches, except that a facet with an option filter of its own is counted without that
  // filter (disjunctive facets: selecting Inadequate keeps the other ratings' counts).
  std::vector<Facet> facets;
  std::vector<TimelineEntry> timeline;  // every year from the archive's first to last; counted
                                        // like the year facet (without a year option filter)
  std::string did_you_mean;             // the query with misspelt words corrected, when few
                                        // documents match it and the index knows better words
  std::string query_description;        // the parsed query, for debugging
  // Shards left out because they did not answer (search/index_open.hpp, allow_partial): the
  // result is partial. Each names the stub line and the reason.
  std::vector<std::string> missing_shards;
};

struct IndexOptions;

class Searcher {
 public:
  // Opens the Xapian index at INDEX_DIR read-only. Throws core::Fatal naming the folder
  // if there is no index there.
  explicit Searcher(const std::string& index_dir);
  // Opens the index OPTIONS names: a database, a split index or a stub listing remote shards
  // (search/index_open.hpp). Throws core::Fatal without an index, ShardUnavailable naming a
  // shard that cannot be opened (unless OPTIONS.allow_partial).
  explicit Searcher(const IndexOptions& options);
  ~Searcher();
  Searcher(const Searcher&) = delete;
  Searcher& operator=(const Searcher&) = delete;

  // Runs REQUEST. Throws core::UsageError naming the fault for a bad query, filter or
  // over-broad wildcard; ShardUnavailable naming a remote shard that does not answer (within
  // about twice the read timeout; with allow_partial the result leaves it out and names it
  // instead). Not safe to call from two threads at once on one Searcher.
  SearchResult search(const SearchRequest& request);
  // Number of documents in the index.
  std::uint64_t document_count() const;
  // Moves to the index's latest commit (for long-running servers). Cheap when nothing was
  // committed: Xapian then only reads the revision on disk. True when the revision changed.
  bool reopen();
  // The open index (a handle sharing this Searcher's database: what reopen() moves, this
  // sees). For lookups by id and export; not safe to use while search() runs on another thread.
  const Xapian::Database& database() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The result as the documented JSON object: {"total", "hits", "facets", "timeline"}.
std::string to_json(const SearchResult& result);

}  // namespace cqc::search
