// Charset choice and conversion for HTML pages (charset.hpp). iconv is glibc's.
#include "indexer/charset.hpp"

#include <iconv.h>

#include <cerrno>
#include <cctype>
#include <memory>
#include <unordered_map>

#include "core/text.hpp"

namespace cqc::indexer {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD in UTF-8

// Length of the well-formed UTF-8 sequence at the start of S, 0 when it is not one.
std::size_t utf8_sequence(std::string_view s) {
  const auto c = static_cast<unsigned char>(s[0]);
  std::size_t len = c < 0x80 ? 1 : c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3
                    : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
  if (len == 0 || len > s.size() || !core::valid_utf8(s.substr(0, len))) return 0;
  return len;
}

// How BYTES reads as UTF-8: well-formed multi-byte sequences and bytes that fit none.
struct Utf8Shape {
  std::size_t sequences = 0;
  std::size_t invalid = 0;
  bool valid() const { return invalid == 0; }
  // Text written in UTF-8, perhaps with a few stray bytes: at least as many sequences.
  bool likely() const { return sequences > 0 && sequences >= invalid; }
};

Utf8Shape utf8_shape(std::string_view bytes) {
  Utf8Shape shape;
  for (std::size_t i = 0; i < bytes.size();) {
    if (static_cast<unsigned char>(bytes[i]) < 0x80) {
      ++i;
      continue;
    }
    const std::size_t len = utf8_sequence(bytes.substr(i));
    if (len == 0) {
      ++shape.invalid;
      ++i;
    } else {
      ++shape.sequences;
      i += len;
    }
  }
  return shape;
}

// The value of a charset= token starting at POS of LOWER (a lower-cased tag or header):
// optional spaces, '=', optional spaces and quotes, then the label.
std::string label_after(std::string_view lower, std::size_t pos) {
  auto skip = [&](std::string_view chars) {
    while (pos < lower.size() && chars.find(lower[pos]) != std::string_view::npos) ++pos;
  };
  skip(" \t\r\n");
  if (pos >= lower.size() || lower[pos] != '=') return "";
  ++pos;
  skip(" \t\r\n\"'");
  std::size_t start = pos;
  while (pos < lower.size() && (std::isalnum(static_cast<unsigned char>(lower[pos])) ||
                                std::string_view("-_.:").find(lower[pos]) != std::string_view::npos))
    ++pos;
  return std::string(lower.substr(start, pos - start));
}

// The glibc iconv name of a canonical charset; decoders that are supersets where browsers
// use them (GB18030 for gbk, CP932 for Shift_JIS, CP949 for EUC-KR).
std::string iconv_name(const std::string& charset) {
  static const std::unordered_map<std::string, std::string> names{
      {"gbk", "GB18030"}, {"shift_jis", "CP932"}, {"euc-kr", "CP949"}, {"big5", "BIG5-HKSCS"}};
  if (auto it = names.find(charset); it != names.end()) return it->second;
  std::string upper(charset);
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return upper;
}

// True for charsets of one byte per character (where valid UTF-8 is a strong hint that
// the declaration is wrong).
bool single_byte(const std::string& charset) {
  return charset.starts_with("windows-125") || charset.starts_with("iso-8859-") ||
         charset.starts_with("koi8-") || charset == "windows-874" || charset == "macintosh";
}

}  // namespace

std::string charset_parameter(std::string_view content_type) {
  const std::string lower = core::to_lower(content_type);
  for (std::size_t pos = lower.find("charset"); pos != std::string::npos;
       pos = lower.find("charset", pos + 7)) {
    if (pos > 0 && lower[pos - 1] != ';' && lower[pos - 1] != ' ' && lower[pos - 1] != '\t')
      continue;
    if (std::string label = label_after(lower, pos + 7); !label.empty()) return label;
  }
  return "";
}

std::string meta_charset(std::string_view bytes) {
  const std::string lower = core::to_lower(bytes.substr(0, 8192));
  for (std::size_t pos = lower.find("<meta"); pos != std::string::npos;
       pos = lower.find("<meta", pos + 5)) {
    std::size_t end = lower.find('>', pos);
    if (end == std::string::npos) break;
    std::string_view tag = std::string_view(lower).substr(pos, end - pos);
    for (std::size_t c = tag.find("charset"); c != std::string_view::npos;
         c = tag.find("charset", c + 7))
      if (std::string label = label_after(tag, c + 7); !label.empty()) return label;
  }
  return "";
}

