#include "core/date.hpp"

#include <array>
#include <cctype>
#include <cstdio>

#include "core/text.hpp"

namespace cqc::core {
namespace {

int days_in_month(int year, int month) {
  static constexpr std::array<int, 12> days{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : days[static_cast<size_t>(month - 1)];
}

bool digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  return true;
}

int to_int(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

std::string format(int y, int m, int d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d%02d%02d", y, m, d);
  return buf;
}

}  // namespace

bool valid_day(int year, int month, int day) {
  return year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 &&
         day <= days_in_month(year, month);
}

std::string Date::iso() const {
  if (!known()) return "";
  char buf[16];
  if (month == 0)
    std::snprintf(buf, sizeof buf, "%04d", year);
  else if (day == 0)
    std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
  else
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

std::string Date::slot() const {
  if (!known()) return "";
  return format(year, month ? month : 1, day ? day : 1);
}

std::string Date::slot_end() const {
  if (!known()) return "";
  int m = month ? month : 12;
  return format(year, m, day ? day : days_in_month(year, m));
}

std::optional<Date> parse_iso_date(std::string_view text) {
  text = trim(text);
  if (size_t t = text.find_first_of("T "); t != std::string_view::npos) text = text.substr(0, t);
  auto parts = split(text, '-');
  if (parts.empty() || parts.size() > 3 || parts[0].size() != 4 || !digits(parts[0]))
    return std::nullopt;
  Date d{to_int(parts[0]), 0, 0};
  if (d.year < 1) return std::nullopt;
  if (parts.size() >= 2) {
    if (parts[1].size() != 2 || !digits(parts[1])) return std::nullopt;
    d.month = to_int(parts[1]);
    if (d.month < 1 || d.month > 12) return std::nullopt;
  }
  if (parts.size() == 3) {
    if (parts[2].size() != 2 || !digits(parts[2])) return std::nullopt;
    d.day = to_int(parts[2]);
    if (!valid_day(d.year, d.month, d.day)) return std::nullopt;
  }
  return d;
}

std::optional<Date> parse_slot_date(std::string_view slot) {
  if (slot.size() != 8 || !digits(slot)) return std::nullopt;
  Date d{to_int(slot.substr(0, 4)), to_int(slot.substr(4, 2)), to_int(slot.substr(6, 2))};
  if (!valid_day(d.year, d.month, d.day)) return std::nullopt;
  return d;
}

int month_from_name(std::string_view name) {
  static constexpr std::array<std::string_view, 12> names{
      "january", "february", "march",     "april",   "may",      "june",
      "july",    "august",   "september", "october", "november", "december"};
  std::string n = to_lower(trim(name));
  if (n.ends_with('.')) n.pop_back();
  for (size_t i = 0; i < names.size(); ++i) {
    if (n == names[i]) return static_cast<int>(i) + 1;
    if (n.size() >= 3 && names[i].starts_with(n) && (n.size() == 3 || n == "sept"))
      return static_cast<int>(i) + 1;
  }
  return 0;
}

}  // namespace cqc::core
