#include "core/schema.hpp"

#include <Poco/SHA1Engine.h>
#include <zlib.h>  // through Poco::Foundation, which links it

#include <algorithm>
#include <cctype>

#include "core/error.hpp"
#include "core/text.hpp"

namespace cqc::schema {

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

// --- Document data ------------------------------------------------------------------------

namespace cqc::schema {
namespace {

constexpr std::string_view kMagic = "CQD1";
constexpr std::uint32_t kMaxPage = 1u << 30;   // a page of text larger than this is refused
constexpr std::size_t kEntrySize = 16;         // i32 number, u32 position, u32 size, u32 stored

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

}  // namespace

std::string encode_document_data(std::string_view metadata_json, const std::vector<StoredPage>& pages) {
  std::vector<std::string> stored(pages.size());
  for (std::size_t i = 0; i < pages.size(); ++i) {
    const std::string& text = pages[i].text;
    if (text.size() > kMaxPage) throw core::Error("page " + std::to_string(pages[i].number) + " is over 1 GiB of text");
    uLongf size = compressBound(static_cast<uLong>(text.size()));
    stored[i].resize(size);
    const int rc = compress2(reinterpret_cast<Bytef*>(stored[i].data()), &size,
                             reinterpret_cast<const Bytef*>(text.data()), static_cast<uLong>(text.size()), 6);
    if (rc != Z_OK || size >= text.size()) stored[i] = text;  // not worth it: kept raw
    else stored[i].resize(size);
  }
  std::string out(kMagic);
  put32(out, static_cast<std::uint32_t>(metadata_json.size()));
  out.append(metadata_json);
  put32(out, static_cast<std::uint32_t>(pages.size()));
  for (std::size_t i = 0; i < pages.size(); ++i) {
    put32(out, static_cast<std::uint32_t>(pages[i].number));
    put32(out, pages[i].first_position);
    put32(out, static_cast<std::uint32_t>(pages[i].text.size()));
    put32(out, static_cast<std::uint32_t>(stored[i].size()));
  }
  for (const auto& s : stored) out += s;
  return out;
}

DocumentData::DocumentData(std::string data) : data_(std::move(data)) {
  const std::string_view d(data_);
  if (!d.starts_with(kMagic)) corrupt(d.empty() || d[0] == '{' ? "an older layout" : "no CQD1 header");
  if (d.size() < kMagic.size() + 8) corrupt("header cut short");
  std::size_t at = kMagic.size();
  meta_size_ = get32(d, at);
  meta_offset_ = at + 4;
  if (meta_size_ > d.size() - meta_offset_ - 4) corrupt("metadata cut short");
  at = meta_offset_ + meta_size_;
  const std::uint32_t count = get32(d, at);
  at += 4;
  if (count > (d.size() - at) / kEntrySize) corrupt("page table cut short");
  std::size_t offset = at + count * kEntrySize;
  pages_.reserve(count);
  for (std::uint32_t i = 0; i < count; ++i, at += kEntrySize) {
    Entry e{static_cast<int>(get32(d, at)), get32(d, at + 4), get32(d, at + 8), get32(d, at + 12), offset};
    if (e.stored_size > d.size() - offset) corrupt("page " + std::to_string(i + 1) + " cut short");
    if (e.stored_size > e.text_size || e.text_size > kMaxPage) corrupt("page " + std::to_string(i + 1) + " has a bad size");
    if (i > 0 && e.first_position < pages_.back().first_position) corrupt("page positions out of order");
    offset += e.stored_size;
    pages_.push_back(e);
  }
}

std::size_t DocumentData::page_at(std::uint32_t pos) const {
  // The last page whose first position is <= POS.
  auto it = std::upper_bound(pages_.begin(), pages_.end(), pos,
                             [](std::uint32_t p, const Entry& e) { return p < e.first_position; });
  return it == pages_.begin() ? pages_.size() : static_cast<std::size_t>(it - pages_.begin() - 1);
}

std::string DocumentData::page_text(std::size_t i) const {
  const Entry& e = pages_.at(i);
  if (e.stored_size == e.text_size) return data_.substr(e.offset, e.stored_size);
  std::string out(e.text_size, '\0');
  uLongf size = e.text_size;
  const int rc = uncompress(reinterpret_cast<Bytef*>(out.data()), &size,
                            reinterpret_cast<const Bytef*>(data_.data() + e.offset), e.stored_size);
  if (rc != Z_OK || size != e.text_size) corrupt("page " + std::to_string(i + 1) + " does not inflate");
  return out;
}

std::string DocumentData::joined_text() const {
  std::string out;
  for (std::size_t i = 0; i < pages_.size(); ++i) {
    if (i) out.push_back('\f');
    out += page_text(i);
  }
  return out;
}

}  // namespace cqc::schema
