#include "archive/digest.hpp"

#include <Poco/Base32Encoder.h>
#include <Poco/SHA1Engine.h>

#include <fstream>
#include <sstream>

#include "core/error.hpp"

namespace cqc::archive {

struct Sha1::Impl {
  Poco::SHA1Engine engine;
};

Sha1::Sha1() : impl_(std::make_unique<Impl>()) {}
Sha1::~Sha1() = default;

void Sha1::update(std::string_view bytes) {
  impl_->engine.update(bytes.data(), static_cast<unsigned>(bytes.size()));
  size_ += bytes.size();
}

std::string Sha1::warc_digest() {
  const Poco::DigestEngine::Digest& d = impl_->engine.digest();
  std::ostringstream out;
  {
    Poco::Base32Encoder enc(out);  // RFC 4648 alphabet with '=' padding: 20 bytes -> 32 chars
    enc.write(reinterpret_cast<const char*>(d.data()), static_cast<std::streamsize>(d.size()));
    enc.close();
  }
  return "sha1:" + out.str();
}

std::string warc_digest(std::string_view bytes) {
  Sha1 sha;
  sha.update(bytes);
  return sha.warc_digest();
}

}  // namespace cqc::archive
