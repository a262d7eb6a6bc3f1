#include "core/schema.hpp"

#include <Poco/SHA1Engine.h>

#include <cctype>

#include "core/text.hpp"

namespace cqc::schema {

std::string boolean_term(std::string_view prefix, std::string_view value) {
  std::string term(prefix);
  if (prefix.size() > 1 && !value.empty() && std::isupper(static_cast<unsigned char>(value[0])))
    term.push_back(':');
  term.append(value);
  return term;
}

std::string encode_list(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out.push_back('\n');
    out += item;
  }
  return out;
}

std::vector<std::string> decode_list(std::string_view encoded) {
  std::vector<std::string> out;
  if (encoded.empty()) return out;
  for (std::string_view item : core::split(encoded, '\n')) out.emplace_back(item);
  return out;
}

std::string document_id(std::string_view uri) {
  Poco::SHA1Engine sha;
  sha.update(uri.data(), static_cast<unsigned>(uri.size()));
  const auto& d = sha.digest();
  std::string bytes(d.begin(), d.end());
  return core::hex(bytes).substr(0, 16);
}

}  // namespace cqc::schema
