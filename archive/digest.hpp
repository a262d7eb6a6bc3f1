// SHA-1 digests in the WARC form "sha1:<base32>" (RFC 4648 alphabet, as Heritrix/warcio).
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
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

// Whether DECLARED ("algorithm:value" as other tools write WARC digests: sha1, sha256,
// sha512 or md5, in base32 or hex) is the digest of BYTES; nullopt for an algorithm or form
// it does not know.
std::optional<bool> digest_matches(std::string_view declared, std::string_view bytes);

}  // namespace cqc::archive
