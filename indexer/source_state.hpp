// Which capture a URI's document is built from, and whether the source still serves it: the
// one rule both an incremental run and a rebuild apply to the catalog, so that the two give
// the same documents (docs/ARCHITECTURE.md, "Invariants"). Internal to the indexer.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "archive/catalog.hpp"

namespace cqc::indexer {

// Whether the source still serves a document.
struct SourceState {
  int removed_status = 0;     // 404 or 410 when the URI answered so after its last document
  std::string removed_since;  // WARC date of the first of those answers; "" while live

  bool removed() const { return removed_status != 0; }
};

// A URI's document as the catalog has it.
struct ResolvedCapture {
  // The capture the document stands for: the first capture of the URI in the newest run of
  // captures with the same payload (so a refresh that finds the page unchanged — a 304 or an
  // identical body, stored as a revisit — changes nothing), under the URI.
  archive::Capture document;
  archive::Capture payload;  // the capture holding its bytes (itself, or a revisit's original)
  SourceState source;
  // The structured metadata the fetcher kept (a CQC API report's ratings): the newest
  // capture's when it has some (a refresh brings the API's current ratings even when the
  // report is unchanged), else the document capture's; "" when none.
  std::string api_metadata;
};

// The document of LATEST's URI (LATEST: its newest capture): from the newest capture that
// holds a successful payload (2xx, a file import, or a revisit of one), marked removed when
// LATEST answered 404 or 410 (since the first answer of that unbroken run of 404/410s).
// Redirects, other errors (5xx, 403 ...) and 304s keep the document as it was. nullopt when the URI never had a successful payload. A
// revisit whose original is missing from the catalog resolves with PAYLOAD the revisit itself
// (run_job reports it as failed).
std::optional<ResolvedCapture> resolve_capture(const archive::Catalog& catalog, const archive::Capture& latest);

// The value of schema::kSlotSource for a document standing for capture CAPTURE_ID in state
// SOURCE with API_METADATA and the URI's versions VERSION_IDS (the first capture of each, the
// document's own last; indexer/versions.hpp): it changes exactly when the document must be
// rebuilt although its payload digest did not (another capture, removed or restored at its
// source, new ratings from the API, another version in its history).
std::string source_key(std::int64_t capture_id, const SourceState& source, const std::string& api_metadata,
                       const std::vector<std::int64_t>& version_ids = {});

}  // namespace cqc::indexer
