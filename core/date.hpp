// Calendar dates with explicit precision: a year, a month or a day. Unknown stays unknown.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace cqc::core {

struct Date {
  int year = 0;   // 0 = unknown date
  int month = 0;  // 0 = year precision
  int day = 0;    // 0 = month precision

  // True when at least the year is known.
  bool known() const { return year != 0; }
  // ISO 8601 at the date's precision: "2017", "2017-10" or "2017-10-02"; "" when unknown.
  std::string iso() const;
  // Sortable slot string YYYYMMDD; missing month/day become 01 ("" when unknown).
  std::string slot() const;
  // Like slot() but missing month/day become the last month/day (for range ends).
  std::string slot_end() const;
  auto operator<=>(const Date&) const = default;
};

// Parses "YYYY", "YYYY-MM", "YYYY-MM-DD" (also with a time suffix such as "T10:00:00Z",
// which is ignored). Returns nullopt for anything else or an impossible date.
std::optional<Date> parse_iso_date(std::string_view text);

// Parses a slot string YYYYMMDD back into a day-precision date.
std::optional<Date> parse_slot_date(std::string_view slot);

// True when Y-M-D is a real calendar day.
bool valid_day(int year, int month, int day);

// Month number 1-12 for an English month name or 3-letter abbreviation (any case), else 0.
int month_from_name(std::string_view name);

}  // namespace cqc::core
