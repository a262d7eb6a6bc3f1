// The HTTP server: the JSON API and the search page from one data folder (index + archive).
// Connections are watched by the front (front.hpp: epoll, deadlines, caps); complete requests
// run on request threads with Poco's HTTP message classes (exchange.hpp) and the router.
// `cqc-archive serve` is one call to serve().
#pragma once
#include <iosfwd>
#include <memory>
#include <ostream>
#include <string>

#include "search/http/front.hpp"
#include "search/index_open.hpp"

namespace cqc::search::http {

struct ServerOptions {
  std::string bind = "127.0.0.1";  // listening address
  unsigned port = 8080;            // 0 = any free port (see Server::port)
  FrontOptions front;              // threads, connection caps, deadlines, 414/431 limits
  unsigned io_timeout_s = 30;      // one socket read or write on a request thread
  std::size_t max_body = 65536;    // larger request bodies answer 413
  bool access_log = false;         // a line per request on LOG (cqc-archive serve turns it on)
  bool log_json = false;           // ... as a JSON object per line
  std::ostream* log = nullptr;     // where the access log goes (nullptr: std::cerr)
  IndexOptions index;              // another index than DATA/index (path set), remote
                                   // shards' timeouts and allow_partial (search/index_open.hpp)
  std::string program;             // the cqc-archive executable the diff page runs (as
                                   // `history --diff --json`, a child process) to compare two
                                   // captures' text; "" = the diff page answers 503
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
  // Ignores SIGPIPE for the whole process: a client that hangs up must not end it.
  void start();
  // Stops accepting, answers the requests already whole and closes every connection.
  // Idempotent; the destructor calls it.
  void stop();
  // The port actually bound (useful with port 0).
  unsigned port() const;
  // "http://ADDRESS:PORT/".
  std::string url() const;
  // What the front has done so far (connections, refusals, timeouts).
  FrontCounters counters() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Serves until SIGINT or SIGTERM, printing "serving URL" to OUT once listening. Returns 0.
int serve(const std::string& data_dir, const ServerOptions& options, std::ostream& out);

}  // namespace cqc::search::http
