#include "core/url.hpp"

#include <algorithm>

#include "core/text.hpp"

namespace cqc::core {
namespace {

struct Parts {
  std::string scheme, authority, rest;  // rest: path, query (no fragment)
};

// Splits an absolute http(s) URL; false for anything else.
bool split_url(const std::string& url, Parts& p) {
  const std::size_t colon = url.find("://");
  if (colon == std::string::npos) return false;
  p.scheme = to_lower(url.substr(0, colon));
  if (p.scheme != "http" && p.scheme != "https") return false;
  const std::string no_fragment = url.substr(0, url.find('#'));
  const std::size_t start = colon + 3;
  const std::size_t end = no_fragment.find_first_of("/?", start);
  p.authority = no_fragment.substr(start, end == std::string::npos ? std::string::npos : end - start);
  p.rest = end == std::string::npos ? "" : no_fragment.substr(end);
  return !p.authority.empty();
}

}  // namespace

std::string canonical_url(const std::string& url) {
  Parts p;
  if (!split_url(url, p)) return url;
  // The host is lower-cased; user information, if any, is kept as written.
  const std::size_t at = p.authority.rfind('@');
  std::string user = at == std::string::npos ? "" : p.authority.substr(0, at + 1);
  std::string host = to_lower(at == std::string::npos ? p.authority : p.authority.substr(at + 1));
  const std::string port = p.scheme == "https" ? ":443" : ":80";
  if (host.size() > port.size() && host.ends_with(port) && host.back() != ']') host.resize(host.size() - port.size());
  if (p.rest.empty() || p.rest[0] == '?') p.rest = "/" + p.rest;
  return p.scheme + "://" + user + host + p.rest;
}

std::vector<std::string> url_spellings(const std::string& url) {
  std::vector<std::string> out;
  auto add = [&](const std::string& u) {
    if (std::find(out.begin(), out.end(), u) == out.end()) out.push_back(u);
  };
  add(url.substr(0, url.find('#')));
  const std::string c = canonical_url(url);
  add(c);
  Parts p;
  if (split_url(c, p) && p.authority.find(':') == std::string::npos)
    add(p.scheme + "://" + p.authority + (p.scheme == "https" ? ":443" : ":80") + p.rest);
  return out;
}

}  // namespace cqc::core
