// Private to the indexer: what the HTML extractor collects from a page's markup, and how
// it becomes MarkupMeta (metadata_markup.cpp). No gumbo types, so it is testable alone.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/date.hpp"
#include "indexer/extract.hpp"

namespace cqc::indexer {

struct HtmlHead {
  std::string title;  // <title> text, white space collapsed
  std::string h1;     // text of the first <h1> outside page furniture
  // <meta> tags as (key, content): key is the lower-cased name=, property= or itemprop=.
  std::vector<std::pair<std::string, std::string>> metas;
  std::vector<std::string> json_ld;  // bodies of <script type="application/ld+json">
};

// MarkupMeta from HEAD: JSON-LD first, then OpenGraph, citation_* and Dublin Core tags.
MarkupMeta markup_meta(const HtmlHead& head);

// A date as written in markup: ISO 8601 (any precision, time ignored) or "YYYY/MM/DD".
std::optional<core::Date> parse_markup_date(std::string_view text);

// The page title: the markup headline when there is one, else <title> without a site name
// (the part matching the <h1>, or og:site_name removed), else the <h1>; may be empty.
std::string choose_title(const HtmlHead& head, const MarkupMeta& meta);

}  // namespace cqc::indexer
