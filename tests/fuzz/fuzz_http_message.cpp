// Fuzz target "http_message": archive/http_message.hpp on an HTTP response as archived in a
// WARC response record — parse_http_head, header lookups, entity_body, decode_content and
// media_type — and the streaming Dechunker against dechunk (the fetcher digests bodies in
// 64 KiB pieces, the reader dechunks them whole: both must agree).
// Input: one selector byte, then the message (head, CRLF CRLF, body). Selector bits 0-3: the
// piece size fed to the Dechunker (1-16 bytes); bits 4-5: the content coding decoded
// (0 the head's Content-Encoding, 1 gzip, 2 deflate, 3 an unsupported one). Every function
// returns a Result; none documents an exception, so none is caught.
#include <string>

#include "archive/http_message.hpp"
#include "tests/fuzz/fuzz_target.hpp"

namespace {

using namespace cqc;

// BODY dechunked by one Dechunker fed PIECE bytes at a time; compared with dechunk(BODY).
void check_dechunker(std::string_view body, size_t piece) {
  const auto whole = archive::dechunk(body);
  archive::Dechunker d;
  std::string out;
  bool ok = true;
  for (size_t at = 0; at < body.size() && ok; at += piece) ok = d.feed(body.substr(at, piece), out);
  const bool streamed = ok && d.done();
  CQC_FUZZ_CHECK(streamed == whole.ok(), "Dechunker in pieces and dechunk disagree on framing");
  if (streamed) CQC_FUZZ_CHECK(out == whole.value(), "Dechunker in pieces and dechunk differ");
  if (!ok) CQC_FUZZ_CHECK(!d.error().empty(), "broken framing without a reason");
}

}  // namespace

CQC_FUZZ_TARGET(http_message) {
  std::string_view input = fuzz::bytes(data, size);
  const unsigned selector = fuzz::take_selector(input);
  const size_t piece = (selector & 15) + 1;
  const unsigned coding = (selector >> 4) & 3;

  check_dechunker(input, piece);
  auto head = archive::parse_http_head(input);
  if (!head) {
    CQC_FUZZ_CHECK(!head.error().empty(), "a Failure without a reason");
    return 0;
  }
  CQC_FUZZ_CHECK(input.substr(0, head->raw.size()) == head->raw, "the head is not the message's start");
  CQC_FUZZ_CHECK(head->raw.ends_with("\r\n\r\n"), "the head does not end with the blank line");
  const std::string_view body = input.substr(head->raw.size());
  check_dechunker(body, piece);

  (void)archive::media_type(head->get("Content-Type"));
  (void)head->get("ETag");
  auto entity = archive::entity_body(head.value(), body);
  const std::string_view encoded = entity ? std::string_view(entity.value()) : body;
  const std::string encoding = coding == 0   ? head->get("Content-Encoding")
                               : coding == 1 ? "gzip"
                               : coding == 2 ? "deflate"
                                             : "br";
  constexpr std::uint64_t kMax = 1 << 20;
  auto decoded = archive::decode_content(encoded, encoding, kMax);
  if (decoded) CQC_FUZZ_CHECK(decoded->size() <= kMax || encoding.empty() || encoding == "identity",
                              "decode_content passed its output limit");
  return 0;
}
