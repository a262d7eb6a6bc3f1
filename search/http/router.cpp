#include "search/http/router.hpp"

#include "search/http/conditional.hpp"
#include "search/http/metrics.hpp"

#include "search/http/readers.hpp"

#include <Poco/JSON/Object.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/URI.h>
#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <iostream>
#include <optional>
#include <sstream>
#include <thread>

#include "core/error.hpp"
#include "core/text.hpp"

namespace cqc::search::http {
namespace {

std::vector<std::string> split_path(const std::string& path) {
  std::vector<std::string> out;
  for (const auto& s : core::split(path, '/'))
    if (!s.empty()) out.emplace_back(s);
  return out;
}

// Decodes an application/x-www-form-urlencoded query: '+' is a space, %XX a byte.
std::vector<std::pair<std::string, std::string>> parse_query(const std::string& raw) {
  std::vector<std::pair<std::string, std::string>> out;
  for (auto piece : core::split(raw, '&')) {
    std::string part(piece);
    if (part.empty()) continue;
    for (char& c : part)
      if (c == '+') c = ' ';
    const auto eq = part.find('=');
    std::string name, value;
    try {
      Poco::URI::decode(part.substr(0, eq), name);
      if (eq != std::string::npos) Poco::URI::decode(part.substr(eq + 1), value);
    } catch (const Poco::Exception&) {
      throw HttpError(400, "malformed percent-encoding in the query string");
    }
    if (!core::valid_utf8(name) || !core::valid_utf8(value))
      throw HttpError(400, "query parameters must be UTF-8");
    out.emplace_back(std::move(name), std::move(value));
  }
  return out;
}

// The body of a POST as form fields; 400 unless it is a form of known length, 403 when the
// browser says it comes from another site (a page elsewhere posting to this server).
std::vector<std::pair<std::string, std::string>> read_form(Poco::Net::HTTPServerRequest& req) {
  const std::string origin = req.get("Origin", "");
  if (!origin.empty() && origin != "null") {
    std::string host;
    try {
      host = Poco::URI(origin).getAuthority();
    } catch (const Poco::Exception&) {
    }
    if (host != req.getHost()) throw HttpError(403, "a form from another site (" + origin.substr(0, 80) + ") is refused");
  }
  const std::string type = req.getContentType();
  if (type.rfind("application/x-www-form-urlencoded", 0) != 0)
    throw HttpError(400, "the body must be a form (application/x-www-form-urlencoded)");
  if (!req.hasContentLength()) throw HttpError(411, "a form needs a Content-Length");
  std::string body(static_cast<std::size_t>(req.getContentLength64()), '\0');
  req.stream().read(body.data(), static_cast<std::streamsize>(body.size()));
  if (static_cast<std::size_t>(req.stream().gcount()) != body.size()) throw HttpError(400, "the form body was cut short");
  return parse_query(body);
}

class Dispatch : public Poco::Net::HTTPRequestHandler {
 public:
  Dispatch(const Router& router, RequestLimits limits, Observers observers)
      : router_(router), limits_(limits), observers_(observers) {}

  void handleRequest(Poco::Net::HTTPServerRequest& req, Response& resp) override {
    const auto start = std::chrono::steady_clock::now();
    answer(req, resp);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const int status = static_cast<int>(resp.getStatus());
    if (observers_.metrics) observers_.metrics->record(route_, status, seconds);
    if (observers_.log) {
      const long long bytes = resp.hasContentLength() ? static_cast<long long>(resp.getContentLength64()) : -1;
      write_access_line(*observers_.log, req.clientAddress().host().toString(), req.getMethod(), req.getURI(), status,
                        bytes, seconds);
    }
  }

