// Facet values of every document as small integers, read once per index revision, so that
// counting a match set's facets is array indexing rather than decoding value strings; and
// the documents per year for the timeline, which also change only with the revision.
#pragma once
#include <xapian.h>

#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace cqc::search {

// The facets counted, in SearchResult::facets order.
enum FacetField : unsigned {
  kFacetTrust,
  kFacetService,
  kFacetRating,
  kFacetYear,
  kFacetKind,
  kFacetOverall,
  kFacetServiceRating,
  kFacetQuestionRating,
  kFacetChanged,
  kFacetFields
};

// The facet's name in SearchResult::facets and in filters ("trust", ... "service_rating",
// "key_question").
const char* facet_name(FacetField field);

// For each facet, each document's values (schema::encode_list items of the facet's slot) as
// ids into that facet's names, laid out as one flat array per facet (CSR: document D's ids
// are ids[start[D]] .. ids[start[D + 1] - 1]). Immutable once built.
//
// Documents are known by their docid in the database that holds them (D below), which is what
// Xapian 1.4 gives a MatchSpy or KeyMaker (Document::get_docid) even when several databases
// are searched as one. The indexer gives the documents of a split index docids that no other
// shard uses (indexer/shard_writer.hpp, ShardSet), so D names one document; an index whose
// shards share docids gets no table (covers() is false: values are read from the documents).
class FacetTable {
 public:
  // Reads every document's facet slots from DB (value streams, in docid order).
  explicit FacetTable(const Xapian::Database& db);

  // The table for DB at its current revision, shared by every Searcher on INDEX_DIR in this
  // process: built on first use, rebuilt when the revision or the database's UUID changes.
  static std::shared_ptr<const FacetTable> shared(const std::string& index_dir, const Xapian::Database& db);

  // The index revision read (0 when the backend has no revisions).
  Xapian::rev revision() const { return revision_; }
  // The UUID of the database read (Database::get_uuid): a rebuilt or compacted index is a new
  // database whose revisions start again, so a revision alone does not name a state.
  const std::string& uuid() const { return uuid_; }
  // Whether document DID's values are in the table (DID existed when it was read).
  bool covers(Xapian::docid did) const { return did < docs_ && present_[did]; }
  // How many documents the table covers: all of the database it was read from, or none
  // when its shards share docids.
  Xapian::doccount covered() const { return covered_; }
  // The ids of document DID's values for FIELD (empty when none). covers(DID) must hold.
  std::pair<const std::uint32_t*, const std::uint32_t*> ids(FacetField field, Xapian::docid did) const {
    const Column& c = columns_[field];
    return {c.ids.data() + c.start[did], c.ids.data() + c.start[did + 1]};
  }
  // The ids of the values for FIELD of every document covered (none when covered() is 0).
  std::pair<const std::uint32_t*, const std::uint32_t*> all_ids(FacetField field) const {
    const Column& c = columns_[field];
    return covered_ ? std::make_pair(c.ids.data(), c.ids.data() + c.ids.size()) : std::make_pair(c.ids.data(), c.ids.data());
  }
  // The value string of id ID in FIELD.
  const std::string& name(FacetField field, std::uint32_t id) const { return columns_[field].names[id]; }
  // Number of distinct values of FIELD.
  std::size_t size(FacetField field) const { return columns_[field].names.size(); }
  // Document DID's sort date (value slot schema::kSlotSortDate). covers(DID) must hold.
  std::string_view sort_key(Xapian::docid did) const {
    return std::string_view(sort_keys_).substr(sort_start_[did], sort_start_[did + 1] - sort_start_[did]);
  }
  // Each facet year's number of documents (search/facets.hpp year_documents), for the timeline.
  const std::map<int, std::uint64_t>& year_documents() const { return year_documents_; }

 private:
  struct Column {
    std::vector<std::string> names;
    std::vector<std::uint32_t> start;  // docs_ + 1 entries
    std::vector<std::uint32_t> ids;
  };
  Xapian::rev revision_ = 0;
  std::string uuid_;
  Xapian::docid docs_ = 0;  // last docid + 1
  Xapian::doccount covered_ = 0;
  std::vector<bool> present_;  // docs_ entries: a document had this docid
  std::array<Column, kFacetFields> columns_;
  std::map<int, std::uint64_t> year_documents_;
  std::string sort_keys_;                 // every document's sort date, one after another
  std::vector<std::uint32_t> sort_start_;  // docs_ + 1 offsets into sort_keys_
};

// Sorting by date from the table instead of reading value slot schema::kSlotSortDate of
// every match from disk (the same order as Enquire::set_sort_by_value on that slot).
class SortDateKey : public Xapian::KeyMaker {
 public:
  // Reads TABLE, which must outlive the key maker.
  explicit SortDateKey(const FacetTable& table) : table_(table) {}
  std::string operator()(const Xapian::Document& doc) const override;

 private:
  const FacetTable& table_;
};

// Counts, for one search, how many matching documents carry each facet value: a MatchSpy
// that indexes flat counters by the table's ids. A document the table does not cover (added
// after it was read) is counted from its value slots instead.
class FacetCounter : public Xapian::MatchSpy {
 public:
  // Counts against TABLE, which must outlive the counter: every facet, or ONLY that one.
  explicit FacetCounter(const FacetTable& table, FacetField only = kFacetFields);
  void operator()(const Xapian::Document& doc, double weight) override;
  // Counts every document the table covers, as if each had matched.
  void count_covered();
  // Value -> number of matching documents carrying it, for FIELD (zero counts left out).
  std::map<std::string, std::uint64_t> counts(FacetField field) const;

 private:
  const FacetTable& table_;
  unsigned first_, end_;  // the facets counted: [first_, end_)
  std::array<std::vector<std::uint64_t>, kFacetFields> counts_;
  std::array<std::map<std::string, std::uint64_t>, kFacetFields> extra_;  // uncovered documents
};

// DB's revision: Xapian's for one database, schema::kGenerationKey for a split index; 0 when
// it has none (a remote backend, several databases not written as one index).
Xapian::rev index_revision(const Xapian::Database& db);

// DB's UUID (Database::get_uuid: a split index's joins its shards'), "" when it has none.
std::string index_uuid(const Xapian::Database& db);

// The value slot holding FIELD's values.
Xapian::valueno facet_slot(FacetField field);

}  // namespace cqc::search
