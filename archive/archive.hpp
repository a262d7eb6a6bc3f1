// The archive: WARC files plus the catalog, in one folder. The system of record: every
// capture is kept byte for byte, and everything else (the index) can be rebuilt from it.
#pragma once
#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "archive/catalog.hpp"
#include "archive/warc.hpp"
#include "core/result.hpp"

namespace cqc::archive {

enum class Mode { read_only, read_write };

enum class ImportStatus {
  stored,     // new bytes: a resource record was written
  unchanged,  // this URI already has a capture with these bytes: nothing written
  duplicate,  // these bytes are archived under another URI: a small revisit record written
  revisit,    // HTTP 304, or the same payload as this URI's last capture: a revisit record
};

// One HTTP request/response pair as it crossed the wire, ready to archive.
struct HttpExchange {
  std::string uri;            // the requested URL
  std::string request_head;   // request line + headers exactly as sent
  std::string response_head;  // status line + headers exactly as received (ends CRLF CRLF)
  std::string body_path;      // file holding the body bytes exactly as received
  std::string ip;             // the server's address, for WARC-IP-Address ("" if unknown)
  std::string metadata_json;  // structured metadata kept with the capture ("" if none)
};

// A capture's document bytes and the Content-Type they were served or imported with.
struct Payload {
  std::string bytes;         // as Archive::payload returns them
  std::string content_type;  // the HTTP response's Content-Type with its parameters (charset),
                             // else the resource record's Content-Type; "" when absent
  std::string content_encoding;  // stored_payload only: the coding BYTES still carry ("" none)
};

// What import_warc did with one WARC file.
struct WarcImportSummary {
  std::string stored_as;           // the file's name in the archive folder
  bool unchanged = false;          // imported before: nothing done
  std::uint64_t records = 0;       // records read
  std::uint64_t captures = 0;      // responses and resources catalogued
  std::uint64_t revisits = 0;      // revisits catalogued
  std::uint64_t other = 0;         // requests, metadata, warcinfo ...: kept, not captures
  std::uint64_t skipped = 0;       // unreadable, or revisits of records not in the archive
  std::uint64_t digest_mismatches = 0;  // WARC-Payload-Digest differing from the payload
  std::vector<std::string> errors;      // one per skipped record, naming its offset
};

struct ImportOutcome {
  ImportStatus status = ImportStatus::stored;
  Capture capture;  // the new capture, or the existing one when unchanged
};

// The group commit the commands use: at most this many captures, or this old, are lost when
// the process or the machine dies.
inline constexpr unsigned kGroupCaptures = 512;
inline constexpr std::chrono::milliseconds kGroupAge{250};

class Archive {
 public:
  // Opens the archive in folder DIR. read_write creates DIR if needed, takes the writer lock
  // (throws core::Fatal if another process holds it) and truncates any record a killed
  // writer left half-written. read_only needs no lock and never writes.
  Archive(std::string dir, Mode mode);
  ~Archive();
  Archive(const Archive&) = delete;
  Archive& operator=(const Archive&) = delete;

  // The archive folder.
  const std::string& dir() const { return dir_; }
  // The catalog of captures.
  Catalog& catalog() { return *catalog_; }
  const Catalog& catalog() const { return *catalog_; }
  // Bytes of torn records removed when this archive was opened for writing.
  std::uint64_t recovered_bytes() const { return recovered_; }
  // Temporary files (fetch bodies, import spools in DIR/tmp) a killed writer left, removed
  // when this archive was opened for writing (the lock says no other writer uses them).
  std::uint64_t stale_temporary_files() const { return stale_temporary_; }

  // Group commit. By default (COUNT 1) every capture is durable when import_file or
  // store_http returns: its WARC records are synced, then its catalog rows committed. With
  // COUNT > 1 captures are made durable together: once COUNT are pending, or the oldest
  // pending one is AGE old (checked at each capture and at commit_if_due()), and at commit().
  // Either way the WARC records of a group are synced before its catalog rows are committed
  // (one transaction per group), so a crash loses at most the pending group and never leaves
  // a catalog row without its record; its unsynced WARC bytes are cut off at the next open.
  void set_group_commit(unsigned count, std::chrono::milliseconds age);
  // Makes every capture so far durable: syncs the WARC file, then commits the catalog.
  // Throws core::Error if either fails (then nothing of the pending group is committed).
  void commit();
  // commit() when the pending group is full or old enough; a no-op otherwise.
  void commit_if_due();
  // Captures written but not yet committed.
  std::uint64_t pending() const { return pending_; }

