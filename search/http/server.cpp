#include "search/http/server.hpp"

#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/ThreadPool.h>
#include <pthread.h>
#include <signal.h>

#include <csignal>
#include <ostream>

#include "core/error.hpp"
#include "search/http/readers.hpp"
#include "search/http/router.hpp"
#include "search/http/routes.hpp"

namespace cqc::search::http {

struct Server::Impl {
  ReaderPool pool;
  Router router;
  Poco::ThreadPool threads;
  std::unique_ptr<Poco::Net::HTTPServer> server;
  std::string host;
  unsigned port = 0;
  bool running = false;

  Impl(const std::string& data_dir, unsigned nthreads)
      : pool(data_dir), threads(1, static_cast<int>(nthreads) + 1, 60) {}
};

Server::Server(const std::string& data_dir, const ServerOptions& o) {
  if (o.threads == 0) throw core::UsageError("--threads must be at least 1");
  impl_ = std::make_unique<Impl>(data_dir, o.threads);
  register_routes(impl_->router, impl_->pool);
  Poco::Net::ServerSocket socket;
  try {
    // SO_REUSEADDR (a restart need not wait for TIME_WAIT) but not SO_REUSEPORT, with which a
    // second server on the same port would start silently and share the requests.
    socket.bind(Poco::Net::SocketAddress(o.bind, static_cast<Poco::UInt16>(o.port)), true, false);
    socket.listen(static_cast<int>(o.max_queued));
  } catch (const Poco::Exception& e) {
    throw core::Fatal("cannot listen on " + o.bind + ":" + std::to_string(o.port) + ": " + e.displayText());
  }
  impl_->host = o.bind;
  impl_->port = socket.address().port();

  auto* params = new Poco::Net::HTTPServerParams;
  params->setMaxThreads(static_cast<int>(o.threads));
  params->setMaxQueued(static_cast<int>(o.max_queued));
  params->setTimeout(Poco::Timespan(static_cast<long>(o.timeout_s), 0));
  params->setKeepAlive(true);
  params->setMaxKeepAliveRequests(static_cast<int>(o.keep_alive_requests));
  params->setKeepAliveTimeout(Poco::Timespan(static_cast<long>(o.keep_alive_timeout_s), 0));
  params->setServerName("cqc-archive");
  RequestLimits limits{o.max_uri, o.max_body};
  impl_->server = std::make_unique<Poco::Net::HTTPServer>(make_dispatcher(impl_->router, limits),
                                                          impl_->threads, socket, params);
}

Server::~Server() { stop(); }

void Server::start() {
  if (impl_->running) return;
  impl_->server->start();
  impl_->running = true;
}

void Server::stop() {
  if (!impl_ || !impl_->running) return;
  // Not stopAll(): Poco fires its serverStopped event at connections that may be ending at
  // that moment (a use-after-free seen under load). stop() closes the listening socket; open
  // connections finish their request (an idle keep-alive one within keep_alive_timeout_s).
  impl_->server->stop();
  impl_->threads.joinAll();
  impl_->running = false;
}

unsigned Server::port() const { return impl_->port; }

std::string Server::url() const {
  const bool v6 = impl_->host.find(':') != std::string::npos;
  return "http://" + (v6 ? "[" + impl_->host + "]" : impl_->host) + ":" + std::to_string(impl_->port) + "/";
}

int serve(const std::string& data_dir, const ServerOptions& options, std::ostream& out) {
  // Block the signals before any thread starts, so every thread inherits the mask and the
  // main thread alone receives them through sigwait.
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  std::signal(SIGPIPE, SIG_IGN);  // a client that hangs up mid-answer must not end the server
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
