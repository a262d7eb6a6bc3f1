// Internal to the test server: shared state, the per-request Exchange and the route functions.
#pragma once

#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/ThreadPool.h>
#include <Poco/Timestamp.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "tests/support/test_server.hpp"

namespace cqc::test::detail {

// A stored document with its validators.
struct Document {
  std::string body;               // bytes as sent (already gzip-compressed when encoding is gzip)
  std::string content_type;       // full Content-Type value
  std::string content_encoding;   // "" or "gzip"
  std::string etag;               // strong, quoted
  Poco::Timestamp last_modified;  // whole seconds
  int status = 200;               // another status (410, 301, 302 ...) answers with it instead
  std::string location;           // with a 3xx status: the Location
};

// A strong ETag (quoted) from the SHA-1 of BODY.
std::string strong_etag(const std::string& body);
// TIME as an HTTP date ("Fri, 13 Sep 2019 09:00:00 GMT").
std::string http_date(const Poco::Timestamp& time);
// TIME as "2019-09-13T09:00:00Z".
std::string iso_date_time(const Poco::Timestamp& time);
// TIME as "2019-09-13".
std::string iso_date(const Poco::Timestamp& time);
// TIME cut to whole seconds.
Poco::Timestamp whole_seconds(const Poco::Timestamp& time);
// BYTES compressed as one gzip member.
std::string gzip(const std::string& bytes);
// TEXT with &, <, >, " and ' escaped for XML and HTML.
std::string xml_escape(const std::string& text);
// A small valid one-page PDF 1.4 with TITLE and LINES in Helvetica.
std::string make_pdf(const std::string& title, const std::vector<std::string>& lines);

// Everything the server shares between requests; owned by TestServer.
class State {
 public:
  State(std::string docs_dir_in, TestServerOptions options_in);
  ~State();
  State(const State&) = delete;
  State& operator=(const State&) = delete;

  // Binds, fills the documents and starts answering.
  void start();
  // Stops answering and waits for every handler; idempotent.
  void stop();

  TestServerOptions options;  // other_port resolved at start()
  std::string docs_dir;       // "" when none
  int port = 0;               // the bound port
  std::string base;           // "http://127.0.0.1:PORT"
  Poco::Timestamp started = whole_seconds(Poco::Timestamp());

  // Stores BODY at PATH; validators change only when the bytes or type change.
  void put_document(const std::string& path, std::string body, std::string content_type,
                    std::string encoding = "", std::optional<Poco::Timestamp> modified = {});
  // Removes PATH; false when absent.
  bool remove_document(const std::string& path);
  // Makes PATH answer STATUS (with LOCATION when it is a redirect) until put_document or
  // remove_document; true when PATH was not in the store.
  bool put_status(const std::string& path, int status, std::string location);
  // A copy of the document at PATH, if any.
  std::optional<Document> find_document(const std::string& path) const;
  // Every stored path starting with PREFIX, sorted.
  std::vector<std::string> paths_with_prefix(const std::string& prefix) const;
  // Regenerates /, robots.txt, the sitemaps and the feeds from the /docs/ documents.
  void rebuild_indexes();

  // Logs REQUEST; returns its id for set_status.
  std::uint64_t log_request(const Poco::Net::HTTPServerRequest& request);
  // Records the response status of the request logged as ID (if still in the log).
  void set_status(std::uint64_t id, int status);
  // A copy of the log.
  std::vector<RequestLog> log_copy() const;
  // Empties the log and resets the concurrency maximum.
  void clear_log();

  std::atomic<int> active{0};      // requests being handled now
  std::atomic<int> max_active{0};  // highest value of active
  std::atomic<int> rate_limited_hits{0};
  std::atomic<int> flaky_hits{0};

  // Waits DURATION; false (early) when the server is stopping.
  bool sleep_for(std::chrono::milliseconds duration);
  // True once stop() began.
  bool stopping() const { return stopping_.load(); }

 private:
  mutable std::mutex docs_mutex_;
  std::map<std::string, Document> documents_;
  mutable std::mutex log_mutex_;
  std::vector<RequestLog> log_;
  std::vector<std::uint64_t> log_ids_;
  std::uint64_t next_id_ = 1;
  std::atomic<bool> stopping_{false};
  std::mutex stop_mutex_;
  std::condition_variable stop_cv_;
  std::unique_ptr<Poco::ThreadPool> pool_;
  std::unique_ptr<Poco::Net::HTTPServer> server_;
};

// One request being answered, with the helpers every route uses.
class Exchange {
 public:
  // Wraps REQUEST/RESPONSE of the request logged as LOG_ID.
  Exchange(State& state_in, Poco::Net::HTTPServerRequest& request_in,
           Poco::Net::HTTPServerResponse& response_in, std::uint64_t log_id);

  State& state;
  Poco::Net::HTTPServerRequest& request;
  Poco::Net::HTTPServerResponse& response;
  std::string path;                          // decoded path, no query
  std::map<std::string, std::string> query;  // decoded query parameters (last one wins)

  // True for a HEAD request.
  bool head() const;
  // The request header NAME, or "" when absent.
  std::string header(const std::string& name) const;
  // True once the status line and headers were sent.
  bool sent() const { return sent_; }
  // Sends STATUS with BODY (Content-Length set; no body for HEAD).
  void send(int status, const std::string& content_type, const std::string& body);
  // Sends DOC with ETag and Last-Modified, or 304 when the request's validators match.
  void send_document(const Document& doc);
  // Sends STATUS with a Location header and a small HTML body.
  void redirect(int status, const std::string& location);
  // Waits DURATION in 50 ms steps; false (early) when the server stops or the client hung up.
  bool wait(std::chrono::milliseconds duration);
  // Sends the headers of a streamed body (LENGTH < 0: chunked) and returns the body stream.
  std::ostream& begin_stream(int status, const std::string& content_type, long long length);

 private:
  void prepare(int status);
  std::uint64_t log_id_;
  bool sent_ = false;
};

// Routes; each returns false when the path is not its own.
bool serve_document(Exchange& ex);   // the document store (docs, robots, sitemaps, feeds, ...)
bool serve_api(Exchange& ex);        // /public/v1/...
bool serve_bench(Exchange& ex);      // /bench/N.html, /bench/list.txt
bool serve_behaviour(Exchange& ex);  // redirects, errors, slow, stall, huge, delay

// Loads DOCS_DIR's files and the built-in documents into STATE.
void load_documents(State& state);
// Builds the generated site documents (/, robots.txt, sitemaps, feeds) into STATE.
void build_site_indexes(State& state);

}  // namespace cqc::test::detail
