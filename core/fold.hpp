// Accent folding for search terms: the indexer folds the text it indexes and search folds the
// query the same way, so "seclusión" finds "seclusion" and "café" finds "cafe". Stored text
// (what users read) is never folded.
#pragma once
#include <string>
#include <string_view>

namespace cqc::core {

// TEXT with the Latin letters of U+00C0-U+017F replaced by their unaccented ASCII letters
// ("é" -> "e", "Æ" -> "AE", "ß" -> "ss", "ł" -> "l") and combining marks U+0300-U+036F
// dropped; everything else, and malformed UTF-8, is copied unchanged. Folding never joins
// or splits words, so word counts (and term positions) stay the same.
std::string fold_accents(std::string_view text);

// Whether fold_accents(TEXT) would differ from TEXT (false at once for ASCII text).
bool has_foldable(std::string_view text);

}  // namespace cqc::core
