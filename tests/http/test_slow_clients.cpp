// Slow, silent, greedy and malformed clients (issue 11): they cost the server a file
// descriptor each, never a request thread; every wait has a deadline trickled bytes cannot
// extend; one address cannot take every connection; refusals are JSON with a reason.
#include <doctest/doctest.h>

#include <Poco/Net/ServerSocket.h>

#include <atomic>
#include <thread>
#include <vector>

#include "http_client.hpp"
#include "raw_client.hpp"
#include "search/http/front.hpp"

using namespace std::chrono_literals;
using cqc::test::http;
using cqc::test::RawConn;
using cqc::test::status_of;
using Clock = std::chrono::steady_clock;

namespace {

const std::string kHead = "GET / HTTP/1.1\r\nHost: test\r\n";

// A server with no index (the page at / still answers 200) and OPTIONS' front.
struct SmallServer {
  cqc::test::TempDir tmp;
  std::unique_ptr<cqc::search::http::Server> server;
  explicit SmallServer(cqc::search::http::FrontOptions front) {
    cqc::search::http::ServerOptions o;
    o.port = 0;
    o.front = front;
    server = std::make_unique<cqc::search::http::Server>(tmp / "empty", o);
    server->start();
  }
  unsigned port() const { return server->port(); }
};

double seconds_since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

}  // namespace

TEST_CASE("slow and silent clients hold no thread: 40 of them, 2 threads, others answered at once") {
  cqc::search::http::FrontOptions f;
  f.threads = 2;
  SmallServer s(f);
  std::vector<RawConn> trickling, silent;
  for (int i = 0; i < 20; ++i) {
    trickling.emplace_back(s.port(), "127.0.0.2");
    CHECK(trickling.back().send(kHead));
    silent.emplace_back(s.port(), "127.0.0.3");
  }
  double slowest = 0;
  for (int round = 0; round < 10; ++round) {
    for (auto& c : trickling) c.send("X");  // one more byte of a header that never ends
    const auto t = Clock::now();
    const auto r = http(s.port(), "/");
    slowest = std::max(slowest, seconds_since(t));
    CHECK(r.status == 200);
    std::this_thread::sleep_for(100ms);
  }
  MESSAGE("slowest of 10 probes beside 40 slow connections: " << slowest * 1000 << " ms");
  CHECK(slowest < 1.0);
  CHECK(s.server->counters().requests == 10);  // none of the slow ones reached a thread
}

TEST_CASE("a head must be whole within --head-timeout of its first byte, however it trickles") {
  cqc::search::http::FrontOptions f;
  f.head_timeout_s = 1;
  SmallServer s(f);
  RawConn c(s.port());
  const auto t = Clock::now();
  c.send("GET / HTTP/1.1\r\n");
  std::string got;
  while (!c.closed() && seconds_since(t) < 5) {
    c.send("x");  // a byte every 100 ms: each would restart a per-read timeout
    got += c.read_all(100ms);
  }
  const double took = seconds_since(t);
  CAPTURE(got);
  CHECK(c.closed());
  CHECK(status_of(got) == 408);
  CHECK(got.find("not received within 1 s") != std::string::npos);
  CHECK(took >= 0.9);
  CHECK(took < 2.5);
  CHECK(s.server->counters().head_timeouts == 1);
}

TEST_CASE("a connection that sends nothing is closed after --idle-timeout, without an answer") {
  cqc::search::http::FrontOptions f;
  f.idle_timeout_s = 1;
  SmallServer s(f);
  RawConn c(s.port());
  const auto t = Clock::now();
  const std::string got = c.read_all(5s);
  CHECK(c.closed());
  CHECK(got.empty());
  CHECK(seconds_since(t) < 2.5);
}

TEST_CASE("one client address cannot hold more than --per-client connections; others still can") {
  cqc::search::http::FrontOptions f;
  f.per_client = 3;
  SmallServer s(f);
  std::vector<RawConn> held;
  for (int i = 0; i < 3; ++i) held.emplace_back(s.port(), "127.0.0.4");
  std::this_thread::sleep_for(100ms);
  RawConn fourth(s.port(), "127.0.0.4");
  fourth.send(kHead + "\r\n");
  const std::string refused = fourth.read_all(3s);
  CAPTURE(refused);
  CHECK(status_of(refused) == 503);
  CHECK(refused.find("too many connections from your address (at most 3)") != std::string::npos);
  CHECK(refused.find("Connection: close") != std::string::npos);

  RawConn other(s.port(), "127.0.0.5");
  other.send(kHead + "Connection: close\r\n\r\n");
  CHECK(status_of(other.read_all(3s)) == 200);

  held.pop_back();  // one of the three goes: room for one more
  std::this_thread::sleep_for(300ms);
  RawConn again(s.port(), "127.0.0.4");
  again.send(kHead + "Connection: close\r\n\r\n");
  CHECK(status_of(again.read_all(3s)) == 200);
  CHECK(s.server->counters().refused_client == 1);
}

