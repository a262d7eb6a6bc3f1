// Character sets of HTML pages: which encoding a page is in (byte order mark, the HTTP
// Content-Type, <meta charset>, then a guess) and its conversion to UTF-8 with glibc's iconv.
// Undecodable bytes become U+FFFD instead of failing the page.
#pragma once
#include <string>
#include <string_view>

namespace cqc::indexer {

// A page's bytes converted to UTF-8.
struct Decoded {
  std::string text;       // valid UTF-8, without a byte order mark
  std::string charset;    // the encoding used, canonical name: "utf-8", "windows-1252", ...
  std::string source;     // why: "bom" | "http" | "meta" | "detected"
  std::size_t replaced = 0;  // undecodable bytes or sequences replaced by U+FFFD
};

// The charset parameter of a Content-Type value, lower-cased and unquoted:
// "text/html; Charset=\"ISO-8859-1\"" -> "iso-8859-1"; "" when there is none.
std::string charset_parameter(std::string_view content_type);

// The charset a page declares in its first 8 KiB: <meta charset=...> or
// <meta http-equiv="Content-Type" content="...; charset=...">, lower-cased; "" when none.
std::string meta_charset(std::string_view bytes);

// The canonical name of charset LABEL as browsers treat it (WHATWG Encoding: "latin1",
// "iso-8859-1" and "us-ascii" are windows-1252, "utf8" is utf-8, "gb2312" is gbk, ...);
// a label it does not know is returned lower-cased, "" for an empty label.
std::string canonical_charset(std::string_view label);

// BYTES in CHARSET (a canonical name) as UTF-8; every byte or sequence iconv cannot decode
// becomes U+FFFD and is counted in REPLACED. False when iconv does not know CHARSET.
bool convert_to_utf8(std::string_view bytes, const std::string& charset, std::string& out,
                     std::size_t& replaced);

// UTF-8 BYTES with every invalid sequence replaced by U+FFFD (counted in REPLACED).
std::string repair_utf8(std::string_view bytes, std::size_t& replaced);

// Decodes an HTML page served with CONTENT_TYPE (may be "" or lack a charset). The order
// of trust: a UTF-8/UTF-16 byte order mark, the HTTP charset, the <meta> charset, then
// detection: UTF-8 when the bytes are valid UTF-8 or hold at least as many UTF-8 sequences
// as stray bytes (a stray byte becomes U+FFFD), else windows-1252. Corrections to a declaration: a
// single-byte charset (windows-125x, iso-8859-*, koi8-*) yields to UTF-8 when the bytes are
// valid UTF-8 with non-ASCII sequences (a page saved as UTF-8 under an old declaration);
// declared UTF-8 with stray bytes and not one UTF-8 sequence is windows-1252; <meta> UTF-16 is
// UTF-8; a charset iconv does not know is ignored. Never fails: at worst U+FFFD replacements.
Decoded decode_html(std::string_view bytes, std::string_view content_type);

}  // namespace cqc::indexer
