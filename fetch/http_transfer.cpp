#include "fetch/http_transfer.hpp"

#include <unistd.h>

#include <cstdlib>

#include "core/error.hpp"
#include "core/text.hpp"

namespace cqc::fetch {
namespace {

curl_socket_t open_socket(void* clientp, curlsocktype, curl_sockaddr* address) {
  auto* t = static_cast<Transfer*>(clientp);
  if (!connect_allowed(&address->addr, t->options->allow)) {
    t->refused = "connection to " + describe_address(&address->addr) +
                 " refused: internal address (allow it with --allow HOST:PORT)";
    return CURL_SOCKET_BAD;
  }
  return ::socket(address->family, address->socktype, address->protocol);
}

size_t on_header(char* data, size_t size, size_t n, void* userp) {
  auto* t = static_cast<Transfer*>(userp);
  std::string_view line(data, size * n);
  if (line.rfind("HTTP/", 0) == 0) t->response_head.clear();  // a new response (after 1xx)
  if (t->response_head.size() + line.size() > kMaxResponseHead) {  // a header flood
    t->too_big = "response head is over the limit of " + std::to_string(kMaxResponseHead) + " bytes";
    return 0;
  }
  t->response_head.append(line);
  std::string lower = core::to_lower(line);
  if (lower.rfind("content-length:", 0) == 0) {
    unsigned long long length = std::strtoull(lower.c_str() + 15, nullptr, 10);
    if (length > t->options->max_body) {
      t->too_big = "body of " + std::to_string(length) + " bytes is over the limit of " +
                   std::to_string(t->options->max_body);
      return 0;  // abort the transfer
    }
  }
  return size * n;
}

size_t on_body(char* data, size_t size, size_t n, void* userp) {
  auto* t = static_cast<Transfer*>(userp);
  if (t->body_size + size * n > t->options->max_body) {
    t->too_big = "body is over the limit of " + std::to_string(t->options->max_body) + " bytes";
    return 0;
  }
  t->body_size += size * n;
  return std::fwrite(data, size, n, t->body) * size;
}

int on_debug(CURL*, curl_infotype type, char* data, size_t size, void* userp) {
  if (type == CURLINFO_HEADER_OUT) static_cast<Transfer*>(userp)->request_head.append(data, size);
  return 0;
}

}  // namespace

Transfer::Transfer(Request req, const FetchOptions& opts) : request(std::move(req)), options(&opts) {
  std::string tmpl = opts.temp_dir + "/cqc-body-XXXXXX";
  int fd = ::mkstemp(tmpl.data());
  if (fd < 0) throw core::Error("cannot create a temporary file in " + opts.temp_dir);
  body_path = tmpl;
  body = ::fdopen(fd, "wb");
  easy = curl_easy_init();
  if (!easy || !body) throw core::Error("cannot start a transfer for " + request.url);
  curl_easy_setopt(easy, CURLOPT_URL, request.url.c_str());
  curl_easy_setopt(easy, CURLOPT_PRIVATE, this);
  curl_easy_setopt(easy, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(easy, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(easy, CURLOPT_FOLLOWLOCATION, 0L);  // the engine follows, hop by hop
  curl_easy_setopt(easy, CURLOPT_PROXY, "");           // no proxy can bypass the address check
  curl_easy_setopt(easy, CURLOPT_HTTP_VERSION, CURL_HTTP_VERSION_1_1);
  curl_easy_setopt(easy, CURLOPT_HTTP_TRANSFER_DECODING, 0L);  // keep bytes as received
  curl_easy_setopt(easy, CURLOPT_HTTP_CONTENT_DECODING, 0L);
  curl_easy_setopt(easy, CURLOPT_USERAGENT, opts.user_agent.c_str());
  curl_easy_setopt(easy, CURLOPT_CONNECTTIMEOUT_MS, opts.connect_timeout_ms);
  curl_easy_setopt(easy, CURLOPT_TIMEOUT_MS, opts.total_timeout_ms);
  curl_easy_setopt(easy, CURLOPT_LOW_SPEED_LIMIT, opts.low_speed_bytes);
  curl_easy_setopt(easy, CURLOPT_LOW_SPEED_TIME, opts.low_speed_seconds);
  curl_easy_setopt(easy, CURLOPT_OPENSOCKETFUNCTION, open_socket);
  curl_easy_setopt(easy, CURLOPT_OPENSOCKETDATA, this);
  curl_easy_setopt(easy, CURLOPT_HEADERFUNCTION, on_header);
  curl_easy_setopt(easy, CURLOPT_HEADERDATA, this);
  curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, on_body);
  curl_easy_setopt(easy, CURLOPT_WRITEDATA, this);
  curl_easy_setopt(easy, CURLOPT_DEBUGFUNCTION, on_debug);
  curl_easy_setopt(easy, CURLOPT_DEBUGDATA, this);
  curl_easy_setopt(easy, CURLOPT_VERBOSE, 1L);  // needed for the request head (debug callback)
  curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
  for (const auto& h : request.headers) headers = curl_slist_append(headers, h.c_str());
  if (headers) curl_easy_setopt(easy, CURLOPT_HTTPHEADER, headers);
}

Transfer::~Transfer() {
  if (easy) curl_easy_cleanup(easy);
  if (headers) curl_slist_free_all(headers);
  if (body) std::fclose(body);
  if (!body_path.empty()) ::unlink(body_path.c_str());
}

Response Transfer::finish(CURLcode code) {
  Response r;
  r.request = request;
  std::fflush(body);
  long status = 0;
  curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &status);
  char* ip = nullptr;
  curl_easy_getinfo(easy, CURLINFO_PRIMARY_IP, &ip);
  if (ip) r.ip = ip;
  r.request_head = request_head;
  r.response_head = response_head;
  r.body_size = body_size;
  if (!refused.empty()) {
    r.error = refused;
  } else if (!too_big.empty()) {
    r.error = too_big;
  } else if (code != CURLE_OK) {
    r.error = std::string(curl_easy_strerror(code));
  } else {
    r.status = static_cast<int>(status);
    r.body_path = body_path;
    body_path.clear();  // the caller owns the file now
  }
  return r;
}

std::string host_key(const std::string& url) {
  CURLU* u = curl_url();
  std::string key;
  if (curl_url_set(u, CURLUPART_URL, url.c_str(), 0) == CURLUE_OK) {
    char *scheme = nullptr, *host = nullptr, *port = nullptr;
    curl_url_get(u, CURLUPART_SCHEME, &scheme, 0);
    curl_url_get(u, CURLUPART_HOST, &host, 0);
    curl_url_get(u, CURLUPART_PORT, &port, CURLU_DEFAULT_PORT);
    if (scheme && host && port && (std::string(scheme) == "http" || std::string(scheme) == "https"))
      key = std::string(scheme) + "://" + core::to_lower(host) + ":" + port;
    curl_free(scheme);
    curl_free(host);
    curl_free(port);
  }
  curl_url_cleanup(u);
  return key;
}

std::string resolve_url(const std::string& base, const std::string& url) {
  CURLU* u = curl_url();
  std::string out;
  char* full = nullptr;
  if (curl_url_set(u, CURLUPART_URL, base.c_str(), 0) == CURLUE_OK &&
      curl_url_set(u, CURLUPART_URL, url.c_str(), CURLU_NON_SUPPORT_SCHEME) == CURLUE_OK &&
      curl_url_get(u, CURLUPART_URL, &full, 0) == CURLUE_OK)
    out = full;
  curl_free(full);
  curl_url_cleanup(u);
  return out;
}

}  // namespace cqc::fetch
