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
  // The WARC record behind CAPTURE. Failure names the WARC file and offset.
  core::Result<WarcRecord> record(const Capture& capture) const;
  // The payload bytes of CAPTURE: a resource's block, a response's body (HTTP headers
  // removed), or for a revisit the payload of the capture it refers to.
  core::Result<std::string> payload(const Capture& capture) const;
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

// The payload inside a record: for "response" records with an application/http block the
// bytes after the HTTP header block; otherwise the whole block.
std::string record_payload(const WarcRecord& record);

}  // namespace cqc::archive