 private:
  void answer(Poco::Net::HTTPServerRequest& req, Response& resp) {
    try {
      // A commit can discard the revision a handler reads at any step (even while a reader
      // is reopened). Until the answer has started, the whole request is simply run again.
      for (int attempt = 0;; ++attempt) {
        try {
          route(req, resp);
          break;
        } catch (const Xapian::DatabaseModifiedError&) {
          if (resp.sent() || attempt >= kMaxRetries) throw;
          std::this_thread::sleep_for(std::chrono::milliseconds(std::min(attempt, 10)));
        }
      }
    } catch (const HttpError& e) {
      fail(resp, e.status(), e.what());
    } catch (const core::UsageError& e) {
      fail(resp, 400, e.what());  // bad query, filter, date, over-broad wildcard, too long
    } catch (const ShardUnavailable& e) {
      std::cerr << "serve: " << req.getURI() << ": " << e.what() << '\n';
      fail(resp, 503, e.what());  // a remote shard is down (named), and partial answers not allowed
    } catch (const core::Fatal&) {
      fail(resp, 503, "the index is not available yet (run 'cqc-archive index')");
    } catch (const Xapian::DatabaseOpeningError&) {
      fail(resp, 503, "the index is not available yet (run 'cqc-archive index')");
    } catch (const Xapian::Error& e) {
      std::cerr << "serve: " << req.getURI() << ": " << e.get_description() << '\n';
      fail(resp, 503, "the index is busy; try again");
    } catch (const std::exception& e) {
      std::cerr << "serve: " << req.getURI() << ": " << e.what() << '\n';
      fail(resp, 500, "internal error");
    }
  }

  void route(Poco::Net::HTTPServerRequest& req, Response& resp) {
    set_common_headers(resp);
    RequestTraits& traits = request_traits();  // this request's, before anything can answer
    traits.gzip = accepts_coding(req.get("Accept-Encoding", ""), "gzip");
    traits.if_none_match = req.get("If-None-Match", "");
    if (req.getURI().size() > limits_.max_uri)
      throw HttpError(414, "request URI longer than " + std::to_string(limits_.max_uri) + " bytes");
    if (req.hasContentLength() && req.getContentLength64() > static_cast<Poco::Int64>(limits_.max_body))
      throw HttpError(413, "request body larger than " + std::to_string(limits_.max_body) + " bytes");
    if (req.getChunkedTransferEncoding()) throw HttpError(413, "chunked request bodies are not accepted");
    const std::string& uri = req.getURI();
    const auto q = uri.find('?');
    std::string path;
    try {
      Poco::URI::decode(uri.substr(0, q), path);
    } catch (const Poco::Exception&) {
      throw HttpError(400, "malformed request path");
    }
    const std::string method = req.getMethod() == "HEAD" ? "GET" : req.getMethod();
    if (method != "GET" && method != "POST") {
      const std::string allow = router_.allowed(path);
      resp.set("Allow", allow.empty() ? "GET, HEAD" : allow);
      throw HttpError(405, "method " + req.getMethod() + " is not allowed (use GET)");
    }
    std::pair<const Handler*, std::vector<std::string>> found;
    try {
      found = router_.match(method, path, &route_);
    } catch (const HttpError& e) {
      if (e.status() == 405) resp.set("Allow", router_.allowed(path));
      throw;
    }
    // The JSON API is public, read-only data: any site's page may read it (docs/api.md, CORS).
    if (path.rfind("/api/", 0) == 0 && method == "GET") resp.set("Access-Control-Allow-Origin", "*");
    Request r{req, q == std::string::npos ? decltype(Request::query){} : parse_query(uri.substr(q + 1)),
              std::move(found.second), {}};
    if (method == "POST") {
      if (!form_) form_ = read_form(req);  // once: a rerun after a commit finds the body read
      r.form = *form_;
    }
    (*found.first)(r, resp);
  }

  static void fail(Response& resp, int status, const std::string& message) {
    if (resp.sent()) return;  // a streamed body already started: the connection just ends
    send_error(resp, status, message);
  }

