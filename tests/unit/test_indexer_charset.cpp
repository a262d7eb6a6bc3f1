// Character sets of HTML pages: declarations, their order of trust, detection and iconv
// conversion with U+FFFD for undecodable bytes.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "indexer/charset.hpp"
#include "indexer/extract.hpp"

using namespace cqc::indexer;

namespace {

const std::string kFffd = "\xEF\xBF\xBD";

}  // namespace

TEST_CASE("charset: the charset parameter of a Content-Type") {
  CHECK(charset_parameter("text/html; charset=UTF-8") == "utf-8");
  CHECK(charset_parameter("text/html;Charset=\"ISO-8859-1\"") == "iso-8859-1");
  CHECK(charset_parameter("text/html; q=1; charset='windows-1251' ; x=y") == "windows-1251");
  CHECK(charset_parameter("text/html") == "");
  CHECK(charset_parameter("") == "");
  CHECK(charset_parameter("text/html; xcharset=utf-8") == "");
}

TEST_CASE("charset: <meta charset> and <meta http-equiv> in the first bytes") {
  CHECK(meta_charset("<html><head><meta charset=\"Shift_JIS\"><title>x</title>") == "shift_jis");
  CHECK(meta_charset("<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=iso-8859-2\">") ==
        "iso-8859-2");
  CHECK(meta_charset("<meta charset = 'koi8-r' />") == "koi8-r");
  CHECK(meta_charset("<meta name=\"description\" content=\"no charset here\"><p>charset=utf-8</p>") == "");
  CHECK(meta_charset(std::string(9000, ' ') + "<meta charset=utf-8>") == "");  // too far in
}

TEST_CASE("charset: labels as browsers read them") {
  CHECK(canonical_charset("ISO-8859-1") == "windows-1252");
  CHECK(canonical_charset("latin1") == "windows-1252");
  CHECK(canonical_charset("US-ASCII") == "windows-1252");
  CHECK(canonical_charset("utf8") == "utf-8");
  CHECK(canonical_charset("GB2312") == "gbk");
  CHECK(canonical_charset("x-sjis") == "shift_jis");
  CHECK(canonical_charset(" Windows-1251 ") == "windows-1251");
  CHECK(canonical_charset("") == "");
}

TEST_CASE("charset: byte order marks come first") {
  Decoded utf8 = decode_html("\xEF\xBB\xBF<p>caf\xC3\xA9</p>", "text/html; charset=iso-8859-1");
  CHECK(utf8.text == "<p>caf\xC3\xA9</p>");
  CHECK(utf8.source == "bom");
  Decoded le = decode_html(std::string("\xFF\xFEh\0\xE9\0", 6), "");
  CHECK(le.text == "h\xC3\xA9");
  CHECK(le.charset == "utf-16le");
  Decoded be = decode_html(std::string("\xFE\xFF\0h\x20\xAC", 6), "");
  CHECK(be.text == "h\xE2\x82\xAC");
  CHECK(be.charset == "utf-16be");
  Decoded odd = decode_html(std::string("\xFF\xFEh\0i", 5), "");  // cut in the middle of a unit
  CHECK(odd.text == "h" + kFffd);
  CHECK(odd.replaced == 1);
}

TEST_CASE("charset: HTTP before <meta>, <meta> before detection") {
  const std::string page = "<meta charset=windows-1251><p>\xCF\xF0\xE8</p>";
  Decoded meta = decode_html(page, "text/html");
  CHECK(meta.source == "meta");
  CHECK(meta.text.find("\xD0\x9F\xD1\x80\xD0\xB8") != std::string::npos);  // Cyrillic "При"
  Decoded http = decode_html(page, "text/html; charset=koi8-r");
  CHECK(http.source == "http");
  CHECK(http.charset == "koi8-r");
  Decoded unknown = decode_html("<p>plain</p>", "text/html; charset=no-such-charset");
  CHECK(unknown.source == "detected");
  CHECK(unknown.text == "<p>plain</p>");
}

TEST_CASE("charset: detection and corrections to wrong declarations") {
  Decoded latin = decode_html("<p>Caf\xE9 na\xEFve</p>", "");
  CHECK(latin.charset == "windows-1252");
  CHECK(latin.text == "<p>Caf\xC3\xA9 na\xC3\xAFve</p>");
  Decoded stray = decode_html("<p>\xC3\xA9t\xC3\xA9 \x92</p>", "");
  CHECK(stray.charset == "utf-8");
  CHECK(stray.text == "<p>\xC3\xA9t\xC3\xA9 " + kFffd + "</p>");
  CHECK(stray.replaced == 1);
  // Saved as UTF-8 under an old latin-1 declaration.
  Decoded saved = decode_html("<meta charset=iso-8859-1><p>\xC3\xA9t\xC3\xA9</p>", "");
  CHECK(saved.charset == "utf-8");
  CHECK(saved.text.find("\xC3\xA9t\xC3\xA9") != std::string::npos);
  // Declared UTF-8, written in latin-1.
  Decoded legacy = decode_html("<p>Gr\xFC\xDF Gott</p>", "text/html; charset=utf-8");
  CHECK(legacy.charset == "windows-1252");
  CHECK(legacy.text == "<p>Gr\xC3\xBC\xC3\x9F Gott</p>");
  // <meta> cannot truly say UTF-16 in bytes read as ASCII.
  CHECK(decode_html("<meta charset=utf-16><p>x</p>", "").charset == "utf-8");
}

TEST_CASE("charset: multi-byte legacy encodings through iconv") {
  // "日本" in Shift_JIS.
  Decoded sjis = decode_html("<meta charset=shift_jis><p>\x93\xFA\x96\x7B</p>", "");
  CHECK(sjis.text == "<meta charset=shift_jis><p>\xE6\x97\xA5\xE6\x9C\xAC</p>");
  // An undecodable byte inside is replaced and the rest still decoded.
  Decoded broken = decode_html("<meta charset=shift_jis><p>\x93\xFA\xFF\x96\x7B</p>", "");
  CHECK(broken.text == "<meta charset=shift_jis><p>\xE6\x97\xA5" + kFffd + "\xE6\x9C\xAC</p>");
  std::string out;
  std::size_t replaced = 0;
  CHECK_FALSE(convert_to_utf8("x", "no-such-charset", out, replaced));
}

TEST_CASE("charset: repair_utf8 replaces every invalid sequence") {
  std::size_t replaced = 0;
  CHECK(repair_utf8("a\xC3(b\xED\xA0\x80" "c\xE2\x80", replaced) ==
        "a" + kFffd + "(b" + kFffd + kFffd + kFffd + "c" + kFffd + kFffd);
  CHECK(replaced == 6);
}

TEST_CASE("charset: extract() decodes by the Content-Type it is given") {
  const std::string page = "<html><head><title>Se\xF1or</title></head><body><p>Ma\xF1" "ana</p></body></html>";
  auto r = extract(page, "text/html; charset=windows-1252");
  REQUIRE(r.ok());
  CHECK(r->title == "Se\xC3\xB1or");
  CHECK(r->pages[0].text == "Ma\xC3\xB1" "ana");
}
