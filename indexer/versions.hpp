// A URI's versions (issue 12, point 6): the runs of its captures that hold the same payload,
// read from the catalog, and which of them changed the text. The parent plans them, the
// worker compares the texts, the document carries the answer: "versions" in its data, an
// XCHANGED term per year of a text change and the latest change date in a value slot
// (core/schema.hpp). Internal to the indexer.
#pragma once
#include <cstddef>
#include <string>
#include <vector>

#include "archive/catalog.hpp"
#include "indexer/metadata.hpp"

namespace cqc::indexer {

// One version of a URI: the first capture of a run of captures with the same payload.
struct Version {
  archive::Capture first;    // that capture (a response, a resource, or a revisit)
  archive::Capture payload;  // the capture holding its bytes (FIRST, or a revisit's original)
};

// Versions of URI from CATALOG, oldest first, the newest MAX at most (the last one is the
// document's own). Captures that hold no document (redirects, errors, 404s) are skipped; a
// revisit continues the run of its payload.
std::vector<Version> document_versions(const archive::Catalog& catalog, const std::string& uri, std::size_t max);

// How many versions a document compares (the newest ones): each costs an extraction.
inline constexpr std::size_t kMaxVersions = 6;

// A fingerprint of extracted text for comparing versions: the SHA-1 of its words, so changes
// in white space or layout alone do not count.
std::string text_fingerprint(const std::vector<std::string>& page_texts);

}  // namespace cqc::indexer
