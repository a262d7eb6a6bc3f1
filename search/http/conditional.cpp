#include "search/http/conditional.hpp"

#include <cstdio>
#include <cstdlib>
#include <functional>
#include <string_view>

#include "archive/warc.hpp"
#include "core/error.hpp"
#include "core/text.hpp"

namespace cqc::search::http {
namespace {

thread_local RequestTraits traits;

// A weak validator from BODY's 64-bit hash (std::hash): a 304 needs the same bytes, not a
// cryptographic digest; SHA-1 of every answer was 1.2 % of the server's CPU under load.
std::string weak_etag(const std::string& body) {
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(std::hash<std::string_view>{}(body)));
  return "W/\"" + std::string(hex) + "\"";
}

}  // namespace

RequestTraits& request_traits() { return traits; }

bool accepts_coding(const std::string& accept, const std::string& coding) {
  for (std::string_view item : core::split(core::to_lower(accept), ',')) {
    item = core::trim(item);
    const std::string_view name = core::trim(item.substr(0, item.find(';')));
    if (name != coding && name != "*" && !(coding == "gzip" && name == "x-gzip")) continue;
    const std::size_t q = item.find("q=");
    if (q != std::string_view::npos && std::strtod(std::string(item.substr(q + 2)).c_str(), nullptr) <= 0) continue;
    return true;
  }
  return false;
}



bool not_modified(std::string_view etag) {
  const std::string& header = traits.if_none_match;
  if (header.empty()) return false;
  if (core::trim(header) == "*") return true;
  // A list of entity tags; weak comparison (RFC 9110 13.1.2): W/ is ignored on both sides.
  auto opaque = [](std::string_view t) {
    t = core::trim(t);
    if (t.rfind("W/", 0) == 0) t.remove_prefix(2);
    return t;
  };
  for (std::string_view tag : core::split(header, ','))
    if (opaque(tag) == opaque(etag)) return true;
  return false;
}

void send_body(Response& resp, const std::string& body, const std::string& content_type, int status) {
  resp.setContentType(content_type);
  if (status == 200) {
    const std::string etag = weak_etag(body);
    resp.set("ETag", etag);
    resp.set("Vary", "Accept-Encoding");
    if (not_modified(etag)) {
      resp.setStatusAndReason(Poco::Net::HTTPResponse::HTTP_NOT_MODIFIED);
      resp.setContentLength(0);
      resp.send();
      return;
    }
  }
  resp.setStatusAndReason(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(status));
  if (traits.gzip && body.size() > 1024) {
    const std::string packed = archive::gzip_member(body);
    resp.set("Content-Encoding", "gzip");
    resp.set("Vary", "Accept-Encoding");
    resp.sendBuffer(packed.data(), packed.size());
    return;
  }
  resp.sendBuffer(body.data(), body.size());
}

}  // namespace cqc::search::http