  // Brings in the WARC file at PATH written by another tool (wget, Heritrix, warcio ...):
  // the file is copied into the archive folder byte for byte (read once) under a name that
  // holds its digest, and each response or resource record becomes a capture pointing into
  // it (its record id, date and target URI kept); revisits become revisit captures of the
  // record they refer to (by WARC-Refers-To, else by payload digest); a JSON metadata record
  // becomes the catalog metadata of the record it refers to (as fetch keeps the CQC API's
  // ratings); requests, other metadata and warcinfo records stay in the file uncatalogued. A record that cannot be read is skipped
  // with its offset and reason. The same file imported again changes nothing. Throws
  // core::Error naming PATH when it cannot be read or holds no WARC record at all.
  WarcImportSummary import_warc(const std::string& path);

  // Archives the file at PATH as a WARC resource record for URI with MIME type MIME.
  // The WARC record is durable (fsync) before its catalog row is committed.
  ImportOutcome import_file(const std::string& path, const std::string& uri,
                            const std::string& mime);
  // Archives EXCHANGE as WARC request + response records (WARC-Concurrent-To each other,
  // block and payload digests), or as request + revisit when the response is a 304 or
  // repeats the payload of this URI's last capture; a metadata record precedes the response
  // when metadata_json is set. Throws core::Error naming the URI if the head is malformed.
  ImportOutcome store_http(const HttpExchange& exchange);
  // Remembers what import saw of a file, in the same group (transaction) as the captures
  // written before it, so it is never committed without them.
  void remember_file(const FileState& state);
  // The WARC record behind CAPTURE. Failure names the WARC file and offset.
  core::Result<WarcRecord> record(const Capture& capture) const;
  // The document bytes of CAPTURE: a resource's block, a response's body with transfer and
  // content codings removed, or for a revisit the payload of the capture it refers to.
  core::Result<std::string> payload(const Capture& capture) const;
  // payload() together with the full Content-Type (a revisit's is its original's).
  // A content coding inflating past MAX_DECODED bytes is a failure (a decompression bomb).
  core::Result<Payload> typed_payload(const Capture& capture, std::uint64_t max_decoded = 512ull << 20) const;
  // The payload as the server sent it: transfer coding removed, content coding (gzip,
  // deflate ...) kept and named, so it can be passed on without inflating it; otherwise as
  // typed_payload.
  core::Result<Payload> stored_payload(const Capture& capture) const;
  // Absolute path of WARC file NAME in this archive.
  std::string warc_path(const std::string& name) const;

 private:
  // The WARC file new records go to, opened (and started with warcinfo) on first use.
  WarcAppender& appender();
  void recover();
  // Before a capture's catalog writes: opens the group's transaction when grouping.
  void begin_capture();
  // After them: counts the capture and commits the group when it is due.
  void end_capture();
  // True when captures are grouped (COUNT > 1).
  bool grouping() const { return group_count_ > 1; }

  std::string dir_;
  Mode mode_;
  std::unique_ptr<Catalog> catalog_;
  std::unique_ptr<WarcAppender> appender_;
  int lock_fd_ = -1;
  std::uint64_t recovered_ = 0;
  std::uint64_t stale_temporary_ = 0;
  unsigned group_count_ = 1;
  std::chrono::milliseconds group_age_{0};
  std::uint64_t pending_ = 0;  // captures in the open group
  bool unsynced_ = false;      // WARC bytes appended since the last sync
  std::chrono::steady_clock::time_point group_start_;
};

// The payload WARC-Payload-Digest covers: for a "response" record with an application/http
// block, the entity body (HTTP head and transfer coding removed); otherwise the block.
core::Result<std::string> record_entity(const WarcRecord& record);

// True for a "response" record holding an HTTP message (Content-Type application/http).
bool is_http_response(const WarcRecord& record);

}  // namespace cqc::archive
