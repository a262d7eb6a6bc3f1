// WARC/1.1 records (ISO 28500:2017): formatting heads, parsing records, and files written
// as one gzip member per record so any record can be read from its offset alone.
#pragma once
#include <chrono>
#include <cstdint>
#include <istream>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.hpp"

namespace cqc::archive {

using WarcHeaders = std::vector<std::pair<std::string, std::string>>;

struct WarcRecord {
  std::string version;  // "WARC/1.1"
  WarcHeaders headers;  // in file order
  std::string block;    // exactly Content-Length bytes

  // The value of header NAME (case-insensitive), "" when absent.
  std::string get(std::string_view name) const;
  // WARC-Target-URI without the angle brackets some tools (wget) wrap it in.
  std::string target_uri() const;
};

// Where a record sits in its WARC file: the gzip member's byte range.
struct RecordSpan {
  std::uint64_t offset = 0;
  std::uint64_t length = 0;
};

// The record head: "WARC/1.1", HEADERS in order, then Content-Length, then the blank line.
std::string format_head(const WarcHeaders& headers, std::uint64_t content_length);

// Parses one uncompressed record. Failure says what is malformed.
core::Result<WarcRecord> parse_record(std::string_view bytes);
// parse_record on bytes it may keep: the block is the same string, its head cut off (no copy;
// for records of hundreds of MB).
core::Result<WarcRecord> parse_record_owned(std::string&& bytes);

// WARC-Date form of TIME: UTC, "2026-11-22T13:05:09Z".
std::string warc_date(std::chrono::system_clock::time_point time);

// BYTES compressed as one gzip member (zlib's default level). Throws core::Error when zlib
// fails.
std::string gzip_member(std::string_view bytes);

// A fresh WARC-Record-ID: "<urn:uuid:...>" (random UUID).
std::string new_record_id();

// Appends gzip-member records to one WARC file. Each append is all-or-nothing: on failure
// the file is truncated back to where the record began. Not thread-safe; the archive holds
// a lock so there is one writer per archive.
class WarcAppender {
 public:
  // Opens (creating if needed) the WARC file at PATH for appending. A new file's folder
  // entry is synced, so the file survives a crash once its records are synced.
  // Throws core::Error naming the file if it cannot be opened.
  explicit WarcAppender(std::string path);
  ~WarcAppender();
  WarcAppender(const WarcAppender&) = delete;
  WarcAppender& operator=(const WarcAppender&) = delete;
  // Appends one record whose block is LENGTH bytes read from BLOCK and writes it to the file;
  // with SYNC, fsyncs the file too (records written together need only the last one synced).
  // Throws core::Error naming the file if writing fails or BLOCK ends early.
  RecordSpan append(std::string_view head, std::istream& block, std::uint64_t length,
                    bool sync = true);
  // Same, with the block in memory.
  RecordSpan append(std::string_view head, std::string_view block, bool sync = true);
  // Makes every record appended so far durable (fsync). Throws core::Error naming the file.
  void sync();
  // Current size of the file in bytes.
  std::uint64_t size() const { return size_; }
  const std::string& path() const { return path_; }

 private:
  struct Deflater;
  // Compresses DATA into the current member (FINISH ends it) and writes what comes out.
  void deflate(std::string_view data, bool finish);
  // Cuts the file back to START after a failed append.
  void truncate_to(std::uint64_t start) noexcept;

  std::string path_;
  int fd_ = -1;
  std::uint64_t size_ = 0;
  std::unique_ptr<Deflater> z_;  // one zlib stream and buffers, reset for every member
};

// Reads and parses the gzip member at SPAN of the WARC file at PATH.
core::Result<WarcRecord> read_record(const std::string& path, RecordSpan span);

}  // namespace cqc::archive
