// The stored document layout (core/schema.hpp): metadata apart from the text, one
// compressed page at a time, and a clear error for data it cannot read.
#include <doctest/doctest.h>

#include "core/error.hpp"
#include "core/schema.hpp"

using namespace cqc;

namespace {

std::string repeated(const std::string& s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

}  // namespace

TEST_CASE("document data: metadata and every page come back as stored") {
  const std::string meta = R"({"id":"0123456789abcdef","title":"Ward 3 \u2014 report"})";
  std::vector<schema::StoredPage> pages = {
      {1, 110, "Overall summary.\n\nThe trust was rated good."},
      {2, 220, repeated("The seclusion room was not clean. ", 200)},  // compressible
      {3, 330, ""},
      {4, 440, "x"},  // too short to compress: kept raw
  };
  const schema::DocumentData d(schema::encode_document_data(meta, pages));
  CHECK(d.metadata() == meta);
  REQUIRE(d.page_count() == 4);
  for (size_t i = 0; i < pages.size(); ++i) {
    CHECK(d.page_number(i) == pages[i].number);
    CHECK(d.first_position(i) == pages[i].first_position);
    CHECK(d.page_text(i) == pages[i].text);
  }
  CHECK(d.joined_text() == pages[0].text + "\f" + pages[1].text + "\f\fx");
  CHECK_THROWS_AS(d.page_text(4), std::out_of_range);
}

TEST_CASE("document data: the text is compressed and kept out of the metadata") {
  const std::string text = repeated("Inspectors found restraint and seclusion were overused. ", 500);
  const std::string data = schema::encode_document_data("{}", {{0, 1, text}});
  CHECK(data.size() < text.size() / 4);
  CHECK(data.find("seclusion") == std::string::npos);
  CHECK(schema::DocumentData(data).metadata() == "{}");
}

TEST_CASE("document data: no pages, an empty page, many pages") {
  const schema::DocumentData none(schema::encode_document_data("{\"a\":1}", {}));
  CHECK(none.page_count() == 0);
  CHECK(none.metadata() == "{\"a\":1}");
  CHECK(none.joined_text().empty());
  CHECK(none.page_at(5) == 0);

  const schema::DocumentData empty(schema::encode_document_data("", {{0, 1, ""}}));
  CHECK(empty.metadata().empty());
  REQUIRE(empty.page_count() == 1);
  CHECK(empty.page_text(0).empty());

  std::vector<schema::StoredPage> many;
  for (int i = 0; i < 1500; ++i)
    many.push_back({i + 1, static_cast<std::uint32_t>(100 + i * 1000), "page " + std::to_string(i + 1) + " text"});
  const schema::DocumentData d(schema::encode_document_data("{}", many));
  REQUIRE(d.page_count() == 1500);
  CHECK(d.page_text(1234) == "page 1235 text");
  CHECK(d.page_number(1499) == 1500);
}

TEST_CASE("document data: a term position maps to the page it falls on") {
  const schema::DocumentData d(schema::encode_document_data("{}", {{1, 110, "a"}, {2, 220, "b"}, {3, 220, ""}, {4, 400, "c"}}));
  CHECK(d.page_at(1) == 4);    // before the first page: the title
  CHECK(d.page_at(109) == 4);
  CHECK(d.page_at(110) == 0);
  CHECK(d.page_at(219) == 0);
  CHECK(d.page_at(220) == 2);  // an empty page shares its start with the next: the later one
  CHECK(d.page_at(399) == 2);
  CHECK(d.page_at(400) == 3);
  CHECK(d.page_at(1u << 30) == 3);
}

TEST_CASE("document data: corrupt or old data is refused with a reason") {
  const std::string good = schema::encode_document_data("{\"id\":\"x\"}", {{1, 10, repeated("words ", 100)}, {2, 90, "more"}});
  auto reason = [](const std::string& data) -> std::string {
    try {
      schema::DocumentData d(data);
      for (size_t i = 0; i < d.page_count(); ++i) d.page_text(i);
    } catch (const core::Error& e) {
      return e.what();
    }
    return "";
  };
  CHECK(reason(good).empty());
  CHECK(reason("{\"id\":\"x\",\"text\":\"old layout\"}").find("older layout") != std::string::npos);
  CHECK(reason("{\"id\":1}").find("cqc-archive index") != std::string::npos);
  CHECK(reason("").find("older layout") != std::string::npos);
  CHECK(reason("garbage bytes here").find("no CQD1 header") != std::string::npos);
  for (size_t cut : {5ul, 12ul, 22ul, good.size() - 1})
    CHECK_MESSAGE(reason(good.substr(0, cut)).find("cut short") != std::string::npos, "cut at " << cut);
  std::string flipped = good;
  flipped[good.size() - 10] ^= 0x55;  // inside page 1's compressed bytes
  CHECK(reason(flipped).find("does not inflate") != std::string::npos);
}
