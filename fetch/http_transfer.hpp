// One libcurl easy transfer with its callbacks: internal to the HTTP engine.
#pragma once
#include <curl/curl.h>

#include <cstdio>
#include <string>

#include "fetch/http_engine.hpp"

namespace cqc::fetch {

// A response head (status line and header fields, each 1xx answer's apart) longer than this
// ends the transfer as a failure: a server sending header fields without end.
inline constexpr std::size_t kMaxResponseHead = 256u << 10;

struct Transfer {
  Request request;
  CURL* easy = nullptr;
  curl_slist* headers = nullptr;
  std::FILE* body = nullptr;
  std::string body_path;
  std::uint64_t body_size = 0;
  std::string request_head;
  std::string response_head;
  std::string refused;   // set by the connect-time address check
  std::string too_big;   // set when the body exceeds the limit
  const FetchOptions* options = nullptr;

  // Creates the easy handle for REQUEST with every option set. Throws core::Error naming
  // the temp folder when the body file cannot be created.
  Transfer(Request request, const FetchOptions& options);
  ~Transfer();
  Transfer(const Transfer&) = delete;
  Transfer& operator=(const Transfer&) = delete;

  // Turns the finished transfer (curl result CODE) into a Response (body file handed over).
  Response finish(CURLcode code);
};

// The "scheme://host:port" key of URL for per-host politeness, "" if URL is not http(s).
std::string host_key(const std::string& url);

// URL resolved against BASE (for Location headers), "" if it cannot be parsed.
std::string resolve_url(const std::string& base, const std::string& url);

}  // namespace cqc::fetch
