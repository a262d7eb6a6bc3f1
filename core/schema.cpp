#include "core/schema.hpp"

#include <Poco/SHA1Engine.h>
#include <lz4.h>
#include <lz4hc.h>
#include <zlib.h>  // through Poco::Foundation, which links it

#include <algorithm>
#include <cctype>

#include "core/error.hpp"
#include "core/text.hpp"

namespace cqc::schema {

std::string rated_value(std::string_view what, std::string_view rating) {
  std::string out(what);
  out += ':';
  out += rating;
  return out;
}

std::string boolean_term(std::string_view prefix, std::string_view value) {
  std::string term(prefix);
  if (prefix.size() > 1 && !value.empty() && std::isupper(static_cast<unsigned char>(value[0])))
    term.push_back(':');
  term.append(value);
  return term;
}

std::string encode_list(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out.push_back('\n');
    out += item;
  }
  return out;
}

std::vector<std::string> decode_list(std::string_view encoded) {
  std::vector<std::string> out;
  if (encoded.empty()) return out;
  for (std::string_view item : core::split(encoded, '\n')) out.emplace_back(item);
  return out;
}

std::string document_id(std::string_view uri) {
  Poco::SHA1Engine sha;
  sha.update(uri.data(), static_cast<unsigned>(uri.size()));
  const auto& d = sha.digest();
  std::string bytes(d.begin(), d.end());
  return core::hex(bytes).substr(0, 16);
}

}  // namespace cqc::schema

// --- Document data and text -------------------------------------------------------------

namespace cqc::schema {
namespace {

constexpr std::string_view kMagic = "CQD3";
constexpr std::string_view kZlibMagic = "CQD2";  // the older layout: blocks in zlib
constexpr std::uint32_t kMaxBlock = kTextBlockSize * 4;  // larger stored blocks are refused
constexpr std::size_t kEntrySize = 20;  // i32 page, u32 position, u32 flags, u32 size, u32 stored

void put32(std::string& out, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}

std::uint32_t get32(std::string_view in, std::size_t at) {
  std::uint32_t v = 0;
  for (int i = 0; i < 4; ++i) v |= static_cast<std::uint32_t>(static_cast<unsigned char>(in[at + i])) << (8 * i);
  return v;
}

[[noreturn]] void corrupt(const std::string& why) {
  throw core::Error("document data is not readable (" + why +
                    "); an index from an older version is rebuilt by running 'cqc-archive index'");
}

// The end of the piece of TEXT starting at 0: at most kTextBlockSize bytes, after the last
// paragraph break, else line break, else space in its second half.
std::size_t piece_end(std::string_view text) {
  if (text.size() <= kTextBlockSize) return text.size();
  const std::string_view head = text.substr(0, kTextBlockSize);
  for (std::string_view sep : {"\n\n", "\n", " "}) {
    const std::size_t at = head.rfind(sep);
    if (at != std::string_view::npos && at >= kTextBlockSize / 2) return at + sep.size();
  }
  std::size_t cut = kTextBlockSize;  // no white space: cut before a UTF-8 continuation byte
  while (cut > 1 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return cut;
}

}  // namespace

std::vector<std::string_view> split_text_blocks(std::string_view text) {
  std::vector<std::string_view> out;
  do {
    const std::size_t end = piece_end(text);
    out.push_back(text.substr(0, end));
    text.remove_prefix(end);
  } while (!text.empty());
  return out;
}

EncodedDocument encode_document(std::string_view metadata_json, const std::vector<TextBlock>& blocks) {
  EncodedDocument out;
  out.blocks.resize(blocks.size());
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    const std::string_view text = blocks[i].text;
    if (text.size() > kMaxBlock) throw core::Error("a text block of page " + std::to_string(blocks[i].page) + " is too long");
    std::string& stored = out.blocks[i];
    const int n = static_cast<int>(text.size());
    stored.resize(static_cast<std::size_t>(LZ4_compressBound(n)));
    const int size = LZ4_compress_HC(text.data(), stored.data(), n, static_cast<int>(stored.size()), 9);
    if (size <= 0 || size >= n) stored.assign(text);  // not worth it: kept raw
    else stored.resize(static_cast<std::size_t>(size));
  }
  std::string& d = out.data;
  d.assign(kMagic);
  put32(d, static_cast<std::uint32_t>(metadata_json.size()));
  d.append(metadata_json);
  put32(d, static_cast<std::uint32_t>(blocks.size()));
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    put32(d, static_cast<std::uint32_t>(blocks[i].page));
    put32(d, blocks[i].first_position);
    put32(d, (blocks[i].continues_page ? 1u : 0u) | (blocks[i].omitted ? 2u : 0u));
    put32(d, static_cast<std::uint32_t>(blocks[i].text.size()));
    put32(d, static_cast<std::uint32_t>(out.blocks[i].size()));
  }
  return out;
}

