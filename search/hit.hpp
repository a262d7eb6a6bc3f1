// A search hit's displayed fields from its stored metadata (core/schema.hpp DocumentData).
#pragma once
#include <string_view>

#include "search/search.hpp"

namespace cqc::search {

// The Hit fields stored in METADATA_JSON (the metadata object the indexer writes), with
// trust, service and rating names from the gazetteer. Score, snippet and page are left for
// the caller. Throws core::Error naming the fault when the JSON is not such an object.
Hit hit_from_metadata(std::string_view metadata_json);

}  // namespace cqc::search
