// Test helpers: a sample archive + index built with the real binary, a server on a free
// loopback port, and a small HTTP client (Poco::Net::HTTPClientSession).
#pragma once
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>

#include <memory>
#include <string>

#include "run_cli.hpp"
#include "search/http/server.hpp"

namespace cqc::test {

struct Reply {
  int status = 0;
  std::string body;
  Poco::Net::HTTPResponse head;
  // The body parsed as a JSON object.
  Poco::JSON::Object::Ptr json() const {
    Poco::JSON::Parser p;
    return p.parse(body).extract<Poco::JSON::Object::Ptr>();
  }
};

// Sends METHOD TARGET to 127.0.0.1:PORT (a new connection) and reads the whole reply.
// HEADERS are added to the request.
inline Reply http(unsigned port, const std::string& target, const std::string& method = "GET",
                  const std::string& body = "", long declared_length = -1,
                  const std::vector<std::pair<std::string, std::string>>& headers = {}) {
  Poco::Net::HTTPClientSession session("127.0.0.1", static_cast<Poco::UInt16>(port));
  session.setTimeout(Poco::Timespan(30, 0));
  Poco::Net::HTTPRequest req(method, target, Poco::Net::HTTPMessage::HTTP_1_1);
  for (const auto& [name, value] : headers) req.set(name, value);
  if (declared_length >= 0) req.setContentLength(declared_length);
  else if (!body.empty()) req.setContentLength(static_cast<long>(body.size()));
  session.sendRequest(req) << body;
  Reply r;
  std::istream& in = session.receiveResponse(r.head);
  Poco::StreamCopier::copyToString(in, r.body);
  r.status = static_cast<int>(r.head.getStatus());
  return r;
}

// A data folder with the sample corpus imported and indexed (by the real binary).
inline void build_sample(const TempDir& tmp, const std::string& data) {
  auto imp = run_cli(tmp, data, {"import", "--base-url", "https://sample.cqc-archive.test/", CQC_SAMPLE_DIR});
  if (imp.code != 0) throw std::runtime_error("import failed: " + imp.err);
  auto idx = run_cli(tmp, data, {"index"});
  if (idx.code != 0) throw std::runtime_error("index failed: " + idx.err);
}

// How many times NEEDLE occurs in TEXT.
inline std::size_t count_of(const std::string& text, const std::string& needle) {
  std::size_t n = 0;
  for (size_t p = text.find(needle); p != std::string::npos; p = text.find(needle, p + 1)) ++n;
  return n;
}

// One sample data folder and one server on a free port, shared by the read-only tests.
struct SampleServer {
  TempDir tmp;
  std::string data = tmp / "data";
  std::unique_ptr<search::http::Server> server;
  SampleServer() {
    build_sample(tmp, data);
    search::http::ServerOptions o;
    o.port = 0;
    o.front.threads = 4;
    server = std::make_unique<search::http::Server>(data, o);
    server->start();
  }
  unsigned port() const { return server->port(); }
  static SampleServer& get() {
    static SampleServer s;
    return s;
  }
};

}  // namespace cqc::test
