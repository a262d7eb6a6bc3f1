// A file read once: its bytes as they were while read, their digest and size. Import stores
// these bytes, never the file again, so a stored record always matches the digest written
// with it, and a file written while being read is reported instead of stored. Internal to
// the archive (Archive::import_file).
#pragma once
#include <cstdint>
#include <istream>
#include <memory>
#include <string>
#include <string_view>

namespace cqc::archive {

class FileSnapshot {
 public:
  // Reads PATH once, digesting as it goes; a file of at most IN_MEMORY bytes is kept in
  // memory, a larger one is copied into a private spool file in SPOOL_DIR (removed with the
  // snapshot). Throws core::Error naming PATH when it cannot be read, or when its size or
  // modification time changed while it was read ("changed while being read").
  FileSnapshot(const std::string& path, const std::string& spool_dir, std::uint64_t in_memory = 8u << 20);
  ~FileSnapshot();
  FileSnapshot(const FileSnapshot&) = delete;
  FileSnapshot& operator=(const FileSnapshot&) = delete;

  const std::string& digest() const { return digest_; }  // "sha1:<base32>" of the bytes
  std::uint64_t size() const { return size_; }
  // The bytes when kept in memory (spooled() false).
  std::string_view bytes() const { return bytes_; }
  bool spooled() const { return !spool_.empty(); }
  // A stream of the spooled bytes (spooled() true). Throws core::Error if it cannot be opened.
  std::unique_ptr<std::istream> open_spool() const;
  // Moves the spool file to TARGET (same file system), synced; it is then no longer removed
  // with the snapshot. spooled() must be true. Throws core::Error naming TARGET on failure.
  void keep_spool_as(const std::string& target);

 private:
  std::string digest_;
  std::uint64_t size_ = 0;
  std::string bytes_;
  std::string spool_;  // path of the spool file, "" when in memory
};

}  // namespace cqc::archive
