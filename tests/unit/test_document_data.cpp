// The stored document layout (core/schema.hpp): metadata apart from the text, the text in
// compressed blocks of about 4 KB read one at a time, and a clear error for data it cannot read.
#include <doctest/doctest.h>

#include <zlib.h>

#include <tuple>

#include "core/error.hpp"
#include "core/schema.hpp"

using namespace cqc;

namespace {

std::string repeated(const std::string& s, size_t n) {
  std::string out;
  for (size_t i = 0; i < n; ++i) out += s;
  return out;
}

// Decodes ENCODED as search does: the data, then each block from its value slot's bytes.
std::vector<std::pair<int, std::string>> pages_of(const schema::EncodedDocument& encoded) {
  std::vector<std::pair<int, std::string>> out;
  const schema::DocumentData d(encoded.data);
  for (auto& p : d.pages([&](size_t i) { return encoded.blocks.at(i); }).pages) out.emplace_back(p.number, p.text);
  return out;
}

}  // namespace

TEST_CASE("document data: metadata and every block come back as stored") {
  const std::string meta = R"({"id":"0123456789abcdef","title":"Ward 3 \u2014 report"})";
  const std::string long_text = repeated("The seclusion room was not clean. ", 100);  // compressible
  const std::vector<schema::TextBlock> blocks = {
      {1, false, 110, "Overall summary.\n\nThe trust was rated good."},
      {2, false, 220, long_text},
      {3, false, 330, ""},
      {4, false, 440, "x"},  // too short to compress: kept raw
      {4, true, 450, " and more"},
  };
  const auto encoded = schema::encode_document(meta, blocks);
  const schema::DocumentData d(encoded.data);
  CHECK(d.metadata() == meta);
  REQUIRE(d.block_count() == 5);
  CHECK(encoded.blocks[1].size() < long_text.size() / 4);
  CHECK(encoded.blocks[3] == "x");
  for (size_t i = 0; i < blocks.size(); ++i) {
    CHECK(d.page_number(i) == blocks[i].page);
    CHECK(d.first_position(i) == blocks[i].first_position);
    CHECK(d.continues_page(i) == blocks[i].continues_page);
    CHECK(d.block_text(i, encoded.blocks[i]) == blocks[i].text);
  }
  using Pages = std::vector<std::pair<int, std::string>>;
  CHECK(pages_of(encoded) == Pages{{1, std::string(blocks[0].text)}, {2, long_text}, {3, ""}, {4, "x and more"}});
  CHECK(encoded.data.find("seclusion") == std::string::npos);  // the text is not in the data
  CHECK_THROWS_AS(d.block_text(5, ""), std::out_of_range);
}

TEST_CASE("document data: pages are cut into blocks at white space that join back") {
  CHECK(schema::split_text_blocks("") == std::vector<std::string_view>{""});
  CHECK(schema::split_text_blocks("short page") == std::vector<std::string_view>{"short page"});
  const std::string paragraph = repeated("word ", 200) + "\n\n";  // 1,002 bytes
  const std::string page = repeated(paragraph, 9);
  const auto pieces = schema::split_text_blocks(page);
  REQUIRE(pieces.size() == 3);
  std::string joined;
  for (auto p : pieces) {
    CHECK(p.size() <= schema::kTextBlockSize);
    joined += p;
  }
  CHECK(joined == page);
  CHECK(pieces[0].ends_with("\n\n"));  // a paragraph break is preferred
  const std::string no_space = repeated("\xC3\xA9", 5000);  // 10,000 bytes of é
  const auto cut = schema::split_text_blocks(no_space);
  REQUIRE(cut.size() == 3);
  for (auto p : cut) CHECK(p.size() % 2 == 0);  // never inside a character
}

TEST_CASE("document data: no pages, an empty page, many blocks") {
  const auto none = schema::encode_document("{\"a\":1}", {});
  const schema::DocumentData d0(none.data);
  CHECK(d0.block_count() == 0);
  CHECK(d0.metadata() == "{\"a\":1}");
  CHECK(pages_of(none).empty());
  CHECK(d0.block_at(5) == 0);

  const auto empty = schema::encode_document("", {{0, false, 1, ""}});
  CHECK(schema::DocumentData(empty.data).metadata().empty());
  CHECK(pages_of(empty) == std::vector<std::pair<int, std::string>>{{0, ""}});

  std::vector<std::string> texts;
  std::vector<schema::TextBlock> many;
  for (int i = 0; i < 1500; ++i) texts.push_back("page " + std::to_string(i + 1) + " text");
  for (int i = 0; i < 1500; ++i) many.push_back({i + 1, false, static_cast<std::uint32_t>(100 + i * 1000), texts[i]});
  const auto encoded = schema::encode_document("{}", many);
  const schema::DocumentData d(encoded.data);
  REQUIRE(d.block_count() == 1500);
  CHECK(d.block_text(1234, encoded.blocks[1234]) == "page 1235 text");
  CHECK(d.page_number(1499) == 1500);
  CHECK(d.block_at(100 + 1234 * 1000 + 5) == 1234);
}

