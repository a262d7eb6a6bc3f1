// SHA-1 digests in the WARC form "sha1:<base32>" (RFC 4648 alphabet, as Heritrix/warcio).
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace cqc::archive {

// Incremental SHA-1 over streamed bytes.
class Sha1 {
 public:
  Sha1();
  ~Sha1();
  Sha1(const Sha1&) = delete;
  Sha1& operator=(const Sha1&) = delete;
  // Adds BYTES to the digest.
  void update(std::string_view bytes);
  // "sha1:" + base32 of the digest; ends this digest (call once).
  std::string warc_digest();
  // Total bytes passed to update().
  std::uint64_t size() const { return size_; }

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::uint64_t size_ = 0;
};

// "sha1:<base32>" of BYTES.
std::string warc_digest(std::string_view bytes);

}  // namespace cqc::archive
