// The selection options search and export share: the query words and the filters.
#pragma once
#include "cli/args.hpp"
#include "search/index_open.hpp"
#include "search/search.hpp"

namespace cqc::cli {

// A SearchRequest from the positional words (the query) and --trust, --service, --rating,
// --kind, --year, --from, --to and --date; sort, limit and offset left at their defaults.
search::SearchRequest selection_from_args(const Args& args);

// The index a reading command opens: --index (default DATA_DIR/index), --allow-partial,
// --shard-timeout and --connect-timeout (milliseconds). Throws core::UsageError naming the
// option for a value out of range.
search::IndexOptions index_options(const Args& args, const std::string& data_dir);
// index_options for a command that searches once or twice per process (search, trust,
// trend, watch add): no per-revision facet table unless a search matches half the index or more
// (search::IndexOptions::facet_table).
search::IndexOptions few_searches_options(const Args& args, const std::string& data_dir);

}  // namespace cqc::cli
