// HTTP conventions (issue 13): validators and 304, gzip, paging links, CORS on the API.
#include <doctest/doctest.h>

#include <Poco/InflatingStream.h>
#include <Poco/JSON/Parser.h>
#include <Poco/StreamCopier.h>

#include <regex>
#include <sstream>

#include "http_client.hpp"

using cqc::test::http;
using cqc::test::SampleServer;

namespace {

std::string gunzip(const std::string& bytes) {
  std::istringstream in(bytes);
  Poco::InflatingInputStream inflate(in, Poco::InflatingStreamBuf::STREAM_GZIP);
  std::string out;
  Poco::StreamCopier::copyToString(inflate, out);
  return out;
}

}  // namespace

TEST_CASE("answers carry validators; a matching If-None-Match gets 304 with no body") {
  const unsigned port = SampleServer::get().port();
  for (const char* target : {"/api/search?q=seclusion", "/?q=seclusion", "/style.css", "/app.js"}) {
    CAPTURE(target);
    auto first = http(port, target);
    REQUIRE(first.status == 200);
    const std::string etag = first.head.get("ETag", "");
    REQUIRE(!etag.empty());
    auto again = http(port, target, "GET", "", -1, {{"If-None-Match", etag}});
    CHECK(again.status == 304);
    CHECK(again.body.empty());
    CHECK(http(port, target, "GET", "", -1, {{"If-None-Match", "\"something-else\""}}).status == 200);
  }
  // An original: its digest is a strong validator, with the capture time as Last-Modified.
  auto hit = http(port, "/api/search?q=seclusion&kind=report&per_page=1").json()->getArray("hits")->getObject(0);
  const std::string original = "/documents/" + hit->getValue<std::string>("id") + "/original";
  auto pdf = http(port, original);
  REQUIRE(pdf.status == 200);
  const std::string etag = pdf.head.get("ETag", "");
  CHECK(etag.rfind("\"", 0) == 0);  // strong
  CHECK(!pdf.head.get("Last-Modified", "").empty());
  CHECK(http(port, original, "GET", "", -1, {{"If-None-Match", etag}}).status == 304);
}

TEST_CASE("gzip for clients that take it, the same bytes once inflated") {
  const unsigned port = SampleServer::get().port();
  for (const char* target : {"/api/search?q=seclusion", "/?q=seclusion"}) {
    CAPTURE(target);
    auto plain = http(port, target);
    auto packed = http(port, target, "GET", "", -1, {{"Accept-Encoding", "gzip, deflate"}});
    REQUIRE(packed.status == 200);
    CHECK(packed.head.get("Content-Encoding", "") == "gzip");
    CHECK(packed.head.get("Vary", "") == "Accept-Encoding");
    CHECK(packed.body.size() < plain.body.size());
    CHECK(gunzip(packed.body) == plain.body);
    CHECK(http(port, target, "GET", "", -1, {{"Accept-Encoding", "gzip;q=0"}}).head.get("Content-Encoding", "").empty());
  }
}

TEST_CASE("paging links, and the API readable from other sites while the pages are not") {
  const unsigned port = SampleServer::get().port();
  auto first = http(port, "/api/search?q=seclusion&per_page=2");
  const std::string link = first.head.get("Link", "");
  CHECK(link.find("</api/search?q=seclusion&per_page=2&page=2>; rel=\"next\"") != std::string::npos);
  CHECK(link.find("rel=\"prev\"") == std::string::npos);
  auto second = http(port, "/api/search?q=seclusion&per_page=2&page=2");
  CHECK(second.head.get("Link", "").find("</api/search?q=seclusion&per_page=2>; rel=\"prev\"") != std::string::npos);
  CHECK(first.head.get("Access-Control-Allow-Origin", "") == "*");
  CHECK(http(port, "/?q=seclusion").head.get("Access-Control-Allow-Origin", "").empty());
}

TEST_CASE("/metrics counts requests and latency per route, and sizes the index and archive") {
  const unsigned port = SampleServer::get().port();
  for (int i = 0; i < 3; ++i) REQUIRE(http(port, "/api/search?q=seclusion").status == 200);
  http(port, "/api/nothing");
  auto m = http(port, "/metrics");
  REQUIRE(m.status == 200);
  CHECK(m.head.getContentType() == "text/plain; version=0.0.4; charset=utf-8");
  const std::regex searches("cqc_http_requests_total\\{route=\"/api/search\",status=\"200\"\\} ([0-9]+)");
  std::smatch found;
  REQUIRE(std::regex_search(m.body, found, searches));
  CHECK(std::stoi(found[1]) >= 3);
  CHECK(m.body.find("cqc_http_requests_total{route=\"(none)\",status=\"404\"}") != std::string::npos);
  CHECK(m.body.find("cqc_http_request_duration_seconds_bucket{route=\"/api/search\",le=\"+Inf\"}") != std::string::npos);
  CHECK(m.body.find("# TYPE cqc_http_request_duration_seconds histogram") != std::string::npos);
  CHECK(m.body.find("\ncqc_index_documents 45\n") != std::string::npos);
  CHECK(m.body.find("\ncqc_archive_captures 45\n") != std::string::npos);
  CHECK(m.body.find("\ncqc_archive_bytes ") != std::string::npos);
}

TEST_CASE("the access log has a line per request: text or JSON") {
  for (bool json : {false, true}) {
    std::ostringstream log;
    cqc::search::http::ServerOptions o;
    o.port = 0;
    o.access_log = true;
    o.log_json = json;
    o.log = &log;
    cqc::search::http::Server server(SampleServer::get().data, o);
    server.start();
    REQUIRE(http(server.port(), "/api/search?q=restraint").status == 200);
    http(server.port(), "/api/nothing");
    server.stop();
    const std::string text = log.str();
    CAPTURE(text);
    if (json) {
      Poco::JSON::Parser parser;
      auto first = parser.parse(text.substr(0, text.find('\n'))).extract<Poco::JSON::Object::Ptr>();
      CHECK(first->getValue<std::string>("method") == "GET");
      CHECK(first->getValue<std::string>("target") == "/api/search?q=restraint");
      CHECK(first->getValue<int>("status") == 200);
      CHECK(first->getValue<long>("bytes") > 0);
      CHECK(text.find("\"status\":404") != std::string::npos);
    } else {
      CHECK(text.find(" 127.0.0.1 GET /api/search?q=restraint 200 ") != std::string::npos);
      CHECK(text.find(" GET /api/nothing 404 ") != std::string::npos);
    }
  }
}
