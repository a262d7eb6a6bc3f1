// `index`: turning archived captures into Xapian documents (schema: core/schema.hpp).
// One document per source URI, built from its newest capture; one writer per database.
#pragma once
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "archive/archive.hpp"

namespace cqc::indexer {

struct IndexOptions {
  // A commit makes the documents written so far durable (a killed run loses only what came
  // after the last one, which the next run redoes). Fewer commits make a smaller index and a
  // faster run; these bound what a kill can lose:
  std::uint64_t commit_bytes = 64ull << 20;  // commit once this much extracted text is written
  double commit_seconds = 300;  // ... or once this long has passed since the last commit
  unsigned batch = 0;          // ... or after this many captures (0: no count bound)
  bool retry_failed = false;   // retry captures an earlier run could not extract
  unsigned workers = default_workers();  // extraction worker processes (worker_pool.hpp)
  unsigned job_cpu_seconds = 120;  // CPU-time limit for one capture's extraction; 0 = none
  double job_seconds = 600;    // wall-clock limit (a job that waits rather than computes,
                               // or a machine too busy); 0 = none
  std::uint64_t worker_memory = 2048ull << 20;  // address space a worker may allocate
                                                // (RLIMIT_AS above what it inherits); 0 = none
  std::size_t shards = 0;      // shard databases, each written on its own thread (shards.hpp);
                               // 0 = as many as the index has (1 for a new one). Another
                               // number than the index has needs `rebuild`.
  bool rebuild = false;        // build a new index from every capture beside the old one and
                               // put it in the old one's place when complete (a kill leaves
                               // the old one as it was)
  bool compact = true;         // compact the index (indexer/compact.hpp) after a rebuild, a
                               // run that wrote at least half of the index's documents (a
                               // first build), or one after which the index takes more than
                               // compact_growth times its size when last compacted and at
                               // least compact_growth_bytes more: about half the size, read
                               // with fewer blocks
  double compact_growth = 1.5;
  std::uint64_t compact_growth_bytes = 64ull << 20;

  // One per core, at most 8.
  static unsigned default_workers();
};

// One line of the indexing log.
struct IndexEvent {
  enum class Kind { indexed, failed, warning, unsupported } kind;
  std::string uri;
  std::string reason;  // failed: why the document was skipped; warning: what was not trusted
                       // (Metadata::warnings joined by "; "), logged after its `indexed`;
                       // unsupported: why the capture is no document (its format, robots.txt);
                       // a warning whose uri is the index folder: why it was not compacted
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
  std::uint64_t bytes_as_built = 0;    // the index's size on disk before compaction ...
  std::uint64_t bytes_compacted = 0;   // ... and after (both 0 when it was not compacted)
};

using IndexProgress = std::function<void(std::uint64_t done, std::uint64_t total)>;
using IndexLog = std::function<void(const IndexEvent&)>;

// The version of the extraction and metadata rules. Bump it whenever they change what a
// capture gives (a new field, better dates, other kinds): the next `index` then rebuilds every
// document, and retries remembered failures, instead of keeping those built by older rules.
inline constexpr std::string_view kExtractionVersion = "2026-12-02.4";
// The Xapian metadata key holding the kExtractionVersion an index was last completed with.
inline constexpr std::string_view kVersionKey = "extraction-version";

// Indexes the newest capture of every URI in ARCHIVE into the Xapian database at INDEX_DIR
// (created if needed), skipping those already indexed from the same bytes by the same
// kExtractionVersion; when no capture was archived since the last complete run by the same
// rules (and failures are not retried), it reads nothing and returns that run's outcome as
// unchanged and previously failed. Extraction runs in OPTIONS.workers forked worker
// processes (worker_pool.hpp) while one thread per shard (shard_writer.hpp) writes their
// documents; call it while the process has a single thread. A capture whose worker crashes, exceeds the time or
// memory limit, or cannot be read is recorded as failed with the reason (IndexEvent) and
// the run goes on. Documents are written in catalog order whatever order the workers finish
// in, so the index (docids included) and the log are the same whatever the number of
// workers. Throws core::Fatal if
// another process is writing the index, the database cannot be opened, or OPTIONS.shards
// differs from the index's without OPTIONS.rebuild.
IndexSummary index_archive(const archive::Archive& archive, const std::string& index_dir,
                           const IndexOptions& options, const IndexProgress& progress = {},
                           const IndexLog& log = {});

}  // namespace cqc::indexer
