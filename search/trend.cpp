#include "search/trend.hpp"

#include <algorithm>
#include <map>

#include "core/error.hpp"
#include "core/schema.hpp"
#include "search/export_rows.hpp"

namespace cqc::search {
namespace {

// "YYYY-MM" of a sort-date value ("YYYYMMDD..."), or "" when it has no month.
std::string month_of(const std::string& slot) {
  if (slot.size() < 6 || slot.compare(4, 2, "00") == 0) return "";
  for (std::size_t i = 0; i < 6; ++i)
    if (slot[i] < '0' || slot[i] > '9') return "";
  return slot.substr(0, 4) + "-" + slot.substr(4, 2);
}

std::vector<TrendRow> by_month(Searcher& searcher, const SearchRequest& request) {
  const Xapian::Database& db = searcher.database();
  std::map<std::string, TrendRow> rows;
  for (auto it = db.valuestream_begin(schema::kSlotSortDate); it != db.valuestream_end(schema::kSlotSortDate); ++it)
    if (const std::string m = month_of(*it); !m.empty()) ++rows[m].total;
  for (Xapian::docid id : all_matches(db, request))
    if (const std::string m = month_of(db.get_document(id).get_value(schema::kSlotSortDate)); !m.empty()) ++rows[m].matching;
  std::vector<TrendRow> out;
  if (rows.empty()) return out;
  // Every month from the first to the last, so a month without documents shows as a gap.
  int y = std::stoi(rows.begin()->first.substr(0, 4)), mo = std::stoi(rows.begin()->first.substr(5, 2));
  const std::string last = rows.rbegin()->first;
  for (int guard = 0; guard < 12 * 10000; ++guard) {  // (a bad slot must not loop for ever)
    char key[16];
    std::snprintf(key, sizeof key, "%04d-%02d", y, mo);
    TrendRow r = rows.count(key) ? rows[key] : TrendRow{};
    r.bucket = r.label = key;
    out.push_back(r);
    if (key == last) break;
    if (++mo > 12) mo = 1, ++y;
  }
  return out;
}

}  // namespace

std::vector<TrendRow> trend(Searcher& searcher, const SearchRequest& request, const std::string& by) {
  if (std::find(kTrendBuckets.begin(), kTrendBuckets.end(), by) == kTrendBuckets.end())
    throw core::UsageError("--by must be year, month, trust, service, rating, overall, kind, service_rating or "
                           "key_question (not '" + by + "')");
  std::vector<TrendRow> out;
  if (by == "month") {
    out = by_month(searcher, request);
  } else {
    SearchRequest counted = request;
    counted.limit = 0;
    counted.offset = 0;
    const SearchResult matching = searcher.search(counted);
    if (by == "year") {
      for (const TimelineEntry& t : matching.timeline)
        out.push_back({std::to_string(t.year), std::to_string(t.year), t.count, t.documents, 0});
    } else {
      SearchRequest everything;
      everything.limit = 0;
      std::map<std::string, std::uint64_t> totals;
      for (const Facet& f : searcher.search(everything).facets)
        if (f.name == by)
          for (const FacetValue& v : f.values) totals[v.value] = v.count;
      for (const Facet& f : matching.facets)
        if (f.name == by)
          for (const FacetValue& v : f.values)
            if (v.count) out.push_back({v.value, v.label, v.count, totals[v.value], 0});
    }
  }
  for (TrendRow& r : out) r.share = r.total ? static_cast<double>(r.matching) / static_cast<double>(r.total) : 0;
  return out;
}

}  // namespace cqc::search
