// The HTTP server: Poco::Net::HTTPServer with explicit limits, serving the JSON API and the
// search page from one data folder (index + archive). `cqc-archive serve` is one call to serve().
#pragma once
#include <iosfwd>
#include <memory>
#include <string>

namespace cqc::search::http {

struct ServerOptions {
  std::string bind = "127.0.0.1";  // listening address
  unsigned port = 8080;            // 0 = any free port (see Server::port)
  unsigned threads = 8;            // request threads at most
  unsigned max_queued = 128;       // accepted connections waiting for a thread; more are refused
  unsigned timeout_s = 30;         // socket receive/send timeout per request
  unsigned keep_alive_requests = 100;  // requests per persistent connection
  unsigned keep_alive_timeout_s = 5;   // idle time before a persistent connection is closed
  std::size_t max_uri = 8192;      // longer request targets answer 414
  std::size_t max_body = 65536;    // larger request bodies answer 413
};

class Server {
 public:
  // Listens on OPTIONS.bind:port (throws core::Fatal naming the address if it cannot) and
  // serves DATA_DIR's index and archive. A missing index answers 503 until one is written.
  Server(const std::string& data_dir, const ServerOptions& options);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Starts accepting connections (returns at once; requests run on the server's threads).
  void start();
  // Stops accepting and waits for open connections to finish (an idle persistent one at most
  // keep_alive_timeout_s). Idempotent; the destructor calls it.
  void stop();
  // The port actually bound (useful with port 0).
  unsigned port() const;
  // "http://ADDRESS:PORT/".
  std::string url() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Serves until SIGINT or SIGTERM, printing "serving URL" to OUT once listening. Returns 0.
int serve(const std::string& data_dir, const ServerOptions& options, std::ostream& out);

}  // namespace cqc::search::http
