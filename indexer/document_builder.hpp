// Building one Xapian document from a capture, its extraction and its metadata.
// Internal to the indexer; the schema it writes is core/schema.hpp.
#pragma once
#include <xapian.h>

#include "archive/catalog.hpp"
#include "indexer/extract.hpp"
#include "indexer/metadata.hpp"
#include "indexer/source_state.hpp"

namespace cqc::indexer {

// The Xapian document for CAPTURE: terms, values and the JSON data that search displays.
// Its unique-id term is schema::kUniqueId + schema::document_id(capture.uri); SOURCE says
// whether the source still serves it (schema::kSource term, "removed" in the JSON), and
// schema::kSlotSource records source_key(CAPTURE's id, SOURCE, API_METADATA: the fetcher's
// structured metadata META was completed from).
Xapian::Document build_document(const archive::Capture& capture, const Extraction& doc,
                                const Metadata& meta, const SourceState& source = {},
                                const std::string& api_metadata = "");

// The title a document is shown and searched by: TITLE with " — LOCATION" appended when it
// does not already name the location (case and spacing ignored); LOCATION alone when TITLE
// is empty; TITLE when LOCATION is empty.
std::string document_title(std::string_view title, std::string_view location);

}  // namespace cqc::indexer
