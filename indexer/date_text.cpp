// Dates as web pages write them: markup timestamps, URL paths, short bylines.
#include "indexer/date_text.hpp"

#include <cctype>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/text.hpp"

namespace cqc::indexer {
namespace {

bool digit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }

// A run of digits or of letters (any non-ASCII byte counts as a letter) in a text.
struct Tok {
  bool num = false;
  std::string_view text;
  std::string sep;     // punctuation between the previous token and this one, spaces dropped
  bool space = false;  // white space before this token
  int value = 0;       // for numbers of up to 9 digits
  size_t begin = 0;    // byte offset in the text
};

// Length of a Unicode space at S[I] (no-break, thin, narrow and the like), else 0.
size_t uspace_at(std::string_view s, size_t i) {
  auto byte = [&](size_t k) { return k < s.size() ? static_cast<unsigned char>(s[k]) : 0u; };
  if (byte(i) == 0xC2 && byte(i + 1) == 0xA0) return 2;
  if (byte(i) == 0xE2 && byte(i + 1) == 0x80 && (byte(i + 2) <= 0x8B || byte(i + 2) == 0xAF))
    return byte(i + 2) >= 0x80 ? 3 : 0;
  if (byte(i) == 0xE3 && byte(i + 1) == 0x80 && byte(i + 2) == 0x80) return 3;
  return 0;
}

// Length of a Unicode hyphen or dash at S[I] (U+2010 to U+2015), else 0.
size_t udash_at(std::string_view s, size_t i) {
  return i + 2 < s.size() && static_cast<unsigned char>(s[i]) == 0xE2 &&
                 static_cast<unsigned char>(s[i + 1]) == 0x80 &&
                 static_cast<unsigned char>(s[i + 2]) >= 0x90 &&
                 static_cast<unsigned char>(s[i + 2]) <= 0x95
             ? 3
             : 0;
}

bool nbsp_at(std::string_view s, size_t i) { return uspace_at(s, i) != 0; }

std::vector<Tok> tokens(std::string_view s) {
  std::vector<Tok> out;
  std::string sep;
  bool space = false;
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (nbsp_at(s, i) || std::isspace(c)) {
      space = true;
      i += nbsp_at(s, i) ? uspace_at(s, i) : 1;
      continue;
    }
    if (size_t n = udash_at(s, i)) {
      sep.push_back('-');
      i += n;
      continue;
    }
    bool num = digit(s[i]);
    bool letter = !num && (std::isalpha(c) || c >= 0x80);
    if (!num && !letter) {
      sep.push_back(static_cast<char>(c));
      ++i;
      continue;
    }
    size_t j = i;
    while (j < s.size() && (num ? digit(s[j])
                                : !nbsp_at(s, j) && !udash_at(s, j) &&
                                      (std::isalpha(static_cast<unsigned char>(s[j])) ||
                                                     static_cast<unsigned char>(s[j]) >= 0x80)))
      ++j;
    Tok t{num, s.substr(i, j - i), sep, space, 0, i};
    if (num && j - i <= 9)
      for (char d : t.text) t.value = t.value * 10 + (d - '0');
    out.push_back(std::move(t));
    sep.clear();
    space = false;
    i = j;
  }
  return out;
}

bool year_tok(const Tok& t) { return t.num && t.text.size() == 4 && t.value >= 1970 && t.value <= 2099; }
bool small_tok(const Tok& t) { return t.num && t.text.size() <= 2 && t.value >= 1; }
bool joined(const Tok& t, char sep) { return !t.space && t.sep.size() == 1 && t.sep[0] == sep; }

std::string lower(std::string_view w) { return core::to_lower(w); }

bool ordinal(const Tok& t) {  // "th" in "16th", "er" in "1er", attached to the number
  if (t.num || t.space || !t.sep.empty()) return false;
  std::string w = lower(t.text);
  return w == "st" || w == "nd" || w == "rd" || w == "th" || w == "er" || w == "\xC2\xBA";
}

