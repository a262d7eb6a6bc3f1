#include "search/facet_spies.hpp"

#include "core/schema.hpp"
#include "core/text.hpp"

namespace cqc::search {

FacetCounting::FacetCounting(const FacetTable* table, FacetField only) {
  if (table) {
    table_counter_ = std::make_unique<FacetCounter>(*table, only);
    return;
  }
  for (unsigned f = 0; f < kFacetFields; ++f)
    if (only == kFacetFields || only == f)
      slot_spies_[f] = std::make_unique<Xapian::ValueCountMatchSpy>(facet_slot(static_cast<FacetField>(f)));
}

FacetCounting::~FacetCounting() = default;

void FacetCounting::attach(Xapian::Enquire& enq) {
  if (table_counter_) {
    enq.add_matchspy(table_counter_.get());
    return;
  }
  for (auto& spy : slot_spies_)
    if (spy) enq.add_matchspy(spy.get());
}

void FacetCounting::count_covered() {
  if (table_counter_) table_counter_->count_covered();
}

std::map<std::string, std::uint64_t> FacetCounting::counts(FacetField field) const {
  if (table_counter_) return table_counter_->counts(field);
  std::map<std::string, std::uint64_t> out;
  const auto& spy = slot_spies_[field];
  if (!spy) return out;
  // A document's list value ("a\nb") is one key to the spy: each item counts the documents
  // holding the list (an item appears once in a document's list).
  for (auto v = spy->values_begin(); v != spy->values_end(); ++v) {
    const std::string value = *v;
    for (std::string_view item : core::split(value, '\n'))
      if (!item.empty()) out[std::string(item)] += v.get_termfreq();
  }
  return out;
}

void sort_by_date(Xapian::Enquire& enq, const FacetTable* table, std::unique_ptr<SortDateKey>& key, bool newest) {
  if (!table) {
    enq.set_sort_by_value_then_relevance(schema::kSlotSortDate, newest);
    return;
  }
  key = std::make_unique<SortDateKey>(*table);
  enq.set_sort_by_key_then_relevance(key.get(), newest);
}

}  // namespace cqc::search
