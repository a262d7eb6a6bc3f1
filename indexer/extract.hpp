// Text extraction: one narrow interface, one implementation per format (Omega's handler.h).
// Extractors are pure functions of the bytes, so they can later run in a child process.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/result.hpp"

namespace cqc::indexer {

struct Page {
  int number = 0;    // 1-based PDF page number; 0 for unpaged formats (HTML)
  std::string text;  // UTF-8, paragraphs separated by "\n\n"
};

// What a document says about itself in its markup (not in its prose).
struct MarkupMeta {
  std::string headline;          // JSON-LD headline, else og:title
  core::Date published;          // see published_source
  std::string published_source;  // its source (html_head.hpp, choose_published) or ""
  std::string site_name;         // og:site_name or JSON-LD publisher name
  std::string description;       // meta description / og:description
};

struct Extraction {
  std::string format;  // "html" | "pdf" | "text" | "cqc-api"
  std::string title;   // <title> or headline for HTML; PDF Title info, else first line
  std::vector<Page> pages;
  MarkupMeta meta;
  // HTML, read for the publication date only and never indexed (html_content.hpp,
  // lead_text); paragraphs separated by "\n\n", "" when none.
  std::string lead;    // the page's own paragraphs from its headline on, with the byline
                       // and date line the main text may leave out
  std::string kicker;  // up to two short lines just above the headline (or the main text)

  // All page texts joined by "\f" (form feed), the form stored for snippets.
  std::string joined_text() const;
};

class Extractor {
 public:
  virtual ~Extractor() = default;
  // Short name for logs: "html", "pdf".
  virtual std::string_view name() const = 0;
  // Extracts text and markup metadata from BYTES served as CONTENT_TYPE (the whole
  // Content-Type value with its parameters, e.g. "text/html; charset=iso-8859-1"; may be "").
  // A document that cannot be read (corrupt, encrypted, empty) gives a Failure whose reason
  // says why, never an exception or crash.
  virtual core::Result<Extraction> extract(std::string_view bytes,
                                           std::string_view content_type) const = 0;
};

// The extractor for MIME type (parameters ignored), falling back to sniffing the bytes
// (%PDF-; <!doctype html, <html, <body, <p, <br, ... as WHATWG MIME sniffing does); nullptr
// when the format is not supported.
const Extractor* extractor_for(std::string_view mime, std::string_view bytes);

// Convenience: extractor_for + extract; MIME is the whole Content-Type (its charset
// parameter, when present, decodes HTML). An unsupported format is a Failure.
core::Result<Extraction> extract(std::string_view bytes, std::string_view mime);

}  // namespace cqc::indexer
