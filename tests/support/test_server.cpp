// TestServer and its shared State: the Poco server, the document store, the request log.
#include "tests/support/test_server.hpp"

#include <Poco/Exception.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/StreamSocket.h>

#include <algorithm>
#include <cctype>
#include <csignal>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <utility>

#include "tests/support/server_state.hpp"

namespace cqc::test {

bool CaseInsensitiveLess::operator()(const std::string& a, const std::string& b) const {
  return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
    return std::tolower(static_cast<unsigned char>(x)) <
           std::tolower(static_cast<unsigned char>(y));
  });
}

namespace detail {
namespace {

// Counts requests in flight and remembers the highest count.
class ActiveGuard {
 public:
  explicit ActiveGuard(State& state) : state_(state) {
    int now = ++state_.active;
    int seen = state_.max_active.load();
    while (now > seen && !state_.max_active.compare_exchange_weak(seen, now)) {
    }
  }
  ~ActiveGuard() { --state_.active; }
  ActiveGuard(const ActiveGuard&) = delete;
  ActiveGuard& operator=(const ActiveGuard&) = delete;

 private:
  State& state_;
};

const char* const kNotFound =
    "<!DOCTYPE html><html lang=\"en\"><head><title>Page not found</title></head>"
    "<body><h1>Page not found</h1><p>The page you were looking for does not "
    "exist.</p></body></html>\n";

void dispatch(Exchange& ex) {
  const std::string& method = ex.request.getMethod();
  if (method != "GET" && method != "HEAD") {
    ex.response.set("Allow", "GET, HEAD");
    ex.send(405, "text/plain; charset=utf-8", "Method Not Allowed\n");
    return;
  }
  if (ex.path == "/robots.txt" && !ex.state.options.robots_location.empty()) {
    ex.redirect(302, ex.state.options.robots_location);
    return;
  }
  if (ex.path == "/robots-moved.txt") {  // where a redirected robots.txt may point
    ex.send(200, "text/plain; charset=utf-8", "User-agent: *\nDisallow: /docs/\n");
    return;
  }
  if (serve_api(ex) || serve_document(ex) || serve_bench(ex) || serve_behaviour(ex)) return;
  ex.send(404, "text/html; charset=utf-8", kNotFound);
}

class Handler : public Poco::Net::HTTPRequestHandler {
 public:
  explicit Handler(State& state) : state_(state) {}
  void handleRequest(Poco::Net::HTTPServerRequest& request,
                     Poco::Net::HTTPServerResponse& response) override {
    ActiveGuard guard(state_);
    Exchange ex(state_, request, response, state_.log_request(request));
    try {
      if (state_.options.response_delay.count() > 0 && !ex.wait(state_.options.response_delay)) {
        return;  // stopping, or the client hung up
      }
      dispatch(ex);
    } catch (const Poco::Exception&) {
      // The client went away or the server is stopping; nothing to answer.
    } catch (const std::exception&) {
      try {
        if (!ex.sent()) ex.send(500, "text/plain; charset=utf-8", "Internal Server Error\n");
      } catch (...) {
      }
    }
  }

 private:
  State& state_;
};

class Factory : public Poco::Net::HTTPRequestHandlerFactory {
 public:
  explicit Factory(State& state) : state_(state) {}
  Poco::Net::HTTPRequestHandler* createRequestHandler(
      const Poco::Net::HTTPServerRequest&) override {
    return new Handler(state_);
  }

