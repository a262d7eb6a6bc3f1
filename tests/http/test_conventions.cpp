// HTTP conventions (issue 13): validators and 304, gzip, paging links, CORS on the API.
#include <doctest/doctest.h>

#include <Poco/InflatingStream.h>
#include <Poco/StreamCopier.h>

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
