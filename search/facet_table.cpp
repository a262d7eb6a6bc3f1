#include "search/facet_table.hpp"

#include <algorithm>
#include <mutex>
#include <unordered_map>

#include "core/schema.hpp"
#include "core/text.hpp"
#include "search/facets.hpp"

namespace cqc::search {

Xapian::valueno facet_slot(FacetField field) {
  static constexpr Xapian::valueno kSlots[kFacetFields] = {
      schema::kSlotTrusts, schema::kSlotServices,       schema::kSlotRatings,        schema::kSlotYear,
      schema::kSlotKind,   schema::kSlotOverall, schema::kSlotServiceRatings, schema::kSlotQuestionRatings,
      schema::kSlotChanged};
  return kSlots[field];
}

const char* facet_name(FacetField field) {
  static constexpr const char* kNames[kFacetFields] = {"trust", "service", "rating", "year",
                                                       "kind", "overall", "service_rating", "key_question", "changed"};
  return kNames[field];
}

Xapian::rev index_revision(const Xapian::Database& db) {
  try {
    if (db.size() == 1) return db.get_revision();
    // A split index (indexer/shards.hpp) counts its commits in its first shard's metadata.
    const std::string generation = db.get_metadata(std::string(schema::kGenerationKey));
    return generation.empty() ? 0 : static_cast<Xapian::rev>(std::stoul(generation));
  } catch (const Xapian::Error&) {
    return 0;  // not a local glass/chert database: no revisions
  } catch (const std::logic_error&) {
    return 0;  // a malformed generation
  }
}

std::string index_uuid(const Xapian::Database& db) {
  try {
    return db.get_uuid();
  } catch (const Xapian::Error&) {
    return "";
  }
}

namespace {

// Maps the docids of DB (several databases searched as one: docid C is docid (C - 1) / N + 1
// of database (C - 1) % N) to the docids within their databases, checking that no two
// databases use the same one (see FacetTable): docids met in increasing combined order must
// then be increasing too.
class LocalDocids {
 public:
  explicit LocalDocids(const Xapian::Database& db) : n_(std::max<std::size_t>(db.size(), 1)) {}
  // Call with increasing COMBINED docids of one stream (begin() between streams).
  Xapian::docid operator()(Xapian::docid combined) {
    const Xapian::docid local = (combined - 1) / n_ + 1;
    if (local <= previous_) unique_ = false;
    previous_ = local;
    return local;
  }
  void begin() { previous_ = 0; }
  Xapian::docid last(const Xapian::Database& db) const { return db.get_lastdocid() ? (db.get_lastdocid() - 1) / n_ + 1 : 0; }
  bool unique() const { return unique_; }

 private:
  Xapian::docid n_;
  bool unique_ = true;
  Xapian::docid previous_ = 0;
};

}  // namespace

FacetTable::FacetTable(const Xapian::Database& db) {
  revision_ = index_revision(db);
  uuid_ = index_uuid(db);
  LocalDocids local(db);
  docs_ = local.last(db) + 1;
  present_.assign(docs_, false);
  for (auto p = db.postlist_begin(""); p != db.postlist_end(""); ++p) present_[local(*p)] = true;
  local.begin();
  for (unsigned f = 0; f < kFacetFields; ++f) {
    Column& c = columns_[f];
    std::unordered_map<std::string, std::uint32_t> interned;
    c.start.assign(docs_ + 1, 0);
    Xapian::docid next = 0;  // documents before it have their start set
    const Xapian::valueno slot = facet_slot(static_cast<FacetField>(f));
    local.begin();
    for (auto v = db.valuestream_begin(slot); v != db.valuestream_end(slot); ++v) {
      const Xapian::docid did = local(v.get_docid());
      for (; next <= did; ++next) c.start[next] = static_cast<std::uint32_t>(c.ids.size());
      const std::string value = *v;
      for (std::string_view item : core::split(value, '\n')) {
        auto [it, added] = interned.try_emplace(std::string(item), static_cast<std::uint32_t>(c.names.size()));
        if (added) c.names.emplace_back(item);
        c.ids.push_back(it->second);
      }
    }
    for (; next <= docs_; ++next) c.start[next] = static_cast<std::uint32_t>(c.ids.size());
  }
  year_documents_ = search::year_documents(db);
  sort_start_.assign(docs_ + 1, 0);
  Xapian::docid next = 0;
  local.begin();
  for (auto v = db.valuestream_begin(schema::kSlotSortDate); v != db.valuestream_end(schema::kSlotSortDate); ++v) {
    for (const Xapian::docid did = local(v.get_docid()); next <= did; ++next)
      sort_start_[next] = static_cast<std::uint32_t>(sort_keys_.size());
    sort_keys_ += *v;
  }
  for (; next <= docs_; ++next) sort_start_[next] = static_cast<std::uint32_t>(sort_keys_.size());
  if (!local.unique()) present_.assign(docs_, false);  // shards share docids: read values
  covered_ = static_cast<Xapian::doccount>(std::count(present_.begin(), present_.end(), true));
}

std::string SortDateKey::operator()(const Xapian::Document& doc) const {
  const Xapian::docid did = doc.get_docid();
  return table_.covers(did) ? std::string(table_.sort_key(did)) : doc.get_value(schema::kSlotSortDate);
}

std::shared_ptr<const FacetTable> FacetTable::shared(const std::string& index_dir, const Xapian::Database& db) {
  static std::mutex mutex;
  static std::map<std::string, std::shared_ptr<const FacetTable>> tables;
  const Xapian::rev rev = index_revision(db);
  std::lock_guard<std::mutex> lock(mutex);
  auto& t = tables[index_dir];
  // Revision 0 (no revisions, e.g. several shards) is never trusted to be unchanged.
  if (!t || rev == 0 || t->revision() != rev || t->uuid() != index_uuid(db)) t = std::make_shared<const FacetTable>(db);
  return t;
}

FacetCounter::FacetCounter(const FacetTable& table, FacetField only)
    : table_(table),
      first_(only == kFacetFields ? 0u : static_cast<unsigned>(only)),
      end_(only == kFacetFields ? static_cast<unsigned>(kFacetFields) : static_cast<unsigned>(only) + 1) {
  for (unsigned f = first_; f < end_; ++f) counts_[f].assign(table.size(static_cast<FacetField>(f)), 0);
}

void FacetCounter::operator()(const Xapian::Document& doc, double) {
  const Xapian::docid did = doc.get_docid();
  if (table_.covers(did)) {
    for (unsigned f = first_; f < end_; ++f) {
      auto [p, end] = table_.ids(static_cast<FacetField>(f), did);
      for (; p != end; ++p) ++counts_[f][*p];
    }
    return;
  }
  for (unsigned f = first_; f < end_; ++f) {
    const std::string v = doc.get_value(facet_slot(static_cast<FacetField>(f)));
    for (std::string_view item : core::split(v, '\n'))
      if (!item.empty()) ++extra_[f][std::string(item)];
  }
}

void FacetCounter::count_covered() {
  for (unsigned f = first_; f < end_; ++f) {
    auto [p, end] = table_.all_ids(static_cast<FacetField>(f));
    for (; p != end; ++p) ++counts_[f][*p];
  }
}

std::map<std::string, std::uint64_t> FacetCounter::counts(FacetField field) const {
  std::map<std::string, std::uint64_t> out = extra_[field];
  const auto& c = counts_[field];
  for (std::uint32_t id = 0; id < c.size(); ++id)
    if (c[id]) out[table_.name(field, id)] += c[id];
  return out;
}

}  // namespace cqc::search
