// The front thread's loop and the request threads' loop (front_impl.hpp describes the state).
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/StreamSocketImpl.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <poll.h>

#include <algorithm>
#include <cerrno>
#include <string_view>

#include "search/http/front_impl.hpp"

namespace cqc::search::http {
namespace {

// The numeric address of a peer without its port: the unit per_client counts.
std::string peer_address(const sockaddr_storage& a) {
  char buf[INET6_ADDRSTRLEN] = "";
  if (a.ss_family == AF_INET)
    inet_ntop(AF_INET, &reinterpret_cast<const sockaddr_in&>(a).sin_addr, buf, sizeof buf);
  else if (a.ss_family == AF_INET6)
    inet_ntop(AF_INET6, &reinterpret_cast<const sockaddr_in6&>(a).sin6_addr, buf, sizeof buf);
  return buf;
}

// Sends a small problem+json error (RFC 9457, as router.hpp's send_error) on FD without
// waiting (a fresh or idle connection has room for it in its send buffer) and ends the
// sending side. MESSAGE is plain text without quotes.
void send_refusal(int fd, int status, const std::string& message) {
  const std::string reason =
      Poco::Net::HTTPResponse::getReasonForStatus(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(status));
  const std::string body = "{\"type\":\"about:blank\",\"title\":\"" + reason + "\",\"status\":" +
                           std::to_string(status) + ",\"detail\":\"" + message + "\",\"error\":\"" + message + "\"}";
  const std::string out = "HTTP/1.1 " + std::to_string(status) + " " + reason +
                          "\r\nServer: cqc-archive\r\nContent-Type: application/problem+json; charset=utf-8"
                          "\r\nCache-Control: no-store\r\nX-Content-Type-Options: nosniff"
                          "\r\nConnection: close\r\nContent-Length: " + std::to_string(body.size()) +
                          "\r\n\r\n" + body;
  (void)::send(fd, out.data(), out.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
  ::shutdown(fd, SHUT_WR);
}

}  // namespace

void Front::Impl::run() {
  epoll_event events[256];
  Clock::time_point next_sweep = Clock::now();
  while (!stopping) {
    const int n = epoll_wait(epfd, events, 256, 100);
    const Clock::time_point now = Clock::now();
    for (int i = 0; i < n; ++i) {
      const int fd = events[i].data.fd;
      if (fd == listen_fd) {
        accept_all(now);
      } else if (fd == wakefd) {
        std::uint64_t count = 0;
        (void)::read(wakefd, &count, sizeof count);
        take_back(now);
      } else {
        on_event(fd, now);
      }
    }
    if (now >= next_sweep) {
      sweep(now);
      next_sweep = now + std::chrono::milliseconds(100);
    }
  }
}

void Front::Impl::accept_all(Clock::time_point now) {
  for (;;) {
    sockaddr_storage addr{};
    socklen_t len = sizeof addr;
    const int fd = accept4(listen_fd, reinterpret_cast<sockaddr*>(&addr), &len, SOCK_NONBLOCK | SOCK_CLOEXEC);
    if (fd < 0) {
      if (errno == EINTR || errno == ECONNABORTED) continue;
      if (errno == EMFILE || errno == ENFILE || errno == ENOBUFS || errno == ENOMEM) {
        // Out of descriptors: stop listening for a moment rather than spin on the backlog.
        epoll_ctl(epfd, EPOLL_CTL_DEL, listen_fd, nullptr);
        listen_paused = true;
        listen_resume = now + std::chrono::milliseconds(100);
      }
      return;
    }
    ++accepted;
    if (conns.size() >= o.max_connections + kHardSlack) {
      ::close(fd);  // far over the limit: not even an answer
      ++refused_total;
      continue;
    }
    const int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    Conn& c = conns[fd];
    c.socket = Poco::Net::StreamSocket(new Poco::Net::StreamSocketImpl(fd));
    c.client = peer_address(addr);
    c.deadline = now + std::chrono::seconds(o.idle_timeout_s);
    const unsigned from_client = ++per_client[c.client];
    c.counted = true;
    watch(fd);
    if (conns.size() > o.max_connections) {
      ++refused_total;
      refuse(fd, c, 503, "too many connections; try again later", now);
    } else if (from_client > o.per_client) {
      ++refused_client;
      refuse(fd, c, 503, "too many connections from your address (at most " + std::to_string(o.per_client) + ")", now);
    }
  }
}

void Front::Impl::on_event(int fd, Clock::time_point now) {
  const auto it = conns.find(fd);
  if (it == conns.end()) return;
  Conn& c = it->second;
  if (c.phase == Phase::closing) return drain(fd, c);
  if (c.phase != Phase::waiting) return;  // a stale event for a connection now on a thread
  const ssize_t r = ::recv(fd, peek.data(), peek.size(), MSG_PEEK | MSG_DONTWAIT);
  if (r == 0) return close_conn(fd);  // the client closed
  if (r < 0) {
    if (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) close_conn(fd);
    return;
  }
  if (!c.got_bytes) {
    // The head's clock starts at its first byte; later bytes never move it.
    c.got_bytes = true;
    c.deadline = now + std::chrono::seconds(o.head_timeout_s);
  }
  const HeadScan scan = scan_head(std::string_view(peek.data(), static_cast<std::size_t>(r)), o.head);
  switch (scan.state) {
    case HeadState::incomplete:
      return;
    case HeadState::complete:
      return dispatch(fd, c, now);
    case HeadState::uri_too_long:
      ++rejected_heads;
      return refuse(fd, c, 414, "request URI longer than " + std::to_string(o.head.max_uri) + " bytes", now);
    case HeadState::head_too_large:
      ++rejected_heads;
      return refuse(fd, c, 431, "request header fields larger than " + std::to_string(o.head.max_head) + " bytes", now);
    case HeadState::malformed:
      ++rejected_heads;
      return refuse(fd, c, 400, "malformed request line", now);
  }
}

void Front::Impl::dispatch(int fd, Conn& c, Clock::time_point now) {
  {
    std::lock_guard<std::mutex> lock(m);
    if (jobs.size() < o.max_queued) {
      epoll_ctl(epfd, EPOLL_CTL_DEL, fd, nullptr);
      c.phase = Phase::in_thread;
      c.deadline = now + std::chrono::seconds(o.response_timeout_s);
      ++requests;
      jobs.push_back({fd, c.socket, o.keep_alive_requests > c.served ? o.keep_alive_requests - c.served : 1u});
      cv.notify_one();
      return;
    }
  }
  ++refused_busy;
  refuse(fd, c, 503, "the server is busy; try again", now);
}

void Front::Impl::take_back(Clock::time_point now) {
  std::deque<Back> done;
  {
    std::lock_guard<std::mutex> lock(m);
    done.swap(back);
  }
  for (const Back& b : done) {
    const auto it = conns.find(b.fd);
    if (it == conns.end()) continue;
    Conn& c = it->second;
    c.served += b.served;
    requests += b.served - 1;  // those served on the thread without coming back
    if (c.cut || stopping) {
      close_conn(b.fd);
      continue;
    }
    if (!b.keep) {
      // The answer is sent; unread bytes (a body no handler read) would reset the connection
      // and could destroy it before the client reads it: end our side, drain theirs a moment.
      ::shutdown(b.fd, SHUT_WR);
      uncount(c);
      c.phase = Phase::closing;
      c.deadline = now + kLinger;
      watch(b.fd);
      drain(b.fd, c);
      continue;
    }
    c.phase = Phase::waiting;
    c.got_bytes = false;
    c.deadline = now + std::chrono::seconds(o.idle_timeout_s);
    watch(b.fd);  // if the next request is here already, adding reports it (edge-triggered too)
  }
}

void Front::Impl::sweep(Clock::time_point now) {
  if (listen_paused && now >= listen_resume) {
    epoll_event ev{};
    ev.events = EPOLLIN;
    ev.data.fd = listen_fd;
    epoll_ctl(epfd, EPOLL_CTL_ADD, listen_fd, &ev);
    listen_paused = false;
  }
  std::vector<int> expired;
  for (auto& [fd, c] : conns) {
    if (now < c.deadline) continue;
    if (c.phase != Phase::in_thread) {
      expired.push_back(fd);
    } else if (!c.cut) {
      // The thread's blocked read or write fails at once; the descriptor stays open (the
      // front holds it) until the thread gives the connection back.
      c.cut = true;
      ++response_timeouts;
      ::shutdown(fd, SHUT_RDWR);
    }
  }
  for (int fd : expired) {
    Conn& c = conns[fd];
    if (c.phase == Phase::waiting && c.got_bytes) {
      ++head_timeouts;
      refuse(fd, c, 408, "request head not received within " + std::to_string(o.head_timeout_s) + " s", now);
    } else {
      close_conn(fd);  // silent past idle_timeout_s, or done lingering
    }
  }
}

void Front::Impl::refuse(int fd, Conn& c, int status, const std::string& message, Clock::time_point now) {
  send_refusal(fd, status, message);
  uncount(c);  // on its way out: it no longer holds one of its client's places
  // Closing with unread bytes would reset the connection and could destroy the answer
  // before the client reads it: drain what the client still sends for a moment first.
  c.phase = Phase::closing;
  c.deadline = now + kLinger;
  drain(fd, c);
}

void Front::Impl::drain(int fd, Conn& c) {
  char buf[16384];
  for (;;) {
    const ssize_t r = ::recv(fd, buf, sizeof buf, MSG_DONTWAIT);
    if (r > 0) {
      c.drained += static_cast<std::size_t>(r);
      if (c.drained <= kMaxDrain) continue;
    } else if (r < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)) {
      return;
    }
    return close_conn(fd);  // end of stream, an error, or too much
  }
}

void Front::Impl::close_conn(int fd) {
  const auto it = conns.find(fd);
  if (it == conns.end()) return;
  if (it->second.phase != Phase::in_thread) epoll_ctl(epfd, EPOLL_CTL_DEL, fd, nullptr);
  uncount(it->second);
  conns.erase(it);  // the front's copy was the last: the descriptor closes here
}

void Front::Impl::uncount(Conn& c) {
  if (!c.counted) return;
  c.counted = false;
  const auto pc = per_client.find(c.client);
  if (pc != per_client.end() && --pc->second == 0) per_client.erase(pc);
}

bool Front::Impl::next_request_ready(int fd, std::vector<char>& buffer) const {
  pollfd p{fd, POLLIN, 0};
  const timespec wait{0, std::chrono::duration_cast<std::chrono::nanoseconds>(kHoldNext).count()};
  if (::ppoll(&p, 1, &wait, nullptr) <= 0) return false;
  buffer.resize(o.head.max_head + 1);
  const ssize_t r = ::recv(fd, buffer.data(), buffer.size(), MSG_PEEK | MSG_DONTWAIT);
  return r > 0 && scan_head(std::string_view(buffer.data(), static_cast<std::size_t>(r)), o.head).state ==
                      HeadState::complete;  // anything else is the front's to judge
}

void Front::Impl::work() {
  std::vector<char> buffer;
  for (;;) {
    Job job;
    {
      std::unique_lock<std::mutex> lock(m);
      cv.wait(lock, [this] { return workers_stop || !jobs.empty(); });
      if (jobs.empty()) return;
      job = std::move(jobs.front());
      jobs.pop_front();
    }
    bool keep = false;
    unsigned served = 0;
    try {
      job.socket->setBlocking(true);
      for (;;) {
        const bool last = served + 1 >= job.left;
        keep = exchange(*job.socket, last);
        ++served;
        if (!keep || last || served >= kInlineRequests || !next_request_ready(job.fd, buffer)) break;
      }
      if (keep) job.socket->setBlocking(false);
    } catch (...) {
      keep = false;
    }
    job.socket.reset();  // the front's copy must be the last when it closes the connection
    {
      std::lock_guard<std::mutex> lock(m);
      back.push_back({job.fd, keep, std::max(served, 1u)});
    }
    const std::uint64_t one = 1;
    (void)::write(wakefd, &one, sizeof one);
  }
}

}  // namespace cqc::search::http
