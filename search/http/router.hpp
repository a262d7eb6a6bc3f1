// Routing and error mapping: a table of (method, path pattern) -> handler, and the one place
// where every exception becomes a JSON error response.
#pragma once
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>

#include <cstddef>
#include <functional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace cqc::search::http {

// A failure to answer with STATUS and a JSON {"error": MESSAGE}; the message is shown to users.
class HttpError : public std::runtime_error {
 public:
  HttpError(int status, const std::string& message) : std::runtime_error(message), status_(status) {}
  int status() const { return status_; }

 private:
  int status_;
};

// One request as handlers see it: the Poco request, its decoded query parameters (in order,
// repeats kept) and the path segments captured by "{}" in the route pattern.
struct Request {
  Poco::Net::HTTPServerRequest& raw;
  std::vector<std::pair<std::string, std::string>> query;
  std::vector<std::string> captures;
  std::vector<std::pair<std::string, std::string>> form;  // POST: the decoded form body
};

using Response = Poco::Net::HTTPServerResponse;
using Handler = std::function<void(const Request&, Response&)>;

// Limits checked before any handler runs.
struct RequestLimits {
  std::size_t max_uri = 8192;      // longer request targets answer 414
  std::size_t max_body = 65536;    // larger declared bodies answer 413
};

class Router {
 public:
  // Adds a GET (and HEAD) route. PATTERN is a path whose "{}" segments match one segment each.
  void get(const std::string& pattern, Handler handler);
  // Adds a POST route: the body must be a form (application/x-www-form-urlencoded), and a
  // request whose Origin header names another site is refused (403).
  void post(const std::string& pattern, Handler handler);
  // The handler for METHOD (GET for HEAD) on PATH and its captures; throws HttpError 404 when
  // no route has PATH, 405 (with the Allow header's value in the message) when none has METHOD.
  // PATTERN, when given, receives the matched route's pattern ("/documents/{}").
  std::pair<const Handler*, std::vector<std::string>> match(const std::string& method, const std::string& path,
                                                            std::string* pattern = nullptr) const;
  // Every route as (method, pattern), in the order added.
  std::vector<std::pair<std::string, std::string>> routes() const {
    std::vector<std::pair<std::string, std::string>> out;
    for (const Route& r : routes_) out.emplace_back(r.method, r.pattern);
    return out;
  }
  // The methods PATH answers ("GET, HEAD" or "GET, HEAD, POST"), "" when none.
  std::string allowed(const std::string& path) const;

 private:
  struct Route {
    std::string method;  // GET or POST
    std::vector<std::string> segments;
    Handler handler;
    std::string pattern;
  };
  std::vector<Route> routes_;
};

// What the dispatcher reports each request to: the metrics (when not null) and the access log.
struct Observers {
  class Metrics* metrics = nullptr;
  struct AccessLog* log = nullptr;
};

// Poco's factory: checks limits and method, dispatches through ROUTER, maps exceptions to
// JSON errors (HttpError as given, core::UsageError 400, no index 503, anything else 500
// with the detail logged to stderr only).
Poco::Net::HTTPRequestHandlerFactory* make_dispatcher(const Router& router, RequestLimits limits,
                                                      Observers observers = {});

// Sends BODY as JSON with STATUS (no caching, nosniff).
void send_json(Response& response, const std::string& body, int status = 200);

// Sends an RFC 9457 problem (application/problem+json): {"type":"about:blank","title": the
// reason phrase, "status", "detail": MESSAGE, "error": MESSAGE} with STATUS.
void send_error(Response& response, int status, const std::string& message);

// Headers every response carries (nosniff, referrer policy).
void set_common_headers(Response& response);

}  // namespace cqc::search::http
