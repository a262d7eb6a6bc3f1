#include "core/fold.hpp"

#include <cstdint>

namespace cqc::core {
namespace {

// U+00C0-U+017F, one entry per code point: the ASCII letter(s) it folds to, or "" to keep
// it (× and ÷).
constexpr const char* kLatin[] = {
    // U+00C0
    "A", "A", "A", "A", "A", "A", "AE", "C", "E", "E", "E", "E", "I", "I", "I", "I",
    "D", "N", "O", "O", "O", "O", "O", "", "O", "U", "U", "U", "U", "Y", "TH", "ss",
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
    "d", "n", "o", "o", "o", "o", "o", "", "o", "u", "u", "u", "u", "y", "th", "y",
    // U+0100
    "A", "a", "A", "a", "A", "a", "C", "c", "C", "c", "C", "c", "C", "c", "D", "d",
    "D", "d", "E", "e", "E", "e", "E", "e", "E", "e", "E", "e", "G", "g", "G", "g",
    "G", "g", "G", "g", "H", "h", "H", "h", "I", "i", "I", "i", "I", "i", "I", "i",
    "I", "i", "IJ", "ij", "J", "j", "K", "k", "k", "L", "l", "L", "l", "L", "l", "L",
    "l", "L", "l", "N", "n", "N", "n", "N", "n", "n", "N", "n", "O", "o", "O", "o",
    "O", "o", "OE", "oe", "R", "r", "R", "r", "R", "r", "S", "s", "S", "s", "S", "s",
    "S", "s", "T", "t", "T", "t", "T", "t", "U", "u", "U", "u", "U", "u", "U", "u",
    "U", "u", "U", "u", "W", "w", "Y", "y", "Y", "Z", "z", "Z", "z", "Z", "z", "s",
};
static_assert(sizeof(kLatin) / sizeof(kLatin[0]) == 0x180 - 0xC0);

// The code point of a two-byte UTF-8 sequence at TEXT[I] (lead 0xC2-0xDF), or 0.
std::uint32_t two_byte_at(std::string_view text, std::size_t i) {
  const auto a = static_cast<unsigned char>(text[i]);
  if (a < 0xC2 || a > 0xDF || i + 1 >= text.size()) return 0;
  const auto b = static_cast<unsigned char>(text[i + 1]);
  if ((b & 0xC0) != 0x80) return 0;
  return (static_cast<std::uint32_t>(a & 0x1F) << 6) | (b & 0x3F);
}

// What code point CP folds to: nullptr to keep it, "" to drop it.
const char* fold_of(std::uint32_t cp) {
  if (cp >= 0xC0 && cp < 0x180) return *kLatin[cp - 0xC0] ? kLatin[cp - 0xC0] : nullptr;
  if (cp >= 0x300 && cp < 0x370) return "";
  return nullptr;
}

}  // namespace

bool has_foldable(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (static_cast<unsigned char>(text[i]) < 0xC3) continue;  // ASCII, continuation, U+0080-U+00BF
    if (fold_of(two_byte_at(text, i))) return true;
  }
  return false;
}

std::string fold_accents(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const std::uint32_t cp = static_cast<unsigned char>(text[i]) >= 0xC3 ? two_byte_at(text, i) : 0;
    if (const char* f = cp ? fold_of(cp) : nullptr) {
      out += f;
      ++i;  // both bytes consumed
    } else {
      out.push_back(text[i]);
    }
  }
  return out;
}

}  // namespace cqc::core
