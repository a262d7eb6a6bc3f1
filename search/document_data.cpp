#include "search/document_data.hpp"

namespace cqc::search {

schema::DocumentData stored_document(const Xapian::Document& doc) {
  std::string payload = doc.get_value(schema::kSlotDocument);
  if (payload.empty()) payload = doc.get_data();  // the older layout
  return schema::DocumentData(std::move(payload));
}

}  // namespace cqc::search