TEST_CASE("huge heads answer 431 and broken request lines 400, from the front, as JSON") {
  SmallServer s({});
  RawConn big(s.port());
  std::string head = kHead;
  for (int i = 0; i < 400; ++i) head += "X-Filler-" + std::to_string(i) + ": " + std::string(50, 'f') + "\r\n";
  big.send(head + "\r\n");
  const std::string r431 = big.read_all(3s);
  CHECK(status_of(r431) == 431);
  CHECK(r431.find("\"error\":\"request header fields larger than 16384 bytes\"") != std::string::npos);
  for (const std::string line : {"HELLO WORLD\r\n\r\n", "GET /\r\n\r\n", "GET / SPDY/3\r\n\r\n", "\x16\x03\x01\x02"}) {
    RawConn bad(s.port());
    bad.send(line);
    const std::string r = bad.read_all(3s);
    CAPTURE(line);
    CHECK(status_of(r) == 400);
    CHECK(r.find("malformed request line") != std::string::npos);
  }
}

TEST_CASE("keep-alive connections wait between requests in the front, not on a thread") {
  cqc::search::http::FrontOptions f;
  f.threads = 2;
  SmallServer s(f);
  std::vector<RawConn> kept;
  for (int i = 0; i < 8; ++i) {
    kept.emplace_back(s.port());
    kept.back().send(kHead + "\r\n");
    CHECK(status_of(kept.back().read_response(3s)) == 200);
  }
  const auto t = Clock::now();
  CHECK(http(s.port(), "/").status == 200);  // 8 idle keep-alive connections, 2 threads
  CHECK(seconds_since(t) < 1.0);
  kept[3].send(kHead + "\r\n");  // and a kept connection still carries a second request
  const std::string second = kept[3].read_response(3s);
  CHECK(status_of(second) == 200);
  CHECK_FALSE(kept[3].closed());
}

TEST_CASE("the front accepts while every thread is busy, refuses past the queue, and cuts overlong work") {
  Poco::Net::ServerSocket listener(Poco::Net::SocketAddress("127.0.0.1", 0));
  const unsigned port = listener.address().port();
  std::atomic<int> cut{0};
  cqc::search::http::FrontOptions f;
  f.threads = 1;
  f.max_queued = 1;
  f.response_timeout_s = 1;
  // An exchange that never answers: it reads until the connection is shut down under it.
  cqc::search::http::Front front(listener, f, [&cut](Poco::Net::StreamSocket& socket, bool) {
    char buf[4096];
    try {
      socket.setReceiveTimeout(Poco::Timespan(30, 0));
      while (socket.receiveBytes(buf, sizeof buf) > 0) {
      }
    } catch (...) {
    }
    ++cut;
    return false;
  });
  front.start();
  const auto t = Clock::now();
  RawConn a(port), b(port), c(port);
  a.send(kHead + "\r\n");
  std::this_thread::sleep_for(200ms);  // a is on the only thread
  b.send(kHead + "\r\n");              // b waits in the queue
  std::this_thread::sleep_for(200ms);
  c.send(kHead + "\r\n");  // no room: refused at once, not left waiting
  const std::string refused = c.read_all(2s);
  CHECK(status_of(refused) == 503);
  CHECK(refused.find("the server is busy") != std::string::npos);
  CHECK(seconds_since(t) < 1.0);
  a.read_all(3s);
  CHECK(a.closed());  // cut at its 1 s deadline
  b.read_all(3s);
  CHECK(b.closed());  // then b had the thread, and was cut too
  for (int i = 0; i < 100 && cut < 2; ++i) std::this_thread::sleep_for(10ms);  // its thread notices
  CHECK(cut == 2);
  CHECK(seconds_since(t) < 4.0);
  const auto n = front.counters();
  CHECK(n.refused_busy == 1);
  CHECK(n.response_timeouts == 2);
  front.stop();
}
