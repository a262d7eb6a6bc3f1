// Plain text (text/plain): one unpaged page, paragraphs kept, the first line as title.
#include <algorithm>

#include "core/text.hpp"
#include "indexer/charset.hpp"
#include "indexer/extract.hpp"

namespace cqc::indexer {
namespace {

// At most this many bytes of the first line make the title.
constexpr std::size_t kTitleBytes = 200;

class TextExtractor : public Extractor {
 public:
  std::string_view name() const override { return "text"; }
  core::Result<Extraction> extract(std::string_view bytes, std::string_view content_type) const override {
    // The HTML decoder's rules serve plain text too: BOM, HTTP charset, then detection
    // (a text file has no <meta>).
    Decoded d = decode_html(bytes, content_type);
    std::string text;
    text.reserve(d.text.size());
    for (char c : d.text)
      if (c != '\r') text.push_back(c == '\f' ? '\n' : c);  // one page: no page breaks
    if (core::trim(text).empty()) return core::Failure{"the text file is empty"};
    Extraction e;
    e.format = "text";
    std::string_view rest = core::trim(text);
    std::string_view first = rest.substr(0, rest.find('\n'));
    first = core::trim(first);
    if (first.size() > kTitleBytes) {
      std::size_t cut = kTitleBytes;
      while (cut > 0 && (static_cast<unsigned char>(first[cut]) & 0xC0) == 0x80) --cut;  // a whole character
      first = first.substr(0, cut);
    }
    e.title = std::string(first);
    e.pages.push_back({0, std::string(rest)});
    return e;
  }
};

}  // namespace

const Extractor& text_extractor() {
  static const TextExtractor instance;
  return instance;
}

}  // namespace cqc::indexer