std::optional<core::Date> day(int y, int m, int d) {
  if (!core::valid_day(y, m, d)) return std::nullopt;
  return core::Date{y, m, d};
}

// A clock time or zone between "Jul 30" and "2019": "09:35:14", "PM", "CEST".
bool clock_or_zone(const Tok& t) {
  if (t.num) return t.text.size() <= 2;
  if (t.text.size() > 5) return false;
  for (char c : t.text)
    if (!std::isupper(static_cast<unsigned char>(c))) return false;
  return true;
}

// The date starting at token I; END gets the index of its last token.
std::optional<core::Date> date_at(const std::vector<Tok>& t, size_t i, bool two_digit_years,
                                  size_t& end) {
  end = i + 2;
  auto at = [&](size_t k) -> const Tok* { return k < t.size() ? &t[k] : nullptr; };
  const Tok& a = t[i];
  const Tok *b = at(i + 1), *c = at(i + 2);
  if (year_tok(a) && b && c && small_tok(*b) && small_tok(*c) && !b->space && b->sep.size() == 1 &&
      std::string_view("-/.").find(b->sep[0]) != std::string_view::npos && joined(*c, b->sep[0]))
    return day(a.value, b->value, c->value);  // 2019-05-14, 2019/05/14, 2019.05.14
  if (year_tok(a) && b && c && at(i + 4) && small_tok(*c) && small_tok(t[i + 4])) {
    std::string_view y = b->text, m = t[i + 3].text, d = at(i + 5) ? t[i + 5].text : "";
    if ((y == "\xE5\xB9\xB4" && m == "\xE6\x9C\x88" && d.starts_with("\xE6\x97\xA5")) ||
        (y == "\xEB\x85\x84" && m == "\xEC\x9B\x94" && d.starts_with("\xEC\x9D\xBC")))
      return end = i + 5, day(a.value, c->value, t[i + 4].value);  // 2020年7月11日, 2020년 3월 4일
  }
  if (two_digit_years && small_tok(a) && b && c && small_tok(*b) && c->num &&
      c->text.size() == 2 && joined(*b, '.') && joined(*c, '.') &&
      (i + 3 >= t.size() || !(t[i + 3].num && !t[i + 3].space && t[i + 3].sep == ".")))
    return day(2000 + c->value, b->value, a.value);  // 31.10.23
  if (small_tok(a) && b && c && small_tok(*b) && year_tok(*c) && b->sep == "." && c->sep == "." &&
      b->space && c->space && a.value <= 31)
    return day(c->value, b->value, a.value);  // 4. 2. 2022
  if (small_tok(a) && b && c && small_tok(*b) && year_tok(*c) && !b->space && b->sep.size() == 1 &&
      joined(*c, b->sep[0])) {
    char sep = b->sep[0];
    if (sep == '.') return day(c->value, b->value, a.value);  // 14.05.2019
    if (sep != '/' && sep != '-') return std::nullopt;
    if (b->value > 12 && a.value <= 12) return day(c->value, a.value, b->value);  // 05/14/2019
    if (sep == '-' || a.value > 12 || a.value == b->value) return day(c->value, b->value, a.value);
    return std::nullopt;  // 04/09/2019: either order
  }
  if (small_tok(a)) {  // 14 May 2019, 14. Mai 2019, 14 de mayo de 2019, 16th May 2019
    size_t k = i + 1;
    if (k < t.size() && ordinal(t[k])) ++k;
    if (k < t.size() && !t[k].num && (lower(t[k].text) == "de" || lower(t[k].text) == "of")) ++k;
    if (k >= t.size() || t[k].num) return std::nullopt;
    int m = month_from_any_name(t[k].text);
    if (!m) return std::nullopt;
    ++k;
    if (k < t.size() && !t[k].num && (lower(t[k].text) == "de" || lower(t[k].text) == "del")) ++k;
    if (k < t.size() && year_tok(t[k])) return end = k, day(t[k].value, m, a.value);
    return std::nullopt;
  }
  if (!a.num) {  // May 14, 2019; Dezember 16th, 2012; Jul 30 09:35:14 CEST 2019
    int m = month_from_any_name(a.text);
    if (!m || !b || !small_tok(*b)) return std::nullopt;
    size_t k = i + 2;
    if (k < t.size() && ordinal(t[k])) ++k;
    if (k < t.size() && t[k].num && t[k].sep == ":") return std::nullopt;  // "May 14:30"
    for (size_t skipped = 0; k < t.size() && !year_tok(t[k]) && skipped < 6; ++k, ++skipped)
      if (!clock_or_zone(t[k])) return std::nullopt;
    if (k < t.size() && year_tok(t[k])) return end = k, day(t[k].value, m, b->value);
  }
  return std::nullopt;
}

