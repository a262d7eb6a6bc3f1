#include "search/passage.hpp"

namespace cqc::search {
namespace {

bool word_byte(char c) {
  const auto u = static_cast<unsigned char>(c);
  return (u >= '0' && u <= '9') || ((u | 0x20) >= 'a' && (u | 0x20) <= 'z') || u >= 0x80 || u == '_';
}

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c | 0x20) : c; }

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

}  // namespace cqc::search