TEST_CASE("document data: a term position maps to the block it falls on") {
  const schema::DocumentData d(schema::encode_document("{}", {{1, false, 110, "a"}, {2, false, 220, "b"}, {3, false, 220, ""}, {4, false, 400, "c"}}).data);
  CHECK(d.block_at(1) == 4);    // before the first block: the title
  CHECK(d.block_at(109) == 4);
  CHECK(d.block_at(110) == 0);
  CHECK(d.block_at(219) == 0);
  CHECK(d.block_at(220) == 2);  // an empty block shares its start with the next: the later one
  CHECK(d.block_at(399) == 2);
  CHECK(d.block_at(400) == 3);
  CHECK(d.block_at(1u << 30) == 3);
}

TEST_CASE("document data: corrupt or old data is refused with a reason") {
  const auto good = schema::encode_document("{\"id\":\"x\"}", {{1, false, 10, repeated("words ", 100)}, {2, false, 90, "more"}});
  auto reason = [](const std::string& data, const std::vector<std::string>& blocks) -> std::string {
    try {
      schema::DocumentData d(data);
      for (size_t i = 0; i < d.block_count(); ++i) d.block_text(i, i < blocks.size() ? blocks[i] : "");
    } catch (const core::Error& e) {
      return e.what();
    }
    return "";
  };
  CHECK(reason(good.data, good.blocks).empty());
  CHECK(reason("{\"id\":\"x\",\"text\":\"old layout\"}", {}).find("older layout") != std::string::npos);
  CHECK(reason("{\"id\":1}", {}).find("cqc-archive index") != std::string::npos);
  CHECK(reason("CQD1 the previous layout", {}).find("older layout") != std::string::npos);
  CHECK(reason("", {}).find("older layout") != std::string::npos);
  CHECK(reason("garbage bytes here", {}).find("no CQD3 header") != std::string::npos);
  for (size_t cut : {5ul, 12ul, 22ul, good.data.size() - 1})
    CHECK_MESSAGE(reason(good.data.substr(0, cut), good.blocks).find("cut short") != std::string::npos, "cut at " << cut);
  CHECK(reason(good.data, {good.blocks[0]}).find("block 2 is missing") != std::string::npos);
  std::vector<std::string> garbled = good.blocks;
  garbled[0].assign(garbled[0].size(), '\xff');  // LZ4 has no checksum: bytes that cannot parse
  CHECK(reason(good.data, garbled).find("block 1 does not decode") != std::string::npos);
}

TEST_CASE("document data: omitted blocks mark unstored text; pages come in runs within a budget") {
  const std::string a(3000, 'a'), b(3000, 'b'), c(100, 'c');
  // Page 1: one block, then its stored text stops (an omitted block); page 2: two blocks;
  // page 3: nothing stored at all.
  const std::vector<schema::TextBlock> blocks = {
      {1, false, 10, a}, {1, true, 600, "", true}, {2, false, 1000, b}, {2, true, 1600, c}, {3, false, 2000, "", true}};
  const auto encoded = schema::encode_document("{}", blocks);
  CHECK(encoded.blocks[1].empty());
  const schema::DocumentData d(encoded.data);
  CHECK(d.omitted(1));
  CHECK_FALSE(d.omitted(0));
  CHECK(d.block_at(700) == 1);  // a match in the unstored part finds the omitted block
  int calls = 0;
  auto stored = [&](size_t i) {
    ++calls;
    return encoded.blocks.at(i);
  };
  const auto all = d.pages(stored);
  REQUIRE(all.pages.size() == 3);
  CHECK(all.total == 3);
  CHECK(all.next == 3);
  CHECK(all.pages[0].text == a);
  CHECK(all.pages[0].cut);
  CHECK(all.pages[1].text == b + c);
  CHECK_FALSE(all.pages[1].cut);
  CHECK(all.pages[2].text.empty());
  CHECK(all.pages[2].cut);

  calls = 0;
  const auto first = d.pages(stored, 0, 2000);  // page 1 alone spends the budget
  REQUIRE(first.pages.size() == 1);
  CHECK(first.next == 1);
  CHECK(first.total == 3);
  CHECK(calls == 1);  // only the returned page's blocks are read
  const auto rest = d.pages(stored, first.next, 1);
  REQUIRE(rest.pages.size() == 1);  // at least one page, even past the budget
  CHECK(rest.pages[0].number == 2);
  CHECK(rest.next == 2);
  CHECK(d.pages(stored, 7).pages.empty());
  CHECK(d.pages(stored, 7).next == 3);
}

