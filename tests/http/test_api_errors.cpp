// Errors: every fault answers JSON {"error"} with the right status, names the parameter, and
// never leaks a path or a stack trace.
#include <doctest/doctest.h>

#include "http_client.hpp"

using cqc::test::http;
using cqc::test::SampleServer;

namespace {

// Checks R is a JSON error with STATUS whose message contains NEEDLE and no file path.
void check_error(const cqc::test::Reply& r, int status, const std::string& needle) {
  CAPTURE(r.body);
  CHECK(r.status == status);
  // The reason phrase goes with the status ("404 Not Found", never "404 OK").
  CHECK(r.head.getReason() == Poco::Net::HTTPResponse::getReasonForStatus(r.head.getStatus()));
  CHECK(r.head.getContentType() == "application/problem+json; charset=utf-8");  // RFC 9457
  const std::string message = r.json()->getValue<std::string>("error");
  CHECK(r.json()->getValue<std::string>("detail") == message);
  CHECK(r.json()->getValue<int>("status") == status);
  CHECK(r.json()->getValue<std::string>("title") == r.head.getReason());
  CHECK(message.find(needle) != std::string::npos);
  CHECK(r.body.find(SampleServer::get().data) == std::string::npos);
  CHECK(r.body.find("/tmp") == std::string::npos);
}

}  // namespace

TEST_CASE("bad parameters answer 400 naming the parameter") {
  const unsigned port = SampleServer::get().port();
  check_error(http(port, "/api/search?per_page=101"), 400, "per_page");
  check_error(http(port, "/api/search?per_page=0"), 400, "per_page");
  check_error(http(port, "/api/search?page=abc"), 400, "page");
  check_error(http(port, "/api/search?page=-1"), 400, "page");
  check_error(http(port, "/api/search?sort=best"), 400, "sort");
  check_error(http(port, "/api/search?date=captured&from=2019"), 400, "date");
  check_error(http(port, "/api/search?colour=red"), 400, "colour");
  check_error(http(port, "/api/search?q=a&q=b"), 400, "q");
  check_error(http(port, "/api/search?trust=NOPE999"), 400, "trust");
  check_error(http(port, "/api/search?rating=splendid"), 400, "rating");
  check_error(http(port, "/api/search?year=19x9"), 400, "year");
  check_error(http(port, "/api/search?from=2019-13"), 400, "2019-13");
  check_error(http(port, "/api/search?from=2020&to=2019"), 400, "before it starts");
  check_error(http(port, "/api/export?format=xml"), 400, "format");
  check_error(http(port, "/api/search?q=%FF%FE"), 400, "UTF-8");
  check_error(http(port, "/api/search?q=%ZZ"), 400, "percent-encoding");
  check_error(http(port, "/documents/0123456789abcdef/original?capture=x"), 400, "capture");
}

TEST_CASE("over-broad wildcards and over-long queries answer 400") {
  const unsigned port = SampleServer::get().port();
  check_error(http(port, "/api/search?q=se*"), 400, "wildcard");
  check_error(http(port, "/api/search?q=" + std::string(2100, 'a')), 400, "too long");
  check_error(http(port, "/api/search?q=titel:seclusion"), 400, "did you mean 'title:'");
  check_error(http(port, "/api/search?q=seclusion+NOT+trust:Norfolk"), 400, "Norfolk and Suffolk");
  check_error(http(port, "/api/search?service_rating=maternity"), 400, "needs a rating");
  check_error(http(port, "/api/search?key_question=safe:superb"), 400, "unknown rating 'superb'");
  check_error(http(port, "/api/search?overall=splendid"), 400, "unknown rating 'splendid'");
}

TEST_CASE("unknown ids and paths answer 404; wrong methods 405; limits 414 and 413") {
  const unsigned port = SampleServer::get().port();
  check_error(http(port, "/api/documents/ffffffffffffffff"), 404, "ffffffffffffffff");
  check_error(http(port, "/documents/ffffffffffffffff/original"), 404, "ffffffffffffffff");
  check_error(http(port, "/api/nothing"), 404, "no such");
  check_error(http(port, "/../../etc/passwd"), 404, "no such");
  auto post = http(port, "/api/search", "POST", "q=x");
  check_error(post, 405, "POST");
  CHECK(post.head.get("Allow") == "GET, HEAD");
  check_error(http(port, "/api/search?q=" + std::string(9000, 'a')), 414, "URI");
  const auto too_big = http(port, "/api/search", "GET", "x", 10 * 1024 * 1024);
  check_error(too_big, 413, "body");
  CHECK_FALSE(too_big.head.getKeepAlive());  // the connection closes, and says so
}

TEST_CASE("a server without an index answers 503 until one exists, without leaking its path") {
  cqc::test::TempDir tmp;
  cqc::search::http::ServerOptions o;
  o.port = 0;
  cqc::search::http::Server server(tmp / "empty", o);
  server.start();
  auto r = http(server.port(), "/api/search?q=x");
  CHECK(r.status == 503);
  CHECK(r.body.find(tmp.path()) == std::string::npos);
  CHECK(http(server.port(), "/healthz").status == 503);
  CHECK(http(server.port(), "/").status == 200);  // the page itself still loads
}

TEST_CASE("a second server on a port already served refuses to start, naming the port") {
  cqc::test::TempDir tmp;
  cqc::search::http::ServerOptions o;
  o.port = 0;
  cqc::search::http::Server first(tmp / "empty", o);
  first.start();
  o.port = first.port();
  try {
    cqc::search::http::Server second(tmp / "empty", o);
    FAIL("a second server started on port " << o.port);
  } catch (const std::exception& e) {
    CHECK(std::string(e.what()).find("cannot listen on 127.0.0.1:" + std::to_string(o.port)) != std::string::npos);
  }
}