  const Router& router_;
  RequestLimits limits_;
  Observers observers_;
  std::string route_ = "(none)";  // the matched route's pattern, for the metrics
  std::optional<std::vector<std::pair<std::string, std::string>>> form_;  // a POST's body, read once
};

class Factory : public Poco::Net::HTTPRequestHandlerFactory {
 public:
  Factory(const Router& router, RequestLimits limits, Observers observers)
      : router_(router), limits_(limits), observers_(observers) {}
  Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest&) override {
    return new Dispatch(router_, limits_, observers_);
  }

 private:
  const Router& router_;
  RequestLimits limits_;
  Observers observers_;
};

}  // namespace

void Router::get(const std::string& pattern, Handler handler) {
  routes_.push_back({"GET", split_path(pattern), std::move(handler), pattern});
}

void Router::post(const std::string& pattern, Handler handler) {
  routes_.push_back({"POST", split_path(pattern), std::move(handler), pattern});
}

namespace {

// Whether SEGMENTS fit PATTERN, adding the "{}" segments to CAPTURES.
bool fits(const std::vector<std::string>& pattern, const std::vector<std::string>& segments,
          std::vector<std::string>& captures) {
  if (pattern.size() != segments.size()) return false;
  for (size_t i = 0; i < segments.size(); ++i) {
    if (pattern[i] == "{}")
      captures.push_back(segments[i]);
    else if (pattern[i] != segments[i])
      return false;
  }
  return true;
}

}  // namespace

std::pair<const Handler*, std::vector<std::string>> Router::match(const std::string& method, const std::string& path,
                                                                  std::string* pattern) const {
  const auto segments = split_path(path);
  bool other_method = false;
  for (const Route& r : routes_) {
    std::vector<std::string> captures;
    if (!fits(r.segments, segments, captures)) continue;
    if (r.method == method) {
      if (pattern) *pattern = r.pattern;
      return {&r.handler, std::move(captures)};
    }
    other_method = true;
  }
  if (other_method) throw HttpError(405, "method " + method + " is not allowed here (" + allowed(path) + ")");
  throw HttpError(404, "no such page or API endpoint");
}

std::string Router::allowed(const std::string& path) const {
  const auto segments = split_path(path);
  bool get = false, post = false;
  for (const Route& r : routes_) {
    std::vector<std::string> captures;
    if (!fits(r.segments, segments, captures)) continue;
    (r.method == "GET" ? get : post) = true;
  }
  return std::string(get ? "GET, HEAD" : "") + (get && post ? ", " : "") + (post ? "POST" : "");
}

Poco::Net::HTTPRequestHandlerFactory* make_dispatcher(const Router& router, RequestLimits limits, Observers observers) {
  return new Factory(router, limits, observers);
}

void set_common_headers(Response& resp) {
  resp.set("X-Content-Type-Options", "nosniff");
  resp.set("Referrer-Policy", "no-referrer");
}

void send_json(Response& resp, const std::string& body, int status) {
  // Revalidated on every use: the ETag answers 304 while the index gives the same answer.
  resp.set("Cache-Control", "no-cache");
  send_body(resp, body, "application/json; charset=utf-8", status);  // "404 Not Found", not "404 OK"
}

void send_error(Response& resp, int status, const std::string& message) {
  Poco::JSON::Object o(Poco::JSON_PRESERVE_KEY_ORDER);
  o.set("type", "about:blank");
  o.set("title", Poco::Net::HTTPResponse::getReasonForStatus(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(status)));
  o.set("status", status);
  o.set("detail", message);
  o.set("error", message);  // the field this API has always had
  std::ostringstream out;
  o.stringify(out);
  const std::string body = out.str();
  resp.setStatusAndReason(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(status));
  resp.setContentType("application/problem+json; charset=utf-8");
  resp.set("Cache-Control", "no-store");
  resp.sendBuffer(body.data(), body.size());
}

}  // namespace cqc::search::http
