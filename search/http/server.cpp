#include "search/http/server.hpp"

#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/ServerSocket.h>
#include <pthread.h>
#include <signal.h>

#include <csignal>
#include <iostream>
#include <mutex>
#include <ostream>

#include "core/error.hpp"
#include "search/http/exchange.hpp"
#include "search/http/handlers.hpp"
#include "search/http/metrics.hpp"
#include "search/http/readers.hpp"
#include "search/http/router.hpp"
#include "search/http/routes.hpp"

namespace cqc::search::http {

struct Server::Impl {
  ReaderPool pool;
  Router router;
  Metrics metrics;
  std::mutex log_mutex;
  AccessLog log;
  std::unique_ptr<Poco::Net::HTTPRequestHandlerFactory> dispatcher;
  Poco::Net::HTTPServerParams::Ptr params;
  std::unique_ptr<Front> front;
  std::string host;
  unsigned port = 0;
  bool running = false;

  Impl(const std::string& data_dir, const ServerOptions& o) : pool(data_dir, o.program, o.index) {}
};

Server::Server(const std::string& data_dir, const ServerOptions& o) {
  if (o.front.threads == 0) throw core::UsageError("--threads must be at least 1");
  impl_ = std::make_unique<Impl>(data_dir, o);
  {
    Impl* s = impl_.get();
    register_routes(impl_->router, impl_->pool, impl_->metrics,
                    [s] { return s->front ? s->front->counters() : FrontCounters{}; });
  }
  if (o.access_log) impl_->log = AccessLog{o.log ? o.log : &std::cerr, o.log_json, &impl_->log_mutex};
  Poco::Net::ServerSocket socket;
  try {
    // SO_REUSEADDR (a restart need not wait for TIME_WAIT) but not SO_REUSEPORT, with which a
    // second server on the same port would start silently and share the requests.
    socket.bind(Poco::Net::SocketAddress(o.bind, static_cast<Poco::UInt16>(o.port)), true, false);
    socket.listen(static_cast<int>(std::max(o.front.max_queued, 128u)));
  } catch (const Poco::Exception& e) {
    throw core::Fatal("cannot listen on " + o.bind + ":" + std::to_string(o.port) + ": " + e.displayText());
  }
  impl_->host = o.bind;
  impl_->port = socket.address().port();

  // Read by Poco's message classes on the request threads (keep-alive itself is the front's).
  impl_->params = new Poco::Net::HTTPServerParams;
  impl_->params->setTimeout(Poco::Timespan(static_cast<long>(o.io_timeout_s), 0));
  impl_->params->setKeepAlive(true);
  impl_->params->setServerName("cqc-archive");
  impl_->dispatcher.reset(make_dispatcher(impl_->router, RequestLimits{o.front.head.max_uri, o.max_body},
                                          Observers{&impl_->metrics, o.access_log ? &impl_->log : nullptr}));
  Impl* s = impl_.get();
  impl_->front = std::make_unique<Front>(socket, o.front, [s](Poco::Net::StreamSocket& conn, bool last) {
    return serve_exchange(conn, s->params, *s->dispatcher, last);
  });
}

Server::~Server() { stop(); }

void Server::start() {
  if (impl_->running) return;
  std::signal(SIGPIPE, SIG_IGN);
  impl_->front->start();
  impl_->running = true;
}

void Server::stop() {
  if (!impl_ || !impl_->running) return;
  impl_->front->stop();
  impl_->running = false;
}

unsigned Server::port() const { return impl_->port; }

std::string Server::url() const {
  const bool v6 = impl_->host.find(':') != std::string::npos;
  return "http://" + (v6 ? "[" + impl_->host + "]" : impl_->host) + ":" + std::to_string(impl_->port) + "/";
}

FrontCounters Server::counters() const { return impl_->front->counters(); }

int serve(const std::string& data_dir, const ServerOptions& options, std::ostream& out) {
  // Block the signals before any thread starts, so every thread inherits the mask and the
  // main thread alone receives them through sigwait.
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  Server server(data_dir, options);
  server.start();
  out << "serving " << server.url() << std::endl;
  int sig = 0;
  sigwait(&set, &sig);
  out << "stopping (signal " << sig << ")" << std::endl;
  server.stop();
  return 0;
}

}  // namespace cqc::search::http
