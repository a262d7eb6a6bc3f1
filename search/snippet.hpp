// Snippets: the best passage of a document for the query, with its PDF page.
#pragma once
#include <xapian.h>

#include <string>
#include <utility>
#include <vector>

namespace cqc::search {

// Characters of text a snippet shows (about).
inline constexpr size_t kSnippetLength = 240;

// The best snippet of TEXT (pages joined by '\f'; PAGES gives each page's number) for the
// query behind MSET: HTML-escaped, matched words in <mark></mark>. Returns the snippet and
// the page it came from (0 for unpaged documents): the page with the most matched words,
// the earliest on a tie.
std::pair<std::string, int> best_snippet(const Xapian::MSet& mset, const std::string& text,
                                         const std::vector<int>& pages, const Xapian::Stem& stem);

}  // namespace cqc::search
