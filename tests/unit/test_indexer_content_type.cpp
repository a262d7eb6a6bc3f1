// The archived Content-Type (with its charset) reaches the extractor: Archive::typed_payload
// and the indexer's use of it.
#include <doctest/doctest.h>

#include <xapian.h>

#include "archive/archive.hpp"
#include "core/schema.hpp"
#include "indexer/indexer.hpp"
#include "temp_dir.hpp"

using namespace cqc;
using cqc::test::TempDir;

namespace {

// Archives BODY for URI as an HTTP 200 response with Content-Type TYPE.
archive::ImportOutcome store(archive::Archive& arc, const TempDir& tmp, const std::string& uri,
                             const std::string& type, const std::string& body) {
  archive::HttpExchange x;
  x.uri = uri;
  x.request_head = "GET / HTTP/1.1\r\nHost: example.org\r\n\r\n";
  x.response_head = "HTTP/1.1 200 OK\r\nContent-Type: " + type +
                    "\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n";
  x.body_path = tmp.write("body-" + std::to_string(body.size()), body);
  return arc.store_http(x);
}

}  // namespace

TEST_CASE("archive: typed_payload gives the response's whole Content-Type") {
  TempDir tmp;
  archive::Archive arc(tmp / "arc", archive::Mode::read_write);
  auto http = store(arc, tmp, "https://example.org/a", "text/html; charset=windows-1251", "<p>x</p>");
  auto typed = arc.typed_payload(http.capture);
  REQUIRE(typed.ok());
  CHECK(typed->bytes == "<p>x</p>");
  CHECK(typed->content_type == "text/html; charset=windows-1251");
  CHECK(http.capture.mime == "text/html");  // the catalog keeps the media type only

  auto again = store(arc, tmp, "https://example.org/a", "text/html; charset=windows-1251", "<p>x</p>");
  REQUIRE(again.capture.record_type == "revisit");
  CHECK(arc.typed_payload(again.capture)->content_type == "text/html; charset=windows-1251");

  const std::string file = tmp.write("in/page.html", "<p>y</p>");
  auto resource = arc.import_file(file, "https://example.org/b", "text/html");
  auto plain = arc.typed_payload(resource.capture);
  REQUIRE(plain.ok());
  CHECK(plain->bytes == "<p>y</p>");
  CHECK(plain->content_type == "text/html");
}

TEST_CASE("index: a page is decoded by the charset of its archived HTTP response") {
  TempDir tmp;
  archive::Archive arc(tmp / "arc", archive::Mode::read_write);
  // "Привет" in windows-1251: detection alone would read it as windows-1252.
  const std::string body =
      "<html><head><title>\xCF\xF0\xE8\xE2\xE5\xF2</title></head><body><article><p>\xCF\xF0\xE8\xE2"
      "\xE5\xF2, a page in Cyrillic with enough words to be the content.</p></article></body></html>";
  store(arc, tmp, "https://example.org/ru", "text/html; charset=windows-1251", body);
  auto summary = indexer::index_archive(arc, tmp / "index", {});
  CHECK(summary.indexed == 1);
  CHECK(summary.failed == 0);
  Xapian::Database db(tmp / "index");
  REQUIRE(db.get_doccount() == 1);
  const std::string data = db.get_document(db.postlist_begin("").operator*()).get_value(schema::kSlotDocument);
  CHECK(data.find("\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82") != std::string::npos);
}
