#include "search/passage.hpp"

#include <algorithm>

namespace cqc::search {
namespace {

bool word_byte(char c) {
  const auto u = static_cast<unsigned char>(c);
  return (u >= '0' && u <= '9') || ((u | 0x20) >= 'a' && (u | 0x20) <= 'z') || u >= 0x80 || u == '_';
}

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c | 0x20) : c; }

// Whether RUN is one character of Unicode's General Punctuation block (U+2000-U+206F: dashes,
// quotes, the ellipsis), which separates words rather than being one.
bool general_punctuation(std::string_view run) {
  return run.size() == 3 && static_cast<unsigned char>(run[0]) == 0xE2 &&
         (static_cast<unsigned char>(run[1]) == 0x80 || static_cast<unsigned char>(run[1]) == 0x81);
}

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f'; }

}  // namespace

std::size_t find_word(std::string_view text, std::string_view word, std::size_t n) {
  if (word.empty() || word.size() > text.size()) return std::string_view::npos;
  for (std::size_t i = 0; i + word.size() <= text.size(); ++i) {
    if (lower(text[i]) != word[0]) continue;
    std::size_t k = 1;
    while (k < word.size() && lower(text[i + k]) == word[k]) ++k;
    if (k < word.size()) continue;
    if ((i > 0 && word_byte(text[i - 1])) || (i + k < text.size() && word_byte(text[i + k]))) continue;
    if (n-- == 0) return i;
    i += k - 1;
  }
  return std::string_view::npos;
}

std::string_view passage(std::string_view text, std::string_view word, std::size_t n) {
  std::size_t at = 0;
  if (!word.empty()) {
    at = find_word(text, word, n);
    if (at == std::string_view::npos) return text;
  }
  std::size_t begin = at > kPassageBefore ? at - kPassageBefore : 0;
  std::size_t end = at + kPassageAfter < text.size() ? at + kPassageAfter : text.size();
  if (begin > 0) {  // start after a space, never inside a word
    while (begin < at && !is_space(text[begin - 1])) ++begin;
  }
  if (end < text.size()) {  // end before a space
    while (end > at + word.size() && !is_space(text[end])) --end;
  }
  return text.substr(begin, end - begin);
}

std::pair<std::size_t, std::size_t> densest_word(std::string_view text, const std::vector<std::string>& words,
                                                 std::size_t span) {
  std::size_t longest = 0;
  for (const auto& w : words) longest = std::max(longest, w.size());
  struct Found {
    std::size_t word_number;  // of the word in TEXT
    std::size_t word;         // index into WORDS
  };
  std::vector<Found> found;
  std::size_t number = 0;
  for (std::size_t i = 0; i < text.size();) {
    if (!word_byte(text[i])) {
      ++i;
      continue;
    }
    std::size_t end = i + 1;
    while (end < text.size() && word_byte(text[end])) ++end;
    const std::string_view run = text.substr(i, end - i);
    i = end;
    if (general_punctuation(run)) continue;
    ++number;
    if (run.size() > longest) continue;
    for (std::size_t w = 0; w < words.size(); ++w) {
      if (words[w].size() != run.size()) continue;
      std::size_t k = 0;
      while (k < run.size() && lower(run[k]) == words[w][k]) ++k;
      if (k == run.size()) {
        found.push_back({number, w});
        break;
      }
    }
  }
  if (found.empty()) return {std::string_view::npos, 0};
  std::size_t best = 0, best_count = 0;
  for (std::size_t i = 0, j = 0; i < found.size(); ++i) {
    while (j < found.size() && found[j].word_number < found[i].word_number + span) ++j;
    if (j - i > best_count) best = i, best_count = j - i;
  }
  std::size_t earlier = 0;
  for (std::size_t i = 0; i < best; ++i)
    if (found[i].word == found[best].word) ++earlier;
  return {found[best].word, earlier};
}

}  // namespace cqc::search
