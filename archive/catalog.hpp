// The catalog: an SQLite table (through Poco::Data) with one row per capture, mapping each
// target URI to its WARC record. It can always be checked against the WARC files.
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "archive/warc.hpp"

namespace cqc::archive {

struct Capture {
  std::int64_t id = 0;           // catalog row id; stable, increasing
  std::string uri;               // WARC-Target-URI
  std::string record_type;       // "resource" | "response" | "revisit"
  std::string digest;            // payload digest "sha1:<base32>"
  std::uint64_t size = 0;        // payload bytes
  std::string mime;              // payload MIME type
  std::string warc_file;         // file name inside the archive folder
  RecordSpan span;               // gzip member in warc_file
  std::string record_id;         // WARC-Record-ID
  std::string time;              // WARC-Date
  std::int64_t refers_to = 0;    // revisit: id of the capture holding the payload
  int status = 0;                // HTTP status (0 for files imported as resources)
  std::string etag;              // ETag response header, for conditional refresh
  std::string last_modified;     // Last-Modified response header
};

// A fetch that produced no capture, with its reason.
struct FetchFailure {
  std::string uri;
  std::string time;    // WARC-Date form
  std::string reason;  // names what went wrong
};

// A source the user asked to follow (re-read on every refresh).
struct Source {
  std::string kind;   // "url" | "cqc-provider" | "cqc-location"
  std::string value;  // URL or API id
};

// What import saw of a file when it last archived it (or found it unchanged).
struct FileState {
  std::string path;             // the file's absolute path
  std::string uri;              // the target URI it was imported under
  std::uint64_t size = 0;       // bytes
  std::int64_t mtime_ns = 0;    // modification time, nanoseconds since the epoch
  std::int64_t ctime_ns = 0;    // status change time, nanoseconds (changes with any write)
  std::int64_t capture_id = 0;  // the capture holding those bytes
};

class Catalog {
 public:
  enum class Access { read_write, read_only };
  // Opens or creates the catalog database at PATH (WAL journal, full sync); read_only opens
  // an existing one without writing, also on a read-only mount or another user's folder
  // (then as immutable: writers must be stopped). Throws core::Error naming PATH on failure.
  explicit Catalog(const std::string& path, Access access = Access::read_write);
  ~Catalog();
  Catalog(const Catalog&) = delete;
  Catalog& operator=(const Catalog&) = delete;

  // Inserts CAPTURE (its id is ignored) and returns the new id.
  std::int64_t add(const Capture& capture);
  // The capture with this id.
  std::optional<Capture> get(std::int64_t id) const;
  // The newest capture of URI whose payload digest is DIGEST.
  std::optional<Capture> find(const std::string& uri, const std::string& digest) const;
  // The oldest non-revisit capture holding payload DIGEST (for deduplication).
  std::optional<Capture> find_payload(const std::string& digest) const;
  // Every capture, oldest first.
  std::vector<Capture> all() const;
  // The newest capture of each URI, by URI.
  std::vector<Capture> latest() const;
  // Captures of URI, oldest first.
  std::vector<Capture> history(const std::string& uri) const;
  // Number of captures.
  std::uint64_t count() const;
  // Number of captures whose record is in WARC file NAME.
  std::uint64_t count_in_file(const std::string& name) const;

  // Records a failed fetch of URI.
  void add_failure(const FetchFailure& failure);
  // Failed fetches of URI (every URI when empty), oldest first.
  std::vector<FetchFailure> failures(const std::string& uri = "") const;
  // Remembers SOURCE (once; adding it again is a no-op).
  void add_source(const Source& source);
  // Every remembered source, in the order added.
  std::vector<Source> sources() const;
  // Stores structured metadata (JSON) about capture ID, e.g. ratings from the CQC API.
  void set_metadata(std::int64_t capture_id, const std::string& json);
  // The structured metadata of capture ID, "" if none.
  std::string metadata(std::int64_t capture_id) const;

  // Remembers STATE for its (path, uri), replacing what was remembered before.
  void set_file_state(const FileState& state);
  // Every remembered file state.
  std::vector<FileState> file_states() const;

  // Records that WARC file NAME exists and its warcinfo record ends at END.
  void add_warc_file(const std::string& name, std::uint64_t end);
  // Each WARC file with the byte offset where its last committed record ends.
  std::vector<std::pair<std::string, std::uint64_t>> committed_ends() const;

  // Opens a transaction (no-op when one is open): until commit(), this catalog's writes are
  // visible to its own reads only and reach the file together, or not at all if the process
  // dies first. Throws core::Error on failure.
  void begin();
  // Commits the open transaction (SQLite syncs its WAL); no-op when none is open.
  // Throws core::Error on failure.
  void commit();
  // Drops the open transaction's writes; no-op when none is open. Never throws.
  void rollback();
  // True between begin() and commit().
  bool in_transaction() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace cqc::archive