std::string canonical_charset(std::string_view label) {
  static const std::unordered_map<std::string_view, std::string_view> aliases{
      {"utf8", "utf-8"}, {"unicode-1-1-utf-8", "utf-8"}, {"x-unicode20utf8", "utf-8"},
      {"ascii", "windows-1252"}, {"us-ascii", "windows-1252"}, {"iso-8859-1", "windows-1252"},
      {"iso8859-1", "windows-1252"}, {"iso_8859-1", "windows-1252"}, {"latin1", "windows-1252"},
      {"l1", "windows-1252"}, {"cp1252", "windows-1252"}, {"x-cp1252", "windows-1252"},
      {"cp819", "windows-1252"}, {"ibm819", "windows-1252"}, {"ansi_x3.4-1968", "windows-1252"},
      {"iso-ir-100", "windows-1252"}, {"csisolatin1", "windows-1252"},
      {"iso-8859-9", "windows-1254"}, {"iso8859-9", "windows-1254"}, {"latin5", "windows-1254"},
      {"tis-620", "windows-874"}, {"iso-8859-11", "windows-874"}, {"dos-874", "windows-874"},
      {"latin2", "iso-8859-2"}, {"iso8859-2", "iso-8859-2"}, {"iso8859-15", "iso-8859-15"},
      {"cp1250", "windows-1250"}, {"cp1251", "windows-1251"}, {"x-cp1251", "windows-1251"},
      {"gb2312", "gbk"}, {"gb_2312-80", "gbk"}, {"csgb2312", "gbk"}, {"x-gbk", "gbk"},
      {"chinese", "gbk"}, {"sjis", "shift_jis"}, {"x-sjis", "shift_jis"},
      {"ms_kanji", "shift_jis"}, {"windows-31j", "shift_jis"}, {"csshiftjis", "shift_jis"},
      {"ks_c_5601-1987", "euc-kr"}, {"windows-949", "euc-kr"}, {"cp949", "euc-kr"},
      {"korean", "euc-kr"}, {"big5-hkscs", "big5"}, {"x-x-big5", "big5"}, {"cn-big5", "big5"},
      {"utf-16", "utf-16le"}, {"unicode", "utf-16le"}, {"ucs-2", "utf-16le"}};
  std::string lower = core::to_lower(core::trim(label));
  if (auto it = aliases.find(lower); it != aliases.end()) return std::string(it->second);
  return lower;
}

bool convert_to_utf8(std::string_view bytes, const std::string& charset, std::string& out,
                     std::size_t& replaced) {
  if (charset == "utf-8") {
    out = repair_utf8(bytes, replaced);
    return true;
  }
  iconv_t cd = iconv_open("UTF-8", iconv_name(charset).c_str());
  if (cd == reinterpret_cast<iconv_t>(-1)) return false;
  std::unique_ptr<void, int (*)(iconv_t)> guard(cd, iconv_close);
  const std::size_t unit = charset.starts_with("utf-16") ? 2 : 1;  // bytes skipped per error
  out.clear();
  std::string buf(bytes.size() * 2 + 64, '\0');
  char* in = const_cast<char*>(bytes.data());
  std::size_t in_left = bytes.size();
  while (in_left > 0) {
    char* dst = buf.data();
    std::size_t dst_left = buf.size();
    std::size_t r = iconv(cd, &in, &in_left, &dst, &dst_left);
    out.append(buf.data(), buf.size() - dst_left);
    if (r != static_cast<std::size_t>(-1)) break;
    if (errno == E2BIG) continue;  // buffer full: flushed above, go on
    out += kReplacement;            // EILSEQ (undecodable) or EINVAL (cut off at the end)
    ++replaced;
    const std::size_t skip = errno == EILSEQ ? std::min(unit, in_left) : in_left;
    in += skip;
    in_left -= skip;
    iconv(cd, nullptr, nullptr, nullptr, nullptr);  // reset any shift state
  }
  // iconv output is UTF-8 by construction; repair anyway so the contract holds for any libc.
  if (!core::valid_utf8(out)) out = repair_utf8(out, replaced);
  return true;
}

std::string repair_utf8(std::string_view bytes, std::size_t& replaced) {
  std::string out;
  out.reserve(bytes.size());
  for (std::size_t i = 0; i < bytes.size();) {
    std::size_t len = utf8_sequence(bytes.substr(i));
    if (len == 0) {
      out += kReplacement;
      ++replaced;
      ++i;
    } else {
      out.append(bytes.substr(i, len));
      i += len;
    }
  }
  return out;
}

Decoded decode_html(std::string_view bytes, std::string_view content_type) {
  Decoded d;
  auto use = [&](std::string charset, std::string source, std::string_view body) {
    if (!convert_to_utf8(body, charset, d.text, d.replaced)) return false;
    d.charset = std::move(charset);
    d.source = std::move(source);
    return true;
  };
  if (bytes.starts_with("\xEF\xBB\xBF") && use("utf-8", "bom", bytes.substr(3))) return d;
  if (bytes.starts_with("\xFF\xFE") && use("utf-16le", "bom", bytes.substr(2))) return d;
  if (bytes.starts_with("\xFE\xFF") && use("utf-16be", "bom", bytes.substr(2))) return d;
  const Utf8Shape shape = utf8_shape(bytes);
  for (auto [label, source] : {std::pair{charset_parameter(content_type), "http"},
                               std::pair{meta_charset(bytes), "meta"}}) {
    std::string charset = canonical_charset(label);
    if (charset.empty()) continue;
    // A page cannot declare UTF-16 in markup it could read as ASCII: treat it as UTF-8.
    if (charset.starts_with("utf-16") && std::string_view(source) == "meta") charset = "utf-8";
    if (single_byte(charset) && shape.valid() && shape.sequences > 0) charset = "utf-8";
    // Declared UTF-8 with stray bytes and not one UTF-8 sequence is legacy text.
    if (charset == "utf-8" && !shape.valid() && shape.sequences == 0) charset = "windows-1252";
    if (use(charset, source, bytes)) return d;
  }
  use(shape.valid() || shape.likely() ? "utf-8" : "windows-1252", "detected", bytes);
  return d;
}

}  // namespace cqc::indexer
