#include "archive/digest.hpp"

#include <Poco/Base32Encoder.h>
#include <Poco/MD5Engine.h>
#include <Poco/SHA1Engine.h>
#include <Poco/SHA2Engine.h>

#include <cctype>
#include <fstream>
#include <sstream>

#include "core/error.hpp"
#include "core/text.hpp"

namespace cqc::archive {
namespace {

// D in base32, RFC 4648 alphabet with '=' padding (20 bytes of SHA-1 -> 32 characters).
std::string base32(const Poco::DigestEngine::Digest& d) {
  std::ostringstream out;
  {
    Poco::Base32Encoder enc(out);
    enc.write(reinterpret_cast<const char*>(d.data()), static_cast<std::streamsize>(d.size()));
    enc.close();
  }
  return out.str();
}

}  // namespace

struct Sha1::Impl {
  Poco::SHA1Engine engine;
};

Sha1::Sha1() : impl_(std::make_unique<Impl>()) {}
Sha1::~Sha1() = default;

void Sha1::update(std::string_view bytes) {
  impl_->engine.update(bytes.data(), static_cast<unsigned>(bytes.size()));
  size_ += bytes.size();
}

std::string Sha1::warc_digest() { return "sha1:" + base32(impl_->engine.digest()); }

std::string warc_digest(std::string_view bytes) {
  Sha1 sha;
  sha.update(bytes);
  return sha.warc_digest();
}

std::optional<bool> digest_matches(std::string_view declared, std::string_view bytes) {
  const std::size_t colon = declared.find(':');
  if (colon == std::string_view::npos) return std::nullopt;
  const std::string algorithm = core::to_lower(std::string(declared.substr(0, colon)));
  std::string value(declared.substr(colon + 1));
  std::unique_ptr<Poco::DigestEngine> engine;
  if (algorithm == "sha1") engine = std::make_unique<Poco::SHA1Engine>();
  else if (algorithm == "sha256" || algorithm == "sha-256") engine = std::make_unique<Poco::SHA2Engine>(Poco::SHA2Engine::SHA_256);
  else if (algorithm == "sha512" || algorithm == "sha-512") engine = std::make_unique<Poco::SHA2Engine>(Poco::SHA2Engine::SHA_512);
  else if (algorithm == "md5") engine = std::make_unique<Poco::MD5Engine>();
  else return std::nullopt;
  engine->update(bytes.data(), static_cast<unsigned>(bytes.size()));
  const Poco::DigestEngine::Digest& d = engine->digest();
  const std::string hex = Poco::DigestEngine::digestToHex(d);
  std::string b32 = base32(d);
  auto unpadded = [](std::string s) {
    while (!s.empty() && s.back() == '=') s.pop_back();
    return s;
  };
  std::string upper = value;
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return core::to_lower(value) == hex || unpadded(upper) == unpadded(b32);
}

}  // namespace cqc::archive
