// Judging a request head from the bytes a client has sent so far, before any request thread
// is given to it. The server's front (front.hpp) peeks at a connection's unread bytes and
// calls scan_head; only a complete head is handed to a thread, so a client that trickles
// bytes, or sends a huge head, holds no thread.
#pragma once
#include <cstddef>
#include <string_view>

namespace cqc::search::http {

struct HeadLimits {
  std::size_t max_uri = 8192;    // request targets longer than this answer 414
  std::size_t max_head = 16384;  // request line + header fields + blank line; larger answer 431
};

enum class HeadState {
  incomplete,      // no blank line yet, and nothing wrong so far: wait for more bytes
  complete,        // the head is whole (HeadScan::length bytes, its blank line included)
  uri_too_long,    // the request target passed max_uri (known as soon as it does)
  head_too_large,  // max_head bytes and still no blank line
  malformed,       // not an HTTP/1.x request line
};

struct HeadScan {
  HeadState state = HeadState::incomplete;
  std::size_t length = 0;  // bytes of the complete head; 0 otherwise
};

// Scans BYTES, the start of what a client has sent on a connection (at most max_head + 1
// bytes are ever needed). Decides as early as it can: an over-long target or a request line
// that cannot be HTTP/1.x is known before the head is complete. Accepts CRLF and bare LF line
// ends, as Poco's parser does. Pure: no allocation, no state.
HeadScan scan_head(std::string_view bytes, const HeadLimits& limits);

}  // namespace cqc::search::http
