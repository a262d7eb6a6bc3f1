// Human-readable search output: a results table with snippets, facets and a year bar chart.
#pragma once
#include <ostream>
#include <string>

#include "search/search.hpp"

namespace cqc::cli {

// Writes RESULT for REQUEST to OUT. COLOUR marks matched words with ANSI bold; otherwise
// they are shown as [word]. EXPLAIN adds where each hit's metadata came from.
void render_text(std::ostream& out, const search::SearchRequest& request,
                 const search::SearchResult& result, bool colour, bool explain = false);

// Snippet HTML (escaped text with <mark>) as plain text with matched words marked.
std::string plain_snippet(const std::string& html, bool colour);

}  // namespace cqc::cli
