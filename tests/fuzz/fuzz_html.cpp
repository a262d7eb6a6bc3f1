// Fuzz target "html": a page as the indexer reads an HTML capture — indexer::extract (charset
// decoding, the nesting guard, gumbo, head scan, dates, main text, lead) and then
// extract_metadata, the step run_job applies to every extraction (indexer/index_job.cpp).
// Input: one selector byte, then the page. The selector picks the Content-Type the capture
// was served with (bits 0-2) and its URI (bits 3-4), so charset labels and URL-borne dates
// and trust sites are reached. Extraction returns a Failure for a page it cannot read and
// documents no exception, so none is caught.
#include <algorithm>
#include <string>

#include "core/text.hpp"
#include "indexer/extract.hpp"
#include "indexer/metadata.hpp"
#include "tests/fuzz/fuzz_target.hpp"

namespace {

constexpr const char* kContentTypes[8] = {
    "text/html",
    "text/html; charset=utf-8",
    "text/html; charset=iso-8859-1",
    "text/html; charset=windows-1252",
    "text/html; charset=utf-16le",
    "application/xhtml+xml",
    "text/html; charset=\"shift_jis\"",
    "",
};

constexpr const char* kUris[4] = {
    "https://www.cqc.org.uk/location/RT5X1/reports",
    "https://www.leicspt.nhs.uk/news/2019/03/04/ward-reopens/",
    "https://www.example-news.co.uk/health/hospital-rated-inadequate-20210615.html",
    "",
};

}  // namespace

CQC_FUZZ_TARGET(html) {
  using namespace cqc;
  std::string_view input = fuzz::bytes(data, size);
  const unsigned selector = fuzz::take_selector(input);
  const char* content_type = kContentTypes[selector & 7];
  const char* uri = kUris[(selector >> 3) & 3];

  auto doc = indexer::extract(input, content_type);
  if (!doc) {
    CQC_FUZZ_CHECK(!doc.error().empty(), "a Failure without a reason");
    return 0;
  }
  if (doc->format == "html") {  // text as tests/hostile expects it: UTF-8 without NUL
    CQC_FUZZ_CHECK(core::valid_utf8(doc->title), "HTML title is not valid UTF-8");
    for (const indexer::Page& p : doc->pages) {
      CQC_FUZZ_CHECK(p.text.find('\0') == std::string::npos, "NUL in extracted HTML text");
      CQC_FUZZ_CHECK(core::valid_utf8(p.text), "extracted HTML text is not valid UTF-8");
    }
  }
  const indexer::Metadata meta = indexer::extract_metadata(doc.value(), uri);
  CQC_FUZZ_CHECK(meta.year >= 0 && meta.year <= 9999, "metadata year out of range");
  for (const std::string& t : meta.mentioned_trusts)
    CQC_FUZZ_CHECK(std::find(meta.trusts.begin(), meta.trusts.end(), t) != meta.trusts.end(),
                   "a mentioned trust missing from trusts");
  return 0;
}
