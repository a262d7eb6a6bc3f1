#include "indexer/versions.hpp"

#include <Poco/DigestEngine.h>
#include <Poco/SHA1Engine.h>

namespace cqc::indexer {
namespace {

bool holds_document(const archive::Capture& c) {
  if (c.record_type == "revisit") return c.refers_to != 0;
  return c.status == 0 || (c.status >= 200 && c.status < 300);
}

}  // namespace

std::vector<Version> document_versions(const archive::Catalog& catalog, const std::string& uri, std::size_t max) {
  std::vector<Version> out;
  std::string digest;  // the payload digest of the current run
  for (const archive::Capture& c : catalog.history(uri)) {
    if (!holds_document(c)) continue;
    if (!out.empty() && c.digest == digest) continue;  // the same payload again
    Version v{c, c};
    if (c.record_type == "revisit") {
      auto original = catalog.get(c.refers_to);
      if (original) v.payload = *original;
    }
    digest = c.digest;
    out.push_back(std::move(v));
  }
  if (out.size() > max) out.erase(out.begin(), out.end() - static_cast<std::ptrdiff_t>(max));
  return out;
}

std::string text_fingerprint(const std::vector<std::string>& page_texts) {
  Poco::SHA1Engine sha;
  bool space = false, any = false;
  for (const std::string& text : page_texts) {
    for (const char c : text) {
      if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
        space = true;
        continue;
      }
      if (space && any) sha.update(' ');
      space = false;
      any = true;
      sha.update(c);
    }
    space = true;  // a page break separates words
  }
  return Poco::DigestEngine::digestToHex(sha.digest());
}

}  // namespace cqc::indexer
