// Private to the indexer: a document as a stream of word tokens, the form every metadata
// heuristic works on (metadata_*.cpp). Punctuation is kept beside the words, not as tokens.
#pragma once
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "indexer/extract.hpp"

namespace cqc::indexer {

// Where a token sits: weighting of trust mentions depends on it.
enum class Region { kTitle, kLead, kBody };

struct Token {
  std::string text;   // as written, with curly quotes, dashes and ligatures normalised
  std::string lower;  // ASCII lower case of text
  std::string sep;    // punctuation between the previous token and this one (no spaces)
  int page = 0;       // Page::number (0 for HTML and for the title)
  int para = 0;       // paragraph number over the whole document (the title is 0)
  int sentence = 0;   // sentence number over the whole document
  Region region = Region::kBody;
  uint32_t word = 0;  // name_lexicon() id of lower (metadata_lexicon.hpp); 0 when no name of
                      // the gazetteer has this word. Set by tokenize.
};

using Tokens = std::vector<Token>;

// Curly quotes to ASCII quotes, dashes to '-', odd spaces to ' ', ligatures to letters,
// soft hyphens dropped, bullets to '\x01' (a sentence break).
std::string normalize_text(std::string_view text);

// Word tokens of TEXT (letters, digits and any non-ASCII byte; '&' is a token of its own).
std::vector<std::string> phrase_tokens(std::string_view text);

// The document's tokens: its title, then each page's paragraphs. The lead is the cover
// page of a PDF, or the first paragraphs of HTML up to the first full paragraph. Each token's
// word id is looked up once here, for all the name patterns.
Tokens tokenize(const Extraction& doc);

// A == B, the cheap tests first: the heuristics compare every token with lists of words, and
// most differ in length or first letter. Inline with is_word and phrase_at for that reason.
inline bool same_word(std::string_view a, std::string_view b) {
  return a.size() == b.size() && (a.empty() || (a[0] == b[0] && a == b));
}

// True when W's lower-case form is one of WORDS.
inline bool is_word(const Token& w, std::initializer_list<std::string_view> words) {
  for (std::string_view word : words)
    if (same_word(w.lower, word)) return true;
  return false;
}

// True when the tokens from I spell PHRASE (lower-case words) within one paragraph.
inline bool phrase_at(const Tokens& t, size_t i, std::initializer_list<std::string_view> phrase) {
  if (i + phrase.size() > t.size()) return false;
  size_t k = i;
  for (std::string_view w : phrase) {
    if (!same_word(t[k].lower, w) || t[k].para != t[i].para) return false;
    ++k;
  }
  return true;
}

// True when one of the N tokens before I (same sentence) is one of WORDS.
bool word_before(const Tokens& t, size_t i, size_t n,
                 std::initializer_list<std::string_view> words);

}  // namespace cqc::indexer