 private:
  State& state_;
};

}  // namespace

State::State(std::string docs_dir_in, TestServerOptions options_in)
    : options(std::move(options_in)), docs_dir(std::move(docs_dir_in)) {}

State::~State() { stop(); }

void State::start() {
  // A client that hangs up mid-body must not kill the test process.
  static std::once_flag ignore_sigpipe;
  std::call_once(ignore_sigpipe, [] {
    struct sigaction old {};
    if (sigaction(SIGPIPE, nullptr, &old) == 0 && old.sa_handler == SIG_DFL) {
      std::signal(SIGPIPE, SIG_IGN);
    }
  });

  Poco::Net::ServerSocket socket;
  // SO_REUSEADDR (restart right after a stop) but not SO_REUSEPORT (a taken port must fail).
  socket.bind(Poco::Net::SocketAddress("127.0.0.1", static_cast<Poco::UInt16>(options.port)), true,
              false);
  socket.listen(128);
  port = socket.address().port();
  base = "http://127.0.0.1:" + std::to_string(port);
  if (options.other_port == 0) options.other_port = port + 1;
  if (options.threads < 1) options.threads = 1;

  load_documents(*this);
  rebuild_indexes();

  auto* params = new Poco::Net::HTTPServerParams;
  params->setMaxThreads(options.threads);
  params->setMaxQueued(1024);
  params->setKeepAlive(true);
  params->setKeepAliveTimeout(Poco::Timespan(5, 0));
  params->setMaxKeepAliveRequests(0);  // unlimited
  params->setTimeout(Poco::Timespan(15, 0));
  params->setSoftwareVersion("cqc-test-server/1.0");
  pool_ = std::make_unique<Poco::ThreadPool>(1, options.threads, 60);
  server_ = std::make_unique<Poco::Net::HTTPServer>(new Factory(*this), *pool_, socket, params);
  server_->start();
}

void State::stop() {
  {
    std::lock_guard<std::mutex> lock(stop_mutex_);
    if (stopping_.exchange(true)) return;
  }
  stop_cv_.notify_all();
  if (server_) {
    // Poco's acceptor thread polls every 250 ms; connecting wakes it so stop() returns at once.
    std::atomic<bool> stopped{false};
    std::thread waker([this, &stopped] {
      while (!stopped) {
        try {
          Poco::Net::StreamSocket poke;
          poke.connect(Poco::Net::SocketAddress("127.0.0.1", static_cast<Poco::UInt16>(port)),
                       Poco::Timespan(0, 100000));
        } catch (const Poco::Exception&) {
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
      }
    });
    server_->stopAll(true);
    stopped = true;
    waker.join();
  }
  if (pool_) pool_->joinAll();
  server_.reset();
  pool_.reset();
}

bool State::sleep_for(std::chrono::milliseconds duration) {
  std::unique_lock<std::mutex> lock(stop_mutex_);
  return !stop_cv_.wait_for(lock, duration, [this] { return stopping_.load(); });
}

}  // namespace detail

TestServer::TestServer(std::string docs_dir, TestServerOptions options)
    : state_(std::make_unique<detail::State>(std::move(docs_dir), std::move(options))) {
  state_->start();
}

TestServer::~TestServer() { state_->stop(); }

int TestServer::port() const { return state_->port; }

std::string TestServer::base_url() const { return state_->base; }

std::string TestServer::url(const std::string& path) const { return state_->base + path; }

std::string TestServer::api_url(const std::string& path) const {
  return state_->base + "/public/v1" + path;
}

const TestServerOptions& TestServer::options() const { return state_->options; }

void TestServer::set_document(const std::string& path, std::string body, std::string content_type) {
  if (path.empty() || path[0] != '/')
    throw std::invalid_argument("document path must start with /");
  state_->put_document(path, std::move(body), std::move(content_type));
  if (path.rfind("/docs/", 0) == 0) state_->rebuild_indexes();
}

void TestServer::set_status(const std::string& path, int status, std::string location) {
  state_->put_status(path, status, std::move(location));
  if (path.rfind("/docs/", 0) == 0) state_->rebuild_indexes();
}

bool TestServer::remove_document(const std::string& path) {
  bool removed = state_->remove_document(path);
  if (removed && path.rfind("/docs/", 0) == 0) state_->rebuild_indexes();
  return removed;
}

std::vector<std::string> TestServer::document_paths() const {
  return state_->paths_with_prefix("/docs/");
}

std::string TestServer::document_body(const std::string& path) const {
  auto doc = state_->find_document(path);
  return doc ? doc->body : std::string();
}

std::string TestServer::document_etag(const std::string& path) const {
  auto doc = state_->find_document(path);
  return doc ? doc->etag : std::string();
}

std::vector<RequestLog> TestServer::requests() const { return state_->log_copy(); }

std::size_t TestServer::count(const std::string& path) const {
  auto log = state_->log_copy();
  return static_cast<std::size_t>(
      std::count_if(log.begin(), log.end(), [&](const RequestLog& r) { return r.path == path; }));
}

void TestServer::clear_log() { state_->clear_log(); }

int TestServer::max_concurrent() const { return state_->max_active.load(); }

void TestServer::reset_counters() {
  state_->rate_limited_hits = 0;
  state_->flaky_hits = 0;
}

}  // namespace cqc::test
