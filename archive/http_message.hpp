// HTTP/1.1 messages as archived in WARC request/response records: reading a status line
// and headers, and recovering the entity body from the bytes as they were received.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace cqc::archive {

struct HttpHead {
  int status = 0;           // response status code (0 for requests)
  std::string start_line;   // "HTTP/1.1 200 OK"
  std::string raw;          // the whole head, ending with the blank line
  // The value of header NAME (case-insensitive; the first one), "" when absent.
  std::string get(std::string_view name) const;
};

// Parses the head at the start of MESSAGE (status line + headers + CRLF CRLF).
core::Result<HttpHead> parse_http_head(std::string_view message);

// Removes chunked transfer coding from a body fed in pieces of any size.
class Dechunker {
 public:
  // Feeds the next raw bytes; decoded bytes are appended to OUT. False once the framing is
  // broken (error() says how); bytes after the last chunk are ignored.
  bool feed(std::string_view raw, std::string& out);
  // True when the terminating zero-size chunk has been seen.
  bool done() const { return state_ == State::done; }
  const std::string& error() const { return error_; }

 private:
  enum class State { size, data, data_crlf, done, broken } state_ = State::size;
  std::string line_;
  std::uint64_t left_ = 0;
  std::string error_;
};

// Removes chunked transfer coding from BODY. Failure when the chunk framing is broken.
core::Result<std::string> dechunk(std::string_view body);

// Removes gzip or deflate content coding (Content-Encoding value ENCODING; "" or
// "identity" returns BODY). Failure names a broken or unsupported coding. At most
// MAX_BYTES of output (a guard against decompression bombs).
core::Result<std::string> decode_content(std::string_view body, std::string_view encoding,
                                         std::uint64_t max_bytes = 512ull << 20);

// The entity body of a response message: transfer coding removed (content coding kept),
// which is what WARC-Payload-Digest covers.
core::Result<std::string> entity_body(const HttpHead& head, std::string_view body);

// The media type of a Content-Type value: "text/html; charset=utf-8" -> "text/html".
std::string media_type(std::string_view content_type);

}  // namespace cqc::archive
