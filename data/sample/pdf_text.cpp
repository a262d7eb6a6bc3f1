// Text encoding and font metrics for the sample PDF writer: UTF-8 to WinAnsiEncoding,
// PDF literal-string escaping, and Helvetica / Helvetica-Bold advance widths (from the
// Adobe Core 14 AFM files) so that word wrapping matches what viewers draw.
#include <array>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

#include "data/sample/pdf_writer.hpp"

namespace cqc::sample {
namespace {

// Advance widths (1/1000 em) of the printable ASCII range 32..126.
constexpr std::array<short, 95> kRegular = {
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,  // sp-/
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,  // 0-?
    1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,  // @-O
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,  // P-_
    333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,  // `-o
    556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584};      // p-~
constexpr std::array<short, 95> kBold = {
    278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278,
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611,
    975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778,
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556,
    333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611,
    611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584};

int high_width(unsigned char c, bool bold) {
  switch (c) {
    case 0x91: case 0x92: return bold ? 278 : 222;  // quoteleft, quoteright
    case 0x93: case 0x94: return bold ? 500 : 333;  // quotedblleft, quotedblright
    case 0x95: return 350;                          // bullet
    case 0x85: case 0x97: return 1000;              // ellipsis, emdash
    case 0xA0: return 278;                          // no-break space
    default: return 556;  // endash, sterling, accented letters, euro
  }
}

// Decodes one UTF-8 sequence at TEXT[I], advancing I; throws on malformed input.
char32_t decode(std::string_view text, std::size_t& i) {
  const auto b0 = static_cast<unsigned char>(text[i]);
  int extra = b0 < 0x80 ? 0 : (b0 >> 5) == 6 ? 1 : (b0 >> 4) == 14 ? 2 : (b0 >> 3) == 30 ? 3 : -1;
  if (extra < 0 || i + static_cast<std::size_t>(extra) >= text.size()) {
    throw std::invalid_argument("malformed UTF-8 in PDF text");
  }
  char32_t cp = extra == 0 ? b0 : (b0 & (0x3F >> extra));
  for (int k = 1; k <= extra; ++k) {
    const auto b = static_cast<unsigned char>(text[i + static_cast<std::size_t>(k)]);
    if ((b & 0xC0) != 0x80) throw std::invalid_argument("malformed UTF-8 in PDF text");
    cp = (cp << 6) | (b & 0x3F);
  }
  i += static_cast<std::size_t>(extra) + 1;
  return cp;
}

}  // namespace

std::string to_winansi(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  for (std::size_t i = 0; i < utf8.size();) {
    const char32_t cp = decode(utf8, i);
    unsigned char c = 0;
    if ((cp >= 0x20 && cp < 0x7F) || (cp >= 0xA0 && cp <= 0xFF)) {
      c = static_cast<unsigned char>(cp);
    } else {
      switch (cp) {
        case U'\u2018': c = 0x91; break;
        case U'\u2019': c = 0x92; break;
        case U'\u201C': c = 0x93; break;
        case U'\u201D': c = 0x94; break;
        case U'\u2022': c = 0x95; break;
        case U'\u2013': c = 0x96; break;
        case U'\u2014': c = 0x97; break;
        case U'\u2026': c = 0x85; break;
        case U'\u20AC': c = 0x80; break;
        default:
          throw std::invalid_argument("character U+" +
                                      std::to_string(static_cast<std::uint32_t>(cp)) +
                                      " has no WinAnsi code");
      }
    }
    out.push_back(static_cast<char>(c));
  }
  return out;
}

std::string pdf_escape(std::string_view winansi) {
  static constexpr char kOct[] = "01234567";
  std::string out;
  out.reserve(winansi.size() + 8);
  for (const char ch : winansi) {
    const auto c = static_cast<unsigned char>(ch);
    if (c == '(' || c == ')' || c == '\\') {
      out.push_back('\\');
      out.push_back(ch);
    } else if (c < 0x20 || c >= 0x7F) {
      out.push_back('\\');
      out.push_back(kOct[(c >> 6) & 7]);
      out.push_back(kOct[(c >> 3) & 7]);
      out.push_back(kOct[c & 7]);
    } else {
      out.push_back(ch);
    }
  }
  return out;
}

std::string pdf_text_string(std::string_view utf8) {
  bool ascii = true;
  for (const char ch : utf8) {
    const auto c = static_cast<unsigned char>(ch);
    if (c < 0x20 || c >= 0x7F) ascii = false;
  }
  if (ascii) return "(" + pdf_escape(utf8) + ")";
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out = "<FEFF";
  const auto put16 = [&](unsigned v) {
    for (int shift = 12; shift >= 0; shift -= 4) out.push_back(kHex[(v >> shift) & 0xF]);
  };
  for (std::size_t i = 0; i < utf8.size();) {
    const char32_t cp = decode(utf8, i);
    if (cp >= 0x10000) {
      const auto v = static_cast<unsigned>(cp - 0x10000);
      put16(0xD800 + (v >> 10));
      put16(0xDC00 + (v & 0x3FF));
    } else {
      put16(static_cast<unsigned>(cp));
    }
  }
  return out + ">";
}

double text_width(std::string_view winansi, bool bold, double size) {
  long units = 0;
  for (const char ch : winansi) {
    const auto c = static_cast<unsigned char>(ch);
    if (c >= 32 && c <= 126) {
      units += (bold ? kBold : kRegular)[c - 32];
    } else {
      units += high_width(c, bold);
    }
  }
  return static_cast<double>(units) * size / 1000.0;
}

}  // namespace cqc::sample