TEST_CASE("document data: a block decoded in steps gives prefixes of its text") {
  std::string text;
  for (int i = 0; i < 300; ++i) text += "line " + std::to_string(i) + " of the seclusion log. ";
  text = text.substr(0, schema::kTextBlockSize);
  const auto encoded = schema::encode_document("{}", {{1, false, 10, text}, {2, false, 900, "raw"}});
  const schema::DocumentData d(encoded.data);
  REQUIRE(encoded.blocks[0].size() < text.size());  // compressed
  schema::BlockText b(d, 0, encoded.blocks[0]);
  CHECK(b.size() == text.size());
  CHECK(b.text().empty());
  b.decode_to(100);
  CHECK(b.text() == std::string_view(text).substr(0, 100));
  CHECK_FALSE(b.complete());
  b.decode_to(50);  // never shrinks
  CHECK(b.text().size() == 100);
  b.decode_to(1500);
  CHECK(b.text() == std::string_view(text).substr(0, 1500));
  b.decode_to(1u << 20);
  CHECK(b.complete());
  CHECK(b.text() == text);

  schema::BlockText raw(d, 1, encoded.blocks[1]);  // stored as is: complete at once
  CHECK(raw.complete());
  CHECK(raw.text() == "raw");

  CHECK_THROWS_AS(schema::BlockText(d, 0, encoded.blocks[0].substr(1)), core::Error);  // wrong size
  std::string garbled(encoded.blocks[0].size(), '\xff');
  schema::BlockText bad(d, 0, garbled);
  CHECK_THROWS_WITH_AS(bad.decode_to(1u << 20), doctest::Contains("block 1 does not decode"), core::Error);
  schema::BlockText bad_prefix(d, 0, garbled);
  CHECK_THROWS_WITH_AS(bad_prefix.decode_to(100), doctest::Contains("block 1 does not decode"), core::Error);
}

namespace {

void put32(std::string& out, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}

}  // namespace

TEST_CASE("document data: the older layout (CQD2, blocks in zlib) is still read") {
  // Built by hand as the indexer wrote it before 2026-12-02: header in the document data,
  // each block zlib-compressed unless that did not make it smaller.
  const std::string meta = R"({"id":"feedfacecafebeef","title":"Older index"})";
  const std::string text = repeated("Patients were secluded without a review. ", 60);
  uLongf size = compressBound(static_cast<uLong>(text.size()));
  std::string zipped(size, '\0');
  REQUIRE(compress2(reinterpret_cast<Bytef*>(zipped.data()), &size, reinterpret_cast<const Bytef*>(text.data()),
                    static_cast<uLong>(text.size()), 6) == Z_OK);
  zipped.resize(size);
  std::string data = "CQD2";
  put32(data, static_cast<std::uint32_t>(meta.size()));
  data += meta;
  put32(data, 2);
  for (auto [page, pos, len, stored] : {std::tuple{1u, 10u, text.size(), zipped.size()}, std::tuple{2u, 400u, 3ul, 3ul}}) {
    put32(data, page);
    put32(data, pos);
    put32(data, 0);
    put32(data, static_cast<std::uint32_t>(len));
    put32(data, static_cast<std::uint32_t>(stored));
  }
  const schema::DocumentData d(data);
  CHECK(d.metadata() == meta);
  CHECK(d.block_text(0, zipped) == text);
  CHECK(d.block_text(1, "end") == "end");
  schema::BlockText part(d, 0, zipped);
  part.decode_to(200);
  CHECK(part.text().substr(0, 200) == std::string_view(text).substr(0, 200));
  std::string flipped = zipped;
  flipped[flipped.size() / 2] ^= 0x55;  // zlib's checksum catches any change
  CHECK_THROWS_WITH_AS(d.block_text(0, flipped), doctest::Contains("block 1 does not decode"), core::Error);
}
