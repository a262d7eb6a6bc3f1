// `index`: turning archived captures into Xapian documents (schema: core/schema.hpp).
// One document per source URI, built from its newest capture; one writer per database.
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "archive/archive.hpp"

namespace cqc::indexer {

struct IndexOptions {
  unsigned batch = 200;       // documents per Xapian commit: a killed run loses at most one batch
  bool retry_failed = false;  // retry captures an earlier run could not extract
  unsigned workers = default_workers();  // threads extracting text in parallel

  // One per core, at most 8.
  static unsigned default_workers();
};

// One line of the indexing log.
struct IndexEvent {
  enum class Kind { indexed, failed, warning } kind;
  std::string uri;
  std::string reason;  // failed: why the document was skipped; warning: what was not trusted
                       // (Metadata::warnings joined by "; "), logged after its `indexed`
};

struct IndexSummary {
  std::uint64_t captures = 0;          // newest captures considered (one per URI)
  std::uint64_t indexed = 0;           // documents added or replaced
  std::uint64_t unchanged = 0;         // already indexed from the same bytes
  std::uint64_t failed = 0;            // skipped now, with a reason
  std::uint64_t previously_failed = 0; // skipped by an earlier run and not retried
  std::uint64_t unsupported = 0;       // not documents: other formats, redirects, HTTP errors
  std::uint64_t text_bytes = 0;        // extracted text indexed
  std::uint64_t warnings = 0;          // documents indexed with a warning (implausible
                                       // structured metadata not trusted, see IndexEvent)
  std::uint64_t documents = 0;         // documents in the index afterwards
};

using IndexProgress = std::function<void(std::uint64_t done, std::uint64_t total)>;
using IndexLog = std::function<void(const IndexEvent&)>;

// The version of the extraction and metadata rules. Bump it whenever they change what a
// capture gives (a new field, better dates, other kinds): the next `index` then rebuilds every
// document, and retries remembered failures, instead of keeping those built by older rules.
inline constexpr std::string_view kExtractionVersion = "2026-12-01.2";
// The Xapian metadata key holding the kExtractionVersion an index was last completed with.
inline constexpr std::string_view kVersionKey = "extraction-version";

// Indexes the newest capture of every URI in ARCHIVE into the Xapian database at INDEX_DIR
// (created if needed), skipping those already indexed from the same bytes by the same
// kExtractionVersion. Throws
// core::Fatal if another process is writing the index or the database cannot be opened.
IndexSummary index_archive(const archive::Archive& archive, const std::string& index_dir,
                           const IndexOptions& options, const IndexProgress& progress = {},
                           const IndexLog& log = {});

}  // namespace cqc::indexer
