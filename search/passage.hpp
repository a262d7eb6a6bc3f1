// Cutting a text block down to the passage a snippet shows, around the match that term
// positions located: MSet::snippet then only marks the query's words in it (it stems every
// word it is given, so ten 4 KB blocks would cost far more than ten short passages).
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cqc::search {

// Bytes of text kept before and after the located word: together a snippet's length
// (kSnippetLength, search/snippet.hpp).
inline constexpr std::size_t kPassageBefore = 40;
inline constexpr std::size_t kPassageAfter = 200;

// The byte offset in TEXT of the (N+1)-th occurrence of WORD as a whole word (not inside a
// longer run of letters and digits), ASCII case ignored; npos when there is none.
std::size_t find_word(std::string_view text, std::string_view word, std::size_t n);

// The part of TEXT from about kPassageBefore bytes before the (N+1)-th whole-word occurrence
// of WORD to about kPassageAfter bytes after it, cut at white space; the start of TEXT (up to
// kPassageAfter bytes) when WORD is empty; TEXT whole when WORD does not occur N+1 times
// (e.g. it is written with letters whose case is not ASCII).
std::string_view passage(std::string_view text, std::string_view word, std::size_t n);

// Where WORDS (lower-case, as indexed) cluster most densely in TEXT, each occurrence matched
// as find_word matches it: the occurrence that starts the run of SPAN words of TEXT holding
// the most occurrences (the earliest on a tie), as {its index into WORDS, how often that word
// occurs in TEXT before it}; {npos, 0} when none occurs. Words are counted as term positions
// count them, near enough: runs of letters and digits, a lone punctuation mark outside ASCII
// (a dash, a quote) not counted. One pass over TEXT: a single stored block's passage is found
// without the index's term positions (search/snippet.hpp).
std::pair<std::size_t, std::size_t> densest_word(std::string_view text, const std::vector<std::string>& words,
                                                 std::size_t span);

}  // namespace cqc::search
