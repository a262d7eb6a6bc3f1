// Facets and the timeline of a result from the counts over the whole match set
// (search/facet_table.hpp counts them).
#pragma once
#include <xapian.h>

#include <map>
#include <string>
#include <vector>

#include "search/search.hpp"

namespace cqc::search {

// Facet NAME from COUNTS, labelled from the gazetteer, sorted by count (years by year).
Facet make_facet(const std::string& name, const std::map<std::string, std::uint64_t>& counts);

// Each facet year's number of documents in DB, from the XYEAR term frequencies.
std::map<int, std::uint64_t> year_documents(const Xapian::Database& db);

// The year timeline: every year from the archive's first to its last facet year (the keys
// of DOCUMENTS, from year_documents), with the matching count from YEAR_COUNTS and the
// archive's document count for that year.
std::vector<TimelineEntry> make_timeline(const std::map<int, std::uint64_t>& documents,
                                         const std::map<std::string, std::uint64_t>& year_counts);

}  // namespace cqc::search