// D moved by N (-1, 0 or 1) days; D itself when it is not a day between years 2 and 9998.
core::Date add_days(core::Date d, int n) {
  if (!core::valid_day(d.year, d.month, d.day) || d.year < 2 || d.year > 9998) return d;
  for (; n > 0; --n)
    if (!core::valid_day(d.year, d.month, ++d.day)) {
      d.day = 1;
      if (++d.month > 12) d.month = 1, ++d.year;
    }
  for (; n < 0; ++n)
    if (--d.day == 0) {
      if (--d.month == 0) d.month = 12, --d.year;
      d.day = 31;
      while (d.day > 28 && !core::valid_day(d.year, d.month, d.day)) --d.day;
    }
  return d;
}


// Time and zone after a date: "T02:54:29.000Z", " 21:11:03-05:00", "T145030+0100".
void read_time(std::string_view s, Stamp& st) {
  if (s.empty() || (s[0] != 'T' && s[0] != 't' && s[0] != ' ')) return;
  size_t i = 1;
  int h = digits_at(s, i, 2);
  if (h < 0 || h > 23) return;
  i += 2;
  if (i < s.size() && s[i] == ':') ++i;
  int m = digits_at(s, i, 2);
  if (m < 0 || m > 59) return;
  i += 2;
  st.has_time = true;
  st.minutes = h * 60 + m;
  while (i < s.size() && (digit(s[i]) || s[i] == ':' || s[i] == '.' || s[i] == ',')) ++i;
  while (i < s.size() && s[i] == ' ') ++i;
  std::string_view z = s.substr(i);
  if (z == "Z" || z == "z" || z.starts_with("GMT") || z.starts_with("UTC")) {
    if (z.size() <= 3 || z == "Z" || z == "z") st.has_zone = true;
    return;
  }
  if (z.empty() || (z[0] != '+' && z[0] != '-')) return;
  int oh = digits_at(z, 1, 2);
  size_t j = 3 + (z.size() > 3 && z[3] == ':');
  int om = z.size() == 3 ? 0 : digits_at(z, j, 2);
  if (oh < 0 || oh > 14 || om < 0 || om > 59) return;
  st.has_zone = true;
  st.offset = (z[0] == '-' ? -1 : 1) * (oh * 60 + om);
}

}  // namespace

int month_from_any_name(std::string_view word) {
  static const std::unordered_map<std::string, int> names = [] {
    std::unordered_map<std::string, int> m;
    const char* table[12] = {
        "january jan jänner januar janvier janv enero ene gennaio gen janeiro januari января",
        "february feb februar février fevrier févr fevr febrero febbraio fevereiro fev februari "
        "февраля",
        "march mar märz maerz mär mrz mars marzo março marco maart mrt марта",
        "april apr avril avr abril abr aprile апреля",
        "may mai mayo maggio mag maio mei мая",
        "june jun juni juin junio giugno giu junho июня",
        "july jul juli juillet juil julio luglio lug julho июля",
        "august aug août aout agosto ago augustus августа",
        "september sep sept septembre septiembre setiembre settembre set setembro сентября",
        "october oct oktober okt octobre octubre ottobre ott outubro out октября",
        "november nov novembre noviembre novembro ноября",
        "december dec dezember dez décembre decembre déc diciembre dic dicembre dezembro "
        "декабря"};
    for (int i = 0; i < 12; ++i)
      for (std::string_view n : core::split(table[i], ' ')) m.emplace(std::string(n), i + 1);
    return m;
  }();
  std::string w = core::to_lower(core::trim(word));
  if (w.ends_with('.')) w.pop_back();
  auto it = names.find(w);
  return it == names.end() ? 0 : it->second;
}

