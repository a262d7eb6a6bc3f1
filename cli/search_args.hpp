// The selection options search and export share: the query words and the filters.
#pragma once
#include "cli/args.hpp"
#include "search/search.hpp"

namespace cqc::cli {

// A SearchRequest from the positional words (the query) and --trust, --service, --rating,
// --kind, --year, --from, --to and --date; sort, limit and offset left at their defaults.
search::SearchRequest selection_from_args(const Args& args);

}  // namespace cqc::cli
