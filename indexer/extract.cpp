#include "indexer/extract.hpp"

#include <cctype>

#include "core/text.hpp"
#include "indexer/extract_cqc_api.hpp"

namespace cqc::indexer {

// The concrete extractors, defined in extract_html.cpp, extract_pdf.cpp and extract_text.cpp.
const Extractor& html_extractor();
const Extractor& pdf_extractor();
const Extractor& text_extractor();

namespace {

// MIME type without parameters, lower-cased: "Text/HTML; charset=utf-8" -> "text/html".
std::string bare_mime(std::string_view mime) {
  if (size_t semi = mime.find(';'); semi != std::string_view::npos) mime = mime.substr(0, semi);
  return core::to_lower(core::trim(mime));
}

// True when TEXT starts with PREFIX, ignoring ASCII case.
bool starts_with_nocase(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() && core::to_lower(text.substr(0, prefix.size())) == prefix;
}

const Extractor* sniff(std::string_view bytes) {
  // PDF readers accept a header anywhere in the first KiB.
  if (bytes.substr(0, 1024).find("%PDF-") != std::string_view::npos) return &pdf_extractor();
  std::string_view head = bytes.substr(0, 4096);
  if (head.starts_with("\xEF\xBB\xBF")) head.remove_prefix(3);
  // Skip white space, comments and an XML declaration before the first tag.
  while (true) {
    head = core::trim(head);
    if (head.starts_with("<!--")) {
      size_t end = head.find("-->");
      if (end == std::string_view::npos) return nullptr;
      head.remove_prefix(end + 3);
    } else if (head.starts_with("<?xml")) {
      size_t end = head.find("?>");
      if (end == std::string_view::npos) return nullptr;
      head.remove_prefix(end + 2);
    } else {
      break;
    }
  }
  // The tags WHATWG MIME sniffing takes for HTML at the start of a resource.
  for (std::string_view tag : {"<!doctype html", "<html", "<head", "<body", "<script", "<iframe",
                               "<h1", "<div", "<font", "<table", "<a", "<style", "<title", "<b",
                               "<br", "<p"}) {
    if (starts_with_nocase(head, tag)) {
      char next = head.size() > tag.size() ? head[tag.size()] : '>';
      if (next == '>' || std::isspace(static_cast<unsigned char>(next))) return &html_extractor();
    }
  }
  return nullptr;
}

}  // namespace

std::string Extraction::joined_text() const {
  std::string out;
  for (size_t i = 0; i < pages.size(); ++i) {
    if (i) out.push_back('\f');
    out += pages[i].text;
  }
  return out;
}

const Extractor* extractor_for(std::string_view mime, std::string_view bytes) {
  const std::string type = bare_mime(mime);
  if (bytes.starts_with("%PDF-")) return &pdf_extractor();  // mislabelled PDFs are common
  if (type == "text/html" || type == "application/xhtml+xml") return &html_extractor();
  if (type == "application/pdf" || type == "application/x-pdf") return &pdf_extractor();
  if (type == "text/plain") return &text_extractor();
  // JSON is a document only as a CQC API location with ratings and no report (kind rating).
  if (type == "application/json") return is_cqc_api_rating(bytes) ? &cqc_api_extractor() : nullptr;
  return sniff(bytes);
}

core::Result<Extraction> extract(std::string_view bytes, std::string_view mime) {
  const Extractor* extractor = extractor_for(mime, bytes);
  if (!extractor) {
    std::string type = bare_mime(mime);
    return core::Failure{"unsupported format" +
                         (type.empty() ? std::string(" (no MIME type)") : " \"" + type + "\"")};
  }
  return extractor->extract(bytes, mime);
}

}  // namespace cqc::indexer
