// Internal to the server's front (front.cpp, front_loop.cpp): its state and steps. The front
// thread alone touches the connection table; request threads meet it only through the job
// and back queues (under Impl::m) and the wake-up eventfd.
#pragma once
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/StreamSocket.h>
#include <sys/epoll.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

#include "search/http/front.hpp"

namespace cqc::search::http {

using Clock = std::chrono::steady_clock;

constexpr auto kLinger = std::chrono::seconds(1);  // a refused connection's bytes are drained this long
constexpr std::size_t kMaxDrain = 1 << 20;          // ... or up to this many bytes
constexpr unsigned kHardSlack = 256;
// A thread that has just answered a keep-alive request waits this long for the client's next
// request, and serves it at once if its head is whole (at most kInlineRequests in a row)
// rather than handing the connection back to the front and having it queued again.
constexpr auto kHoldNext = std::chrono::microseconds(500);
constexpr unsigned kInlineRequests = 8;                // beyond max_connections + this: closed unanswered

struct Front::Impl {
  enum class Phase { waiting, in_thread, closing };
  struct Conn {
    Poco::Net::StreamSocket socket;
    std::string client;
    Phase phase = Phase::waiting;
    bool got_bytes = false;  // the current request's first byte has arrived
    bool cut = false;        // shut down at the response deadline
    bool counted = false;    // holds one of per_client's places for its address
    unsigned served = 0;
    std::size_t drained = 0;
    Clock::time_point deadline;
  };
  struct Job {
    int fd = -1;
    std::optional<Poco::Net::StreamSocket> socket;
    unsigned left = 1;  // requests the connection may still carry, this one included
  };
  struct Back {
    int fd = -1;
    bool keep = false;
    unsigned served = 1;  // requests answered during this turn on the thread
  };

  FrontOptions o;
  ExchangeFn exchange;
  Poco::Net::ServerSocket listener;
  int listen_fd = -1;
  int epfd = -1;
  int wakefd = -1;
  std::thread loop;
  std::vector<std::thread> workers;
  bool started = false;
  std::atomic<bool> stopping{false};

  std::mutex m;  // guards jobs, back, workers_stop
  std::condition_variable cv;
  std::deque<Job> jobs;
  std::deque<Back> back;
  bool workers_stop = false;

  // Touched by the front thread only.
  std::unordered_map<int, Conn> conns;
  std::unordered_map<std::string, unsigned> per_client;
  std::vector<char> peek;
  bool listen_paused = false;
  Clock::time_point listen_resume;

  std::atomic<std::uint64_t> accepted{0}, requests{0}, refused_client{0}, refused_total{0},
      refused_busy{0}, head_timeouts{0}, response_timeouts{0}, rejected_heads{0};

  void run();
  void accept_all(Clock::time_point now);
  void on_event(int fd, Clock::time_point now);
  void dispatch(int fd, Conn& c, Clock::time_point now);
  void take_back(Clock::time_point now);
  void sweep(Clock::time_point now);
  void refuse(int fd, Conn& c, int status, const std::string& message, Clock::time_point now);
  void drain(int fd, Conn& c);
  void close_conn(int fd);
  void uncount(Conn& c);
  void work();
  bool next_request_ready(int fd, std::vector<char>& buffer) const;
  void watch(int fd) {
    epoll_event ev{};
    ev.events = EPOLLIN | EPOLLRDHUP | EPOLLET;
    ev.data.fd = fd;
    epoll_ctl(epfd, EPOLL_CTL_ADD, fd, &ev);
  }
};

}  // namespace cqc::search::http
