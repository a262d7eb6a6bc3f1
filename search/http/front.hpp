// The server's front: one thread that accepts every connection and watches all of them with
// epoll, and a fixed set of request threads that only ever see complete request heads. A
// connection is handed to a thread when its whole head has arrived (peeked, not read), and
// comes back to the front between keep-alive requests. So slow or idle clients cost a file
// descriptor, never a thread; accepting never waits on a busy thread; and every wait has a
// deadline that trickled bytes cannot extend.
#pragma once
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/StreamSocket.h>

#include <cstdint>
#include <functional>
#include <memory>

#include "search/http/request_head.hpp"

namespace cqc::search::http {

struct FrontOptions {
  unsigned threads = 8;                 // request threads
  unsigned max_queued = 128;            // complete requests waiting for a thread; more get 503
  unsigned idle_timeout_s = 5;          // a connection silent this long is closed (new or kept alive)
  unsigned head_timeout_s = 10;         // a head must be whole this long after its first byte (408)
  unsigned response_timeout_s = 300;    // a thread's work on one request, answer included
  unsigned per_client = 64;             // open connections per client address; more get 503
  unsigned max_connections = 4096;      // open connections in all; more get 503
  unsigned keep_alive_requests = 100;   // requests per connection
  HeadLimits head;                      // 414 / 431 limits, answered by the front itself
};

// What the front has done, for logs, tests and benchmarks.
struct FrontCounters {
  std::uint64_t accepted = 0;           // connections accepted
  std::uint64_t requests = 0;           // complete heads handed to a thread
  std::uint64_t refused_client = 0;     // over per_client
  std::uint64_t refused_total = 0;      // over max_connections
  std::uint64_t refused_busy = 0;       // the thread queue was full
  std::uint64_t head_timeouts = 0;      // heads not whole in time (408) or silent connections
  std::uint64_t response_timeouts = 0;  // requests cut off at response_timeout_s
  std::uint64_t rejected_heads = 0;     // 400, 414, 431 answered by the front
};

// Serves one request on a request thread (blocking I/O on SOCKET); LAST says it is the
// connection's last. Returns true when the connection may carry another request. Must not
// close SOCKET and must not throw.
using ExchangeFn = std::function<bool(Poco::Net::StreamSocket& socket, bool last)>;

class Front {
 public:
  // Serves connections arriving on LISTENER (bound and listening) with EXCHANGE.
  Front(Poco::Net::ServerSocket listener, const FrontOptions& options, ExchangeFn exchange);
  // Calls stop().
  ~Front();
  Front(const Front&) = delete;
  Front& operator=(const Front&) = delete;

  // Starts the front thread and the request threads; returns at once.
  void start();
  // Stops accepting, lets the requests already whole be answered, closes every connection
  // and joins every thread. Idempotent.
  void stop();
  // A snapshot of the counters (thread-safe).
  FrontCounters counters() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace cqc::search::http
