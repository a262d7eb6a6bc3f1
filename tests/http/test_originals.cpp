// /documents/{id}/original: the capture the document was built from (not a later 404), passed
// on compressed as the site sent it to a client that takes the coding, inflated (bounded)
// for one that does not.
#include <doctest/doctest.h>

#include <Poco/DeflatingStream.h>

#include <fstream>
#include <sstream>

#include "archive/archive.hpp"
#include "core/schema.hpp"
#include "http_client.hpp"
#include "search/http/server.hpp"

using namespace cqc;
using cqc::test::http;

namespace {

std::string gzip(const std::string& text) {
  std::ostringstream out;
  Poco::DeflatingOutputStream z(out, Poco::DeflatingStreamBuf::STREAM_GZIP);
  z << text;
  z.close();
  return out.str();
}

// Archives one HTTP response for URI: STATUS, BODY as sent, with Content-Encoding CODING.
void store(archive::Archive& arc, const test::TempDir& tmp, const std::string& uri, int status,
           const std::string& body, const std::string& coding = "") {
  static int n = 0;
  const std::string path = tmp.write("bodies/" + std::to_string(++n), body);
  archive::HttpExchange x;
  x.uri = uri;
  x.request_head = "GET / HTTP/1.1\r\nHost: news.example\r\n\r\n";
  x.response_head = "HTTP/1.1 " + std::to_string(status) + (status == 200 ? " OK" : " Not Found") +
                    "\r\nContent-Type: text/html; charset=utf-8\r\n" +
                    (coding.empty() ? "" : "Content-Encoding: " + coding + "\r\n") +
                    "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n";
  x.body_path = path;
  arc.store_http(x);
}

std::string original(const std::string& uri) { return "/documents/" + schema::document_id(uri) + "/original"; }

}  // namespace

TEST_CASE("originals: compressed for clients that take it, bounded inflation, the document's own capture") {
  test::TempDir tmp;
  const std::string data = tmp / "data";
  const std::string page = "<html><head><title>Ward closed</title></head><body><p>Seclusion room closed.</p></body></html>";
  const std::string packed = gzip(page);
  // 70 MiB of spaces inside a page: 71 KB compressed.
  const std::string bomb = gzip("<html><head><title>Padding</title></head><body><p>Seclusion" +
                                std::string(70u << 20, ' ') + "</p></body></html>");
  {
    archive::Archive arc(data + "/archive", archive::Mode::read_write);
    store(arc, tmp, "https://news.example/page.html", 200, packed, "gzip");
    store(arc, tmp, "https://news.example/bomb.html", 200, bomb, "gzip");
    store(arc, tmp, "https://news.example/gone.html", 200, page);
    store(arc, tmp, "https://news.example/gone.html", 404, "<html><p>Page not found</p></html>");
  }
  REQUIRE(test::run_cli(tmp, data, {"index"}).code == 0);
  search::http::ServerOptions o;
  o.port = 0;
  search::http::Server server(data, o);
  server.start();
  const std::vector<std::pair<std::string, std::string>> takes_gzip = {{"Accept-Encoding", "gzip, deflate"}};

  auto as_sent = http(server.port(), original("https://news.example/page.html"), "GET", "", -1, takes_gzip);
  CHECK(as_sent.status == 200);
  CHECK(as_sent.head.get("Content-Encoding", "") == "gzip");
  CHECK(as_sent.body == packed);
  auto inflated = http(server.port(), original("https://news.example/page.html"));
  CHECK(inflated.status == 200);
  CHECK_FALSE(inflated.head.has("Content-Encoding"));
  CHECK(inflated.body == page);

  auto bomb_packed = http(server.port(), original("https://news.example/bomb.html"), "GET", "", -1, takes_gzip);
  CHECK(bomb_packed.status == 200);
  CHECK(bomb_packed.body.size() == bomb.size());
  auto bomb_plain = http(server.port(), original("https://news.example/bomb.html"));
  CHECK(bomb_plain.status == 502);
  CHECK(bomb_plain.json()->getValue<std::string>("error").find("Accept-Encoding: gzip") != std::string::npos);

  // Removed at its source since: the original is still the page, not the 404 answer.
  auto gone = http(server.port(), original("https://news.example/gone.html"));
  CHECK(gone.status == 200);
  CHECK(gone.body == page);
}
