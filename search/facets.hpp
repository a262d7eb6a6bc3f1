// Facet counting over the whole match set: a Xapian MatchSpy that reads a value slot
// holding a list (schema::encode_list) and counts each item once per document.
#pragma once
#include <xapian.h>

#include <map>
#include <string>
#include <vector>

#include "search/search.hpp"

namespace cqc::search {

class ListCountSpy : public Xapian::MatchSpy {
 public:
  // Counts the items of the list in value slot SLOT.
  explicit ListCountSpy(Xapian::valueno slot) : slot_(slot) {}
  void operator()(const Xapian::Document& doc, double wt) override;
  // Item -> number of matching documents carrying it.
  const std::map<std::string, std::uint64_t>& counts() const { return counts_; }

 private:
  Xapian::valueno slot_;
  std::map<std::string, std::uint64_t> counts_;
};

// Facet NAME from COUNTS, labelled from the gazetteer, sorted by count (years by year).
Facet make_facet(const std::string& name, const std::map<std::string, std::uint64_t>& counts);

// The year timeline: every year from the archive's first to its last facet year, with the
// matching count from YEAR_COUNTS and the archive's document count for that year.
std::vector<TimelineEntry> make_timeline(const Xapian::Database& db,
                                         const std::map<std::string, std::uint64_t>& year_counts);

}  // namespace cqc::search
