// One capture to index, as the parent hands it to an extraction worker, and what the worker
// answers. Internal to the indexer (indexer.cpp, worker_pool.hpp).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "archive/archive.hpp"
#include "indexer/extract.hpp"
#include "indexer/source_state.hpp"
#include "indexer/versions.hpp"

namespace cqc::indexer {

// What a worker needs to index one capture: planned by the parent from the catalog, so the
// worker never reads the catalog or the index.
struct IndexJob {
  archive::Capture capture;  // the capture the document stands for (ResolvedCapture::document)
  archive::Capture payload;  // the capture holding its bytes (the original of a revisit)
  std::string api_metadata;  // structured metadata kept by the fetcher, "" if none
  SourceState source;        // whether the source still serves it
  std::vector<Version> versions;  // the URI's versions, oldest first, the document's own last
                                  // (versions.hpp), when it has more than one: their texts are
                                  // compared to tell which changed
};

// A worker's answer for one IndexJob.
struct JobResult {
  enum class Outcome : std::uint8_t { indexed, failed, unsupported } outcome = Outcome::failed;
  std::string reason;           // failed: why
  std::string warning;          // Metadata::warnings joined by "; ", "" when none
  std::uint64_t text_bytes = 0; // extracted text in the document
  std::string document;         // indexed: Xapian::Document::serialise() of the document
};

// Byte forms of both, for the worker sockets. decode_* throw core::Error on a truncated or
// malformed string.
std::string encode_job(const IndexJob& job);
IndexJob decode_job(const std::string& bytes);
std::string encode_result(const JobResult& result);
JobResult decode_result(const std::string& bytes);

// A body sent compressed (Content-Encoding) that inflates past this is not indexed (failed,
// with the reason): far beyond any real page, and it keeps a worker's memory bounded.
inline constexpr std::uint64_t kMaxDecoded = 128ull << 20;

// HTML and plain text longer than this are read only this far (cut before a tag or at a line
// end): gumbo needs about ten times a page's size, and no real report or article comes near.
inline constexpr std::size_t kMaxMarkupBytes = 16u << 20;
// A document's extracted text is cut to this many bytes (whole pages kept up to it; pages
// after it keep their numbers, without text). Both cuts are reported as warnings.
inline constexpr std::size_t kMaxExtractedText = 16u << 20;

// A payload read and extracted, or why not.
struct Extracted {
  std::optional<Extraction> doc;
  bool unsupported = false;  // not a document: robots.txt, another format
  std::string reason;        // no doc: why
  std::string warning;       // doc: what was cut
  std::string bytes;         // the payload as read (possibly cut)
};

// Reads PAYLOAD (the capture holding the bytes of CAPTURE, which gives the URI and type) from
// ARCHIVE's WARC files and extracts its text, within the bounds above.
Extracted extract_payload(const archive::Archive& archive, const archive::Capture& capture,
                          const archive::Capture& payload);

// Reads JOB's payload from ARCHIVE's WARC files (never its catalog), extracts it and builds
// its Xapian document; extracts the payloads of JOB.versions before the last too, to record which versions changed
// the text. A document that cannot be read is a failed result with the reason (an earlier
// version that cannot be read only leaves its change unknown).
JobResult run_job(const archive::Archive& archive, const IndexJob& job);

}  // namespace cqc::indexer
