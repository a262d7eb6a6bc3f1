#include "archive/warc.hpp"

#include <Poco/UUIDGenerator.h>
#include <sys/random.h>

#include <cctype>
#include <cerrno>
#include <ctime>

#include "core/text.hpp"

namespace cqc::archive {

std::string WarcRecord::get(std::string_view name) const {
  const std::string want = core::to_lower(name);
  for (const auto& [k, v] : headers)
    if (core::to_lower(k) == want) return v;
  return "";
}

std::string format_head(const WarcHeaders& headers, std::uint64_t content_length) {
  std::string head = "WARC/1.1\r\n";
  for (const auto& [k, v] : headers) {
    head += k;
    head += ": ";
    head += v;
    head += "\r\n";
  }
  head += "Content-Length: " + std::to_string(content_length) + "\r\n\r\n";
  return head;
}

std::string WarcRecord::target_uri() const {
  std::string uri = get("WARC-Target-URI");
  if (uri.size() >= 2 && uri.front() == '<' && uri.back() == '>') uri = uri.substr(1, uri.size() - 2);
  return uri;
}

namespace {

// Reads the head of the record at the start of BYTES into REC and checks its framing (a
// Content-Length that fits, the block present, CRLF CRLF after it); returns where the block
// starts and its length.
core::Result<std::pair<std::size_t, std::uint64_t>> parse_frame(std::string_view bytes, WarcRecord& rec) {
  size_t eol = bytes.find("\r\n");
  if (eol == std::string_view::npos || !bytes.starts_with("WARC/"))
    return core::Failure{"not a WARC record (no WARC/ version line)"};
  rec.version = std::string(bytes.substr(0, eol));
  size_t pos = eol + 2;
  while (true) {
    eol = bytes.find("\r\n", pos);
    if (eol == std::string_view::npos) return core::Failure{"WARC head is not terminated"};
    if (eol == pos) break;
    std::string_view line = bytes.substr(pos, eol - pos);
    size_t colon = line.find(':');
    if (colon == std::string_view::npos)
      return core::Failure{"malformed WARC header line: " + std::string(line.substr(0, 80))};
    rec.headers.emplace_back(std::string(core::trim(line.substr(0, colon))),
                             std::string(core::trim(line.substr(colon + 1))));
    pos = eol + 2;
  }
  pos += 2;
  std::string len_text = rec.get("Content-Length");
  if (len_text.empty()) return core::Failure{"WARC record has no Content-Length"};
  std::uint64_t len = 0;
  for (char c : len_text) {
    if (!std::isdigit(static_cast<unsigned char>(c)))
      return core::Failure{"bad Content-Length: " + len_text};
    // A length past 2^64 wrapped around, and pos + len below could wrap too: a block of
    // Content-Length 18446744073709551612 was accepted as the rest of the bytes (fuzzing).
    if (len > (UINT64_MAX - 9) / 10) return core::Failure{"bad Content-Length: " + len_text};
    len = len * 10 + static_cast<std::uint64_t>(c - '0');
  }
  if (bytes.size() - pos < len)
    return core::Failure{"WARC block truncated: Content-Length " + len_text + ", have " +
                         std::to_string(bytes.size() - pos) + " bytes"};
  if (bytes.substr(pos + len, 4) != "\r\n\r\n")
    return core::Failure{"WARC record does not end with CRLF CRLF"};
  return std::pair<std::size_t, std::uint64_t>{pos, len};
}

}  // namespace

core::Result<WarcRecord> parse_record(std::string_view bytes) {
  WarcRecord rec;
  auto frame = parse_frame(bytes, rec);
  if (!frame) return core::Failure{frame.error()};
  rec.block = std::string(bytes.substr(frame->first, frame->second));
  return rec;
}

core::Result<WarcRecord> parse_record_owned(std::string&& bytes) {
  WarcRecord rec;
  auto frame = parse_frame(bytes, rec);
  if (!frame) return core::Failure{frame.error()};
  bytes.resize(frame->first + frame->second);
  bytes.erase(0, frame->first);
  rec.block = std::move(bytes);
  return rec;
}

std::string warc_date(std::chrono::system_clock::time_point time) {
  std::time_t t = std::chrono::system_clock::to_time_t(time);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::string new_record_id() {
  // A version 4 UUID from getrandom(2): Poco's generator opened /dev/urandom for every id
  // (two per capture).
  unsigned char b[16];
  size_t got = 0;
  while (got < sizeof b) {
    const ssize_t n = ::getrandom(b + got, sizeof b - got, 0);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return "<urn:uuid:" + Poco::UUIDGenerator::defaultGenerator().createRandom().toString() + ">";
    got += static_cast<size_t>(n);
  }
  b[6] = static_cast<unsigned char>((b[6] & 0x0f) | 0x40);  // version 4
  b[8] = static_cast<unsigned char>((b[8] & 0x3f) | 0x80);  // RFC 4122 variant
  static const char* hexd = "0123456789abcdef";
  std::string out = "<urn:uuid:";
  for (size_t i = 0; i < sizeof b; ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) out.push_back('-');
    out.push_back(hexd[b[i] >> 4]);
    out.push_back(hexd[b[i] & 15]);
  }
  return out + ">";
}

}  // namespace cqc::archive
