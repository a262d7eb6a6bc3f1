#include "search/http/request_head.hpp"

namespace cqc::search::http {
namespace {

constexpr std::size_t kMaxMethod = 16;  // longer than any method we could answer

bool is_token_char(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '-' || c == '_';
}

// Where the head ends (just past its blank line), or npos.
std::size_t head_end(std::string_view b) {
  for (std::size_t i = b.find('\n'); i != std::string_view::npos; i = b.find('\n', i + 1)) {
    const std::size_t next = i + 1;
    if (next < b.size() && b[next] == '\n') return next + 1;
    if (next + 1 < b.size() && b[next] == '\r' && b[next + 1] == '\n') return next + 2;
  }
  return std::string_view::npos;
}

}  // namespace

HeadScan scan_head(std::string_view b, const HeadLimits& limits) {
  // The method: letters up to the first space.
  std::size_t sp = 0;
  while (sp < b.size() && sp <= kMaxMethod && is_token_char(b[sp])) ++sp;
  if (sp == b.size()) return {b.size() > kMaxMethod ? HeadState::malformed : HeadState::incomplete, 0};
  if (sp == 0 || sp > kMaxMethod || b[sp] != ' ') return {HeadState::malformed, 0};

  // The target runs to the next space; judge its length before the line is complete.
  const std::size_t target = sp + 1;
  std::size_t end = target;
  while (end < b.size() && b[end] != ' ' && b[end] != '\r' && b[end] != '\n') {
    const unsigned char c = static_cast<unsigned char>(b[end]);
    if (c < 0x20 || c == 0x7f) return {HeadState::malformed, 0};
    if (end - target >= limits.max_uri) return {HeadState::uri_too_long, 0};
    ++end;
  }
  if (end == b.size()) return {HeadState::incomplete, 0};
  if (end == target || b[end] != ' ') return {HeadState::malformed, 0};  // HTTP/0.9 or empty

  // The version: "HTTP/1.x" then the line end.
  const std::string_view version = b.substr(end + 1, 8);
  if (version != std::string_view("HTTP/1.1").substr(0, version.size()) &&
      version != std::string_view("HTTP/1.0").substr(0, version.size()))
    return {HeadState::malformed, 0};

  const std::size_t length = head_end(b);
  if (length == std::string_view::npos)
    return {b.size() >= limits.max_head ? HeadState::head_too_large : HeadState::incomplete, 0};
  if (length > limits.max_head) return {HeadState::head_too_large, 0};
  return {HeadState::complete, length};
}

}  // namespace cqc::search::http
