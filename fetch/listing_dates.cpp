#include "fetch/listing_dates.hpp"

#include <cctype>
#include <cstdio>
#include <ctime>

#include "core/date.hpp"
#include "core/text.hpp"

namespace cqc::fetch {
namespace {


// "YYYY-MM-DDThh:mm:ssZ" for a local time with an offset in minutes east of UTC; "" when
// the UTC time falls outside years 1-9999. (Found by fuzzing: strftime's %Y does not pad, so
// "05 Mar 0134" gave "134-03-05T...", and year 1 east of UTC gave year 0.)
std::string utc_iso(int y, int mo, int d, int h, int mi, int sec, int offset_min) {
  std::tm tm{};
  tm.tm_year = y - 1900;
  tm.tm_mon = mo - 1;
  tm.tm_mday = d;
  tm.tm_hour = h;
  tm.tm_min = mi;
  tm.tm_sec = sec;
  std::time_t t = timegm(&tm) - offset_min * 60;
  gmtime_r(&t, &tm);
  const int year = tm.tm_year + 1900;
  if (year < 1 || year > 9999) return "";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02dZ", year, tm.tm_mon + 1, tm.tm_mday,
                tm.tm_hour, tm.tm_min, tm.tm_sec);
  return buf;
}

// Reads exactly N digits at S[I], advancing I; -1 when they are not there.
int digits(std::string_view s, size_t& i, size_t n) {
  if (i + n > s.size()) return -1;
  int v = 0;
  for (size_t k = 0; k < n; ++k) {
    if (!std::isdigit(static_cast<unsigned char>(s[i + k]))) return -1;
    v = v * 10 + (s[i + k] - '0');
  }
  i += n;
  return v;
}

// "hh:mm[:ss[.fff]]" at S[I], advancing I; false when malformed.
bool time_of_day(std::string_view s, size_t& i, int& h, int& mi, int& sec) {
  h = digits(s, i, 2);
  mi = -1;
  sec = 0;
  if (i < s.size() && s[i] == ':') mi = digits(s, ++i, 2);
  if (i < s.size() && s[i] == ':') sec = digits(s, ++i, 2);
  if (i < s.size() && s[i] == '.')
    for (++i; i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]));) ++i;
  if (sec == 60) sec = 59;  // a leap second
  return h >= 0 && h <= 23 && mi >= 0 && mi <= 59 && sec >= 0 && sec <= 59;
}

}  // namespace

// W3C datetime (sitemap lastmod, Atom updated): "2024", "2024-03", "2024-03-05" keep their
// precision; with a time, converted to UTC. "" when not parseable.
std::string iso_from_w3c(std::string_view text) {
  text = core::trim(text);
  size_t t = text.find_first_of("Tt ");
  auto date = core::parse_iso_date(text.substr(0, t));
  if (!date || (t != std::string_view::npos && date->day == 0)) return "";
  if (t == std::string_view::npos) return date->iso();
  size_t i = t + 1;
  int h = 0, mi = 0, s = 0;
  if (!time_of_day(text, i, h, mi, s)) return "";
  int offset = 0;
  if (i < text.size() && (text[i] == '+' || text[i] == '-')) {
    int sign = text[i] == '-' ? -1 : 1;
    int oh = digits(text, ++i, 2);
    if (i < text.size() && text[i] == ':') ++i;
    int om = digits(text, i, 2);
    if (oh < 0 || om < 0) return "";
    offset = sign * (oh * 60 + om);
  } else if (i < text.size() && (text[i] == 'Z' || text[i] == 'z')) {
    ++i;
  }
  if (i != text.size()) return "";
  return utc_iso(date->year, date->month, date->day, h, mi, s, offset);
}

// RFC 822/2822 date (RSS pubDate): "[Tue, ]05 Mar 2024 10:00[:00] +0000|GMT|BST|EST...".
std::string iso_from_rfc822(std::string_view text) {
  std::vector<std::string> tok;
  const std::string collapsed = core::collapse_space(text);
  for (std::string_view part : core::split(collapsed, ' ')) {
    if (part.ends_with(',')) part.remove_suffix(1);
    if (!part.empty()) tok.emplace_back(part);
  }
  if (!tok.empty() && std::isalpha(static_cast<unsigned char>(tok[0][0]))) tok.erase(tok.begin());
  if (tok.size() < 3) return "";
  size_t i = 0;
  int day = tok[0].size() <= 2 ? digits(tok[0], i, tok[0].size()) : -1;
  int month = core::month_from_name(tok[1]);
  i = 0;
  int year = tok[2].size() == 4 || tok[2].size() == 2 ? digits(tok[2], i, tok[2].size()) : -1;
  if (tok[2].size() == 2 && year >= 0) year += year < 50 ? 2000 : 1900;
  if (day < 1 || month == 0 || year < 0 || !core::valid_day(year, month, day)) return "";
  const std::string date_only = core::Date{year, month, day}.iso();
  if (tok.size() < 4) return date_only;
  i = 0;
  int h = 0, mi = 0, s = 0;
  if (!time_of_day(tok[3], i, h, mi, s) || i != tok[3].size()) return date_only;
  int offset = 0;  // unknown zones are taken as UTC (RFC 2822 §4.3)
  if (tok.size() > 4) {
    static constexpr std::pair<std::string_view, int> kZones[] = {
        {"bst", 60},   {"cet", 60},   {"edt", -240}, {"est", -300}, {"cdt", -300},
        {"cst", -360}, {"mdt", -360}, {"mst", -420}, {"pdt", -420}, {"pst", -480}};
    const std::string z = core::to_lower(tok[4]);
    size_t k = 1;
    if ((z[0] == '+' || z[0] == '-') && z.size() == 5) {
      int oh = digits(z, k, 2), om = digits(z, k, 2);
      if (oh >= 0 && om >= 0) offset = (z[0] == '-' ? -1 : 1) * (oh * 60 + om);
    }
    for (const auto& [name, minutes] : kZones)
      if (z == name) offset = minutes;
  }
  return utc_iso(year, month, day, h, mi, s, offset);
}

}  // namespace cqc::fetch
