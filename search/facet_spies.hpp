// Counting one search's facets, whatever holds the index: the per-revision FacetTable's spy
// where every shard is local, Xapian's own ValueCountMatchSpy on each facet's value slot where
// some shard is remote (a stock xapian-tcpsrv can run only Xapian's built-in match spies).
// Both count the same documents; the remote way splits list values after merging.
#pragma once
#include <xapian.h>

#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <string>

#include "search/facet_table.hpp"

namespace cqc::search {

class FacetCounting {
 public:
  // Counts with TABLE (which must outlive this), or with value-slot spies when TABLE is null:
  // every facet, or ONLY that one.
  explicit FacetCounting(const FacetTable* table, FacetField only = kFacetFields);
  ~FacetCounting();
  FacetCounting(const FacetCounting&) = delete;
  FacetCounting& operator=(const FacetCounting&) = delete;

  // Registers the spies with ENQ, which must not run after this is gone.
  void attach(Xapian::Enquire& enq);
  // Counts every document the table covers, as if each had matched, instead of a match
  // (with no table: nothing).
  void count_covered();
  // Value -> number of matching documents carrying it, for FIELD (zero counts left out).
  std::map<std::string, std::uint64_t> counts(FacetField field) const;

 private:
  std::unique_ptr<FacetCounter> table_counter_;
  std::array<std::unique_ptr<Xapian::ValueCountMatchSpy>, kFacetFields> slot_spies_;
};

// Sorts ENQ by date (newest first when NEWEST), then relevance: from TABLE's copy of the sort
// dates (KEY keeps it and must outlive the search), or from the value slot when TABLE is null.
void sort_by_date(Xapian::Enquire& enq, const FacetTable* table, std::unique_ptr<SortDateKey>& key, bool newest);

}  // namespace cqc::search