DocumentData::DocumentData(std::string data) : data_(std::move(data)) {
  const std::string_view d(data_);
  zlib_ = d.starts_with(kZlibMagic);
  if (!d.starts_with(kMagic) && !zlib_)
    corrupt(d.empty() || d[0] == '{' || d.starts_with("CQD1") ? "an older layout" : "no CQD3 header");
  if (d.size() < kMagic.size() + 8) corrupt("header cut short");
  meta_offset_ = kMagic.size() + 4;
  meta_size_ = get32(d, kMagic.size());
  if (meta_size_ > d.size() - meta_offset_ - 4) corrupt("metadata cut short");
  std::size_t at = meta_offset_ + meta_size_;
  const std::uint32_t count = get32(d, at);
  at += 4;
  if (count > (d.size() - at) / kEntrySize) corrupt("block table cut short");
  blocks_.reserve(count);
  for (std::uint32_t i = 0; i < count; ++i, at += kEntrySize) {
    const std::uint32_t flags = get32(d, at + 8);
    Entry e{static_cast<int>(get32(d, at)), get32(d, at + 4), (flags & 1u) != 0, (flags & 2u) != 0,
            get32(d, at + 12), get32(d, at + 16)};
    if (e.stored_size > e.text_size || e.text_size > kMaxBlock) corrupt("block " + std::to_string(i + 1) + " has a bad size");
    if (i > 0 && e.first_position < blocks_.back().first_position) corrupt("block positions out of order");
    blocks_.push_back(e);
  }
}

std::size_t DocumentData::block_at(std::uint32_t pos) const {
  // The last block whose first position is <= POS.
  auto it = std::upper_bound(blocks_.begin(), blocks_.end(), pos,
                             [](std::uint32_t p, const Entry& e) { return p < e.first_position; });
  return it == blocks_.begin() ? blocks_.size() : static_cast<std::size_t>(it - blocks_.begin() - 1);
}

std::string DocumentData::block_text(std::size_t i, std::string_view stored) const {
  BlockText b(*this, i, std::string(stored));
  b.decode_to(b.size());
  return std::string(b.text());
}

BlockText::BlockText(const DocumentData& doc, std::size_t i, std::string stored)
    : block_(i), stored_(std::move(stored)), out_(doc.text_size(i), '\0'), zlib_(doc.zlib_) {
  const auto& e = doc.blocks_.at(i);
  if (stored_.size() != e.stored_size) corrupt("block " + std::to_string(i + 1) + " is missing or cut short");
  if (e.stored_size == e.text_size) {  // stored raw
    out_.swap(stored_);
    done_ = out_.size();
  }
}

BlockText::~BlockText() {
  if (!stream_) return;
  auto* z = static_cast<z_stream*>(stream_);
  inflateEnd(z);
  delete z;
}

void BlockText::decode_to(std::size_t n) {
  if (done_ >= n || complete()) return;
  const std::size_t want = std::min(n, out_.size());
  if (!zlib_) {
    // LZ4 decodes from the block's start each time; a second call (a passage near the
    // block's end) costs about a microsecond.
    const int in = static_cast<int>(stored_.size());
    // The whole block: LZ4_decompress_safe also checks that every stored byte was used.
    const int got = want == out_.size()
                        ? LZ4_decompress_safe(stored_.data(), out_.data(), in, static_cast<int>(want))
                        : LZ4_decompress_safe_partial(stored_.data(), out_.data(), in, static_cast<int>(want),
                                                      static_cast<int>(out_.size()));
    if (got < 0 || static_cast<std::size_t>(got) != want) corrupt("block " + std::to_string(block_ + 1) + " does not decode");
    done_ = static_cast<std::size_t>(got);
    return;
  }
  auto* z = static_cast<z_stream*>(stream_);
  if (!z) {
    z = new z_stream{};
    if (inflateInit(z) != Z_OK) {
      delete z;
      throw core::Error("zlib: out of memory");
    }
    stream_ = z;
    z->next_in = reinterpret_cast<Bytef*>(stored_.data());
    z->avail_in = static_cast<uInt>(stored_.size());
  }
  z->next_out = reinterpret_cast<Bytef*>(out_.data() + done_);
  z->avail_out = static_cast<uInt>(want - done_);
  const int rc = inflate(z, want == out_.size() ? Z_FINISH : Z_SYNC_FLUSH);
  done_ = want - z->avail_out;
  const bool ended = rc == Z_STREAM_END;
  if ((rc != Z_OK && !ended) || (ended != (done_ == out_.size())) || (done_ < want && !ended))
    corrupt("block " + std::to_string(block_ + 1) + " does not decode");
}

PageRange DocumentData::pages(const std::function<std::string(std::size_t)>& stored, std::size_t from,
                               std::size_t max_bytes) const {
  PageRange out;
  std::size_t bytes = 0;
  bool stopped = false;  // the budget is spent: later pages are only counted
  bool open = false;     // the page being gathered is one of those returned
  for (std::size_t i = 0; i < blocks_.size(); ++i) {
    if (i == 0 || !blocks_[i].continues) {  // a page starts here
      const std::size_t index = out.total++;
      if (index >= from && !stopped && !out.pages.empty() && bytes >= max_bytes) {
        stopped = true;
        out.next = index;
      }
      open = index >= from && !stopped;
      if (open) out.pages.push_back({blocks_[i].page, "", false});
    }
    if (!open) continue;
    PageText& page = out.pages.back();
    page.cut = page.cut || blocks_[i].omitted;
    if (!blocks_[i].omitted) page.text += block_text(i, stored(i));
    bytes += blocks_[i].text_size;
  }
  if (!stopped) out.next = out.total;
  return out;
}

}  // namespace cqc::schema
