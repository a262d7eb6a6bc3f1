// Fuzz target "request_head": search/http/request_head.hpp, the server front's judgement of a
// request head from the bytes a client has sent so far (it runs on every readable event of
// every connection, before any thread is involved). Input: one selector byte choosing the
// limits, then the bytes. scan_head throws nothing, so nothing is caught.
// Checked: a complete head's length is within the bytes and within max_head and ends with a
// blank line; the verdict on a prefix never contradicts the verdict on the whole (a head
// judged complete stays complete with the same length when more bytes arrive; a refusal of a
// prefix is a refusal of the whole).
#include <string_view>

#include "search/http/request_head.hpp"
#include "tests/fuzz/fuzz_target.hpp"

CQC_FUZZ_TARGET(request_head) {
  using namespace cqc::search::http;
  if (size == 0) return 0;
  const std::uint8_t selector = data[0];
  const std::string_view bytes = cqc::fuzz::bytes(data + 1, size - 1);
  HeadLimits limits;
  limits.max_uri = 8 + (selector & 0x0f) * 64;           // 8 .. 968
  limits.max_head = limits.max_uri + 64 + (selector >> 4) * 128;
  const HeadScan whole = scan_head(bytes, limits);
  if (whole.state == HeadState::complete) {
    CQC_FUZZ_CHECK(whole.length > 0 && whole.length <= bytes.size(), "complete length outside the bytes");
    CQC_FUZZ_CHECK(whole.length <= limits.max_head, "complete head longer than max_head");
    const std::string_view head = bytes.substr(0, whole.length);
    CQC_FUZZ_CHECK(head.ends_with("\n\n") || head.ends_with("\r\n\r\n") || head.ends_with("\n\r\n"),
                   "complete head does not end with a blank line");
  } else {
    CQC_FUZZ_CHECK(whole.length == 0, "length given for an incomplete or refused head");
  }
  // Every prefix, as bytes trickle in: its verdict must not contradict the whole's.
  for (std::size_t n = 0; n <= bytes.size(); n += 1 + n / 16) {
    const HeadScan part = scan_head(bytes.substr(0, n), limits);
    if (part.state == HeadState::complete) {
      CQC_FUZZ_CHECK(whole.state == HeadState::complete && whole.length == part.length,
                     "a complete prefix changed its verdict when more bytes came");
    } else if (part.state != HeadState::incomplete) {
      CQC_FUZZ_CHECK(whole.state == part.state, "a refused prefix was accepted whole");
    }
  }
  return 0;
}
