// A loopback HTTP server that behaves like the CQC website, its public API and the news sites,
// for the fetcher's tests and benchmarks. See README.md in this folder for the routes.
#pragma once

#include <chrono>
#include <cstddef>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace cqc::test {

namespace detail {
class State;
}

// Header names compared case-insensitively, as HTTP does.
struct CaseInsensitiveLess {
  // True when A sorts before B ignoring ASCII case.
  bool operator()(const std::string& a, const std::string& b) const;
};

// Request headers as received (several fields of one name are joined with ", ").
using HeaderMap = std::map<std::string, std::string, CaseInsensitiveLess>;

// What the server can be told at start.
struct TestServerOptions {
  std::string api_key = "test-key";             // the expected Ocp-Apim-Subscription-Key
  std::chrono::milliseconds response_delay{0};  // added before answering every request
  std::size_t huge_bytes = 3u * 1024u * 1024u;  // body size of /huge and /huge-chunked
  int threads = 8;                              // requests handled at the same time at most
  bool crawl_delay = true;                      // false: robots.txt has no Crawl-delay line
  int port = 0;                                 // 0: an ephemeral port
  int other_port = 0;                           // /redirect-to-port target; 0: port() + 1
  int slow_seconds = 30;                        // how long /slow keeps sending
  int slow_bytes_per_second = 20;               // how fast /slow sends
  int stall_seconds = 60;                       // how long /stall sends nothing
  std::string robots_location;                  // non-empty: /robots.txt answers 302 to it
};

// One request as the server saw it.
struct RequestLog {
  std::string method;                              // "GET", "HEAD", ...
  std::string target;                              // path and query, as sent
  std::string path;                                // path without the query
  HeaderMap headers;                               // request headers
  std::chrono::steady_clock::time_point received;  // when the request line was read
  int status = 0;                                  // response status; 0 until headers are sent
};

// A report known to the fake CQC API (for tests that need its linkId).
struct ApiReportRef {
  std::string link_id;      // UUID-like reportLinkId / linkId
  std::string owner_id;     // the providerId or locationId that lists it
  std::string report_date;  // YYYY-MM-DD
  std::string report_uri;   // "/reports/{linkId}" (relative to /public/v1)
};

// The HTTP server; it runs from construction to destruction on 127.0.0.1.
class TestServer {
 public:
  // Starts on 127.0.0.1 serving DOCS_DIR's files under /docs/ (DOCS_DIR may be empty).
  explicit TestServer(std::string docs_dir = "", TestServerOptions options = {});
  // Stops the server; streaming responses (/slow, /stall) end within about 100 ms.
  ~TestServer();
  TestServer(const TestServer&) = delete;
  TestServer& operator=(const TestServer&) = delete;

  // The port it listens on.
  int port() const;
  // "http://127.0.0.1:PORT".
  std::string base_url() const;
  // "http://127.0.0.1:PORT" + PATH (PATH starts with "/").
  std::string url(const std::string& path) const;
  // url("/public/v1" + PATH).
  std::string api_url(const std::string& path) const;
  // The options in force (other_port resolved).
  const TestServerOptions& options() const;

  // Adds or replaces the document at PATH; a changed body gets a new ETag and Last-Modified.
  void set_document(const std::string& path, std::string body, std::string content_type);
  // Removes the document at PATH (it then answers 404); false when there was none.
  bool remove_document(const std::string& path);
  // Makes PATH answer STATUS instead of its document (410 Gone, 500 ...), or redirect with
  // STATUS (301, 302, 307, 308) to LOCATION, until set_document or remove_document. Sends no
  // validators: a conditional request gets the same answer.
  void set_status(const std::string& path, int status, std::string location = "");
  // Paths of every document under /docs/, sorted.
  std::vector<std::string> document_paths() const;
  // The stored body of the document at PATH, or "" when there is none.
  std::string document_body(const std::string& path) const;
  // The ETag (quoted) of the document at PATH, or "" when there is none.
  std::string document_etag(const std::string& path) const;

  // Every request since start or clear_log(), in arrival order.
  std::vector<RequestLog> requests() const;
  // How many logged requests had exactly PATH as their path (query ignored).
  std::size_t count(const std::string& path) const;
  // Forgets the request log and resets max_concurrent().
  void clear_log();
  // The highest number of requests being handled at the same time.
  int max_concurrent() const;
  // Makes /rate-limited and /flaky fail again as on a fresh server.
  void reset_counters();

  // Every report the fake API knows (provider and location reports).
  static std::vector<ApiReportRef> api_reports();
  // The providerIds the fake API knows ("RT5", "RMY").
  static std::vector<std::string> api_provider_ids();
  // The locationIds the fake API knows.
  static std::vector<std::string> api_location_ids();

 private:
  std::unique_ptr<detail::State> state_;
};

}  // namespace cqc::test
