#include "search/document_data.hpp"

#include <algorithm>
#include <numeric>

namespace cqc::search {

schema::DocumentData stored_document(const Xapian::Document& doc) {
  std::string payload = doc.get_value(schema::kSlotDocument);
  if (payload.empty()) payload = doc.get_data();  // the older layout
  return schema::DocumentData(std::move(payload));
}

std::vector<std::size_t> docid_order(const std::vector<Xapian::docid>& dids) {
  std::vector<std::size_t> order(dids.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return dids[a] < dids[b]; });
  return order;
}

std::vector<schema::DocumentData> stored_documents(const Xapian::Database& db, const std::vector<Xapian::docid>& dids) {
  std::vector<std::string> payloads(dids.size());
  Xapian::ValueIterator v = db.valuestream_begin(schema::kSlotDocument);
  const Xapian::ValueIterator end = db.valuestream_end(schema::kSlotDocument);
  for (std::size_t i : docid_order(dids)) {
    if (v != end && v.get_docid() < dids[i]) v.skip_to(dids[i]);
    if (v != end && v.get_docid() == dids[i]) payloads[i] = *v;
    else payloads[i] = db.get_document(dids[i]).get_data();  // the older layout
  }
  std::vector<schema::DocumentData> out;
  out.reserve(dids.size());
  for (std::string& p : payloads) out.emplace_back(std::move(p));
  return out;
}

}  // namespace cqc::search
