// The archive: WARC files plus the catalog, in one folder. The system of record: every
// capture is kept byte for byte, and everything else (the index) can be rebuilt from it.
#pragma once
#include <cstdint>
#include <memory>
#include <string>

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
};

struct ImportOutcome {
  ImportStatus status = ImportStatus::stored;
  Capture capture;  // the new capture, or the existing one when unchanged
};

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

  // Archives the file at PATH as a WARC resource record for URI with MIME type MIME.
  // The WARC record is durable (fsync) before its catalog row is written.
  ImportOutcome import_file(const std::string& path, const std::string& uri,
                            const std::string& mime);
  // Archives EXCHANGE as WARC request + response records (WARC-Concurrent-To each other,
  // block and payload digests), or as request + revisit when the response is a 304 or
  // repeats the payload of this URI's last capture; a metadata record precedes the response
  // when metadata_json is set. Throws core::Error naming the URI if the head is malformed.
  ImportOutcome store_http(const HttpExchange& exchange);
  // The WARC record behind CAPTURE. Failure names the WARC file and offset.
  core::Result<WarcRecord> record(const Capture& capture) const;
  // The document bytes of CAPTURE: a resource's block, a response's body with transfer and
  // content codings removed, or for a revisit the payload of the capture it refers to.
  core::Result<std::string> payload(const Capture& capture) const;
  // payload() together with the full Content-Type (a revisit's is its original's).
  core::Result<Payload> typed_payload(const Capture& capture) const;
  // Absolute path of WARC file NAME in this archive.
  std::string warc_path(const std::string& name) const;

 private:
  // The WARC file new records go to, opened (and started with warcinfo) on first use.
  WarcAppender& appender();
  void recover();

  std::string dir_;
  Mode mode_;
  std::unique_ptr<Catalog> catalog_;
  std::unique_ptr<WarcAppender> appender_;
  int lock_fd_ = -1;
  std::uint64_t recovered_ = 0;
};

// The payload WARC-Payload-Digest covers: for a "response" record with an application/http
// block, the entity body (HTTP head and transfer coding removed); otherwise the block.
core::Result<std::string> record_entity(const WarcRecord& record);

// True for a "response" record holding an HTTP message (Content-Type application/http).
bool is_http_response(const WarcRecord& record);

}  // namespace cqc::archive
