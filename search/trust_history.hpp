// A trust's inspections over time, from the index: the documents about the trust grouped by
// visit, each group with the ratings its documents state. One implementation for the CLI
// (`cqc-archive trust`) and the server (/api/trusts/{code}, /trusts/{code}).
#pragma once
#include <Poco/JSON/Object.h>

#include <string>
#include <vector>

#include "core/gazetteer.hpp"
#include "search/search.hpp"

namespace cqc::search {

// One inspection: the documents that share its visit dates (or, undated, their own).
struct Inspection {
  std::string from, to;  // ISO; both "" when the documents do not say
  std::string overall;   // rating id the first document stating one gives, or ""
  std::vector<ServiceRatingView> services;  // per service, first document stating it wins
  std::vector<Hit> docs;                    // reports first, then the rest, oldest first
};

// TRUST's inspections in SEARCHER's index, oldest first; documents without visit dates come
// last, as one group. Documents whose visit ranges overlap ("2015-03" in a news story,
// "2015-03-09 to 2015-03-13" on the report) are one inspection, dated by the most precise.
std::vector<Inspection> trust_history(Searcher& searcher, const core::Trust& trust);

// {"trust": {"code", "name", "former_names", "former_codes"}, "inspections": [{"inspected",
// "inspected_end", "overall_rating", "service_ratings": [...], "documents": [{"id", "kind",
// "title", "url", "published"}]}]}: what `trust --json` prints and /api/trusts/{code} returns.
Poco::JSON::Object::Ptr trust_history_json(const core::Trust& trust, const std::vector<Inspection>& inspections);

}  // namespace cqc::search
