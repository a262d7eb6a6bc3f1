// How deep a page nests its block containers, counted from the tags alone before parsing:
// gumbo's tree building is quadratic in nesting depth (200,000 nested <div>s take minutes), and
// no real page nests containers more than a few dozen deep. Internal to the HTML extractor.
#pragma once
#include <cstddef>
#include <string_view>

namespace cqc::indexer {

// Pages nesting containers deeper than this are not parsed (reported as failed).
inline constexpr std::size_t kMaxHtmlNesting = 1000;

// The deepest nesting of container elements that are never closed implicitly (div, span,
// section, table, blockquote ...) in HTML, by counting their start and end tags (comments,
// and the text of script and style, are skipped). An end tag without a start tag counts zero.
std::size_t container_depth(std::string_view html);

}  // namespace cqc::indexer
