// The HTTP engine: libcurl's multi interface with politeness (global and per-host limits,
// a delay between requests to a host, robots.txt), safety (http/https only, connect-time
// address checks, body size limit, timeouts) and retries with backoff. It knows HTTP, not
// documents: every response it gets is handed to the caller, who archives it.
#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "fetch/address_guard.hpp"

namespace cqc::fetch {

struct FetchOptions {
  std::string user_agent =
      "cqc-archive/0.1 (+https://github.com/cqc-archive/cqc-archive; archiving CQC reports)";
  std::string robots_token = "cqc-archive";  // product token matched in robots.txt
  unsigned max_connections = 8;        // transfers at once, all hosts together
  unsigned per_host_connections = 1;   // transfers at once to one host
  double per_host_delay = 1.0;         // seconds between request starts to one host
  bool obey_robots = true;             // fetch and obey robots.txt (off only for benchmarks)
  unsigned max_redirects = 5;
  std::uint64_t max_body = 200ull << 20;  // bytes, counted while streaming
  long connect_timeout_ms = 20000;
  long total_timeout_ms = 600000;
  long low_speed_bytes = 100;          // abort when slower than this many bytes/s ...
  long low_speed_seconds = 30;         // ... for this long
  unsigned retries = 3;                // after the first attempt, on 429, 5xx, network errors
  double backoff_base = 1.0;           // seconds; doubles per attempt, plus jitter
  double max_retry_wait = 300;         // longest Retry-After we wait for, seconds
  AllowList allow;                     // internal HOST:PORT pairs that may be reached
  std::string temp_dir = "/tmp";       // where bodies stream to
};

struct Request {
  std::string url;
  std::vector<std::string> headers;  // extra headers, e.g. "Accept: application/pdf"
  std::string purpose;               // the caller's label ("document", "listing", ...)
  std::string source;                // the source this request serves, for reports
  std::string metadata_json;         // kept with the capture by the caller
  int hops = 0;                      // redirects followed to get here
  int attempt = 0;                   // retries so far
  std::string robots_for;            // internal: the host key whose robots.txt this is
};

struct Response {
  Request request;
  int status = 0;              // HTTP status; 0 when no response was received
  std::string request_head;    // exactly as sent
  std::string response_head;   // exactly as received
  std::string body_path;       // the body exactly as received (deleted after the callback)
  std::uint64_t body_size = 0;
  std::string ip;              // server address
  std::string error;           // why the request failed for good ("" on success)
  // True when a response was received and is worth archiving (even a 404).
  bool archivable() const { return status != 0 && error.empty(); }
};

struct EngineStats {
  std::uint64_t responses = 0;  // responses handed to the caller
  std::uint64_t failures = 0;   // requests that failed for good
  std::uint64_t bytes = 0;      // body bytes received
  std::uint64_t queued = 0;     // requests waiting
  std::uint64_t running = 0;    // transfers in progress
};

class HttpEngine {
 public:
  // Throws core::Fatal if libcurl cannot be initialised.
  explicit HttpEngine(FetchOptions options);
  ~HttpEngine();
  HttpEngine(const HttpEngine&) = delete;
  HttpEngine& operator=(const HttpEngine&) = delete;

  // Queues REQUEST. A URL that is not http(s) fails at once (reported through run()).
  void add(Request request);
  // Runs until nothing is queued or running. ON_RESPONSE gets every response (each redirect
  // hop too) and every request that failed for good; it may add() more requests. PROGRESS
  // is called about ten times a second.
  void run(const std::function<void(Response&)>& on_response,
           const std::function<void(const EngineStats&)>& progress = {});

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Seconds to wait from a Retry-After value (delta-seconds or HTTP-date), -1 if unparseable.
double parse_retry_after(const std::string& value);

}  // namespace cqc::fetch