std::optional<WrittenDate> match_written_date(std::string_view text, bool two_digit_years) {
  const std::vector<Tok> t = tokens(text);
  for (size_t i = 0; i < t.size(); ++i) {
    size_t end = 0;
    if (auto d = date_at(t, i, two_digit_years, end))
      return WrittenDate{*d, t[i].begin, t[end].begin + t[end].text.size()};
  }
  return std::nullopt;
}

std::optional<core::Date> find_written_date(std::string_view text, size_t* at,
                                            bool two_digit_years) {
  auto m = match_written_date(text, two_digit_years);
  if (!m) return std::nullopt;
  if (at) *at = m->begin;
  return m->date;
}

std::optional<Stamp> parse_markup_stamp(std::string_view text) {
  text = core::trim(text);
  Stamp st;
  int y = digits_at(text, 0, 4);
  if (y >= 1 && text.size() >= 8 && text[4] == '-' && text[7] == '-') {  // ISO day
    int m = digits_at(text, 5, 2), d = digits_at(text, 8, 2);
    if (m < 0 || d < 0 || !core::valid_day(y, m, d) || (text.size() > 10 && digit(text[10])))
      return std::nullopt;
    st.date = {y, m, d};
    read_time(text.substr(10), st);
    return st;
  }
  if (auto d = core::parse_iso_date(text); d && text.size() <= 7) {  // "2015", "2015-06"
    st.date = *d;
    return st;
  }
  if (y >= 1 && digits_at(text, 4, 4) >= 0 && (text.size() == 8 || !digit(text[8]))) {
    int m = digits_at(text, 4, 2), d = digits_at(text, 6, 2);  // 20201123T11:02:35Z
    if (!core::valid_day(y, m, d)) return std::nullopt;
    st.date = {y, m, d};
    read_time(text.substr(8), st);
    return st;
  }
  if (y >= 1 && text.size() > 4 && text[4] == '/') {  // 2019/9/4 10:00
    auto parts = core::split(text.substr(0, text.find(' ')), '/');
    if (parts.size() == 3 && parts[1].size() <= 2 && parts[2].size() <= 2 &&
        digits_at(parts[1], 0, parts[1].size()) > 0 && digits_at(parts[2], 0, parts[2].size()) > 0) {
      int m = digits_at(parts[1], 0, parts[1].size()), d = digits_at(parts[2], 0, parts[2].size());
      if (!core::valid_day(y, m, d)) return std::nullopt;
      st.date = {y, m, d};
      return st;
    }
    return std::nullopt;
  }
  if (auto d = find_written_date(text)) {
    st.date = *d;
    return st;
  }
  return std::nullopt;
}

core::Date local_date(const Stamp& s, int offset) {
  if (!s.has_time || !s.has_zone || s.date.day == 0) return s.date;
  int local = s.minutes - s.offset + offset;
  return add_days(s.date, local < 0 ? -1 : local >= 24 * 60 ? 1 : 0);
}

int digits_at(std::string_view s, size_t i, size_t n) {
  if (i + n > s.size()) return -1;
  int v = 0;
  for (size_t k = i; k < i + n; ++k) {
    if (!digit(s[k])) return -1;
    v = v * 10 + (s[k] - '0');
  }
  return v;
}

}  // namespace cqc::indexer
