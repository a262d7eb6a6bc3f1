// The front's life cycle: start, stop, counters (the loops are in front_loop.cpp).
#include "search/http/front.hpp"

#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include "core/error.hpp"
#include "search/http/front_impl.hpp"

namespace cqc::search::http {

Front::Front(Poco::Net::ServerSocket listener, const FrontOptions& options, ExchangeFn exchange)
    : impl_(std::make_unique<Impl>()) {
  if (options.threads == 0) throw core::UsageError("--threads must be at least 1");
  impl_->o = options;
  impl_->exchange = std::move(exchange);
  impl_->listener = std::move(listener);
  impl_->listen_fd = impl_->listener.impl()->sockfd();
  impl_->peek.resize(options.head.max_head + 1);
}

Front::~Front() { stop(); }

void Front::start() {
  Impl& s = *impl_;
  if (s.started) return;
  s.epfd = epoll_create1(EPOLL_CLOEXEC);
  s.wakefd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
  if (s.epfd < 0 || s.wakefd < 0) throw core::Fatal("cannot start the server: epoll/eventfd failed");
  s.listener.setBlocking(false);
  epoll_event ev{};
  ev.events = EPOLLIN;
  ev.data.fd = s.listen_fd;
  epoll_ctl(s.epfd, EPOLL_CTL_ADD, s.listen_fd, &ev);
  ev.data.fd = s.wakefd;
  epoll_ctl(s.epfd, EPOLL_CTL_ADD, s.wakefd, &ev);
  s.started = true;
  for (unsigned i = 0; i < s.o.threads; ++i) s.workers.emplace_back([&s] { s.work(); });
  s.loop = std::thread([&s] { s.run(); });
}

void Front::stop() {
  if (!impl_) return;
  Impl& s = *impl_;
  if (!s.started || s.stopping.exchange(true)) return;
  const std::uint64_t one = 1;
  (void)::write(s.wakefd, &one, sizeof one);
  s.loop.join();  // no more accepting or dispatching
  {
    std::lock_guard<std::mutex> lock(s.m);
    s.workers_stop = true;
  }
  s.cv.notify_all();
  for (auto& t : s.workers) t.join();  // requests already whole are answered first
  s.conns.clear();
  s.per_client.clear();
  s.listener.close();
  ::close(s.epfd);
  ::close(s.wakefd);
}

FrontCounters Front::counters() const {
  const Impl& s = *impl_;
  FrontCounters c;
  c.accepted = s.accepted;
  c.requests = s.requests;
  c.refused_client = s.refused_client;
  c.refused_total = s.refused_total;
  c.refused_busy = s.refused_busy;
  c.head_timeouts = s.head_timeouts;
  c.response_timeouts = s.response_timeouts;
  c.rejected_heads = s.rejected_heads;
  return c;
}

}  // namespace cqc::search::http
