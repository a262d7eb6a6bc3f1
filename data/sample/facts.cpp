// Reference names and calendar helpers for the sample generator.
#include "data/sample/facts.hpp"

#include <array>
#include <cstdio>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace cqc::sample {
namespace {

const std::string& lookup(const std::map<std::string, std::string, std::less<>>& table,
                          std::string_view key, const char* what) {
  const auto it = table.find(key);
  if (it == table.end()) throw std::out_of_range(std::string("unknown ") + what + ": " +
                                                 std::string(key));
  return it->second;
}

// Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm).
long days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yoe = y - era * 400;
  const long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Day civil_from_days(long z) {
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const long doe = z - era * 146097;
  const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return Day{static_cast<int>(yoe + era * 400) + (m <= 2), m, d};
}

// Day of the month of the last Sunday in month M of year Y.
int last_sunday(int y, int m) {
  const int last = 31;  // only used for March and October
  const long z = days_from_civil(y, m, last);
  const long dow = (z + 4) % 7;  // 1970-01-01 was a Thursday (4); 0 = Sunday
  return last - static_cast<int>(dow);
}

}  // namespace

const std::string& trust_name(std::string_view code) {
  static const std::map<std::string, std::string, std::less<>> kTrusts = {
      {"RT5", "Leicestershire Partnership NHS Trust"},
      {"RWE", "University Hospitals of Leicester NHS Trust"},
      {"RMY", "Norfolk and Suffolk NHS Foundation Trust"},
      {"RV3", "Central and North West London NHS Foundation Trust"},
      {"RWK", "East London NHS Foundation Trust"},
      {"RXT", "Birmingham and Solihull Mental Health NHS Foundation Trust"},
      {"RRK", "University Hospitals Birmingham NHS Foundation Trust"},
      {"RX3", "Tees, Esk and Wear Valleys NHS Foundation Trust"},
      {"RX4", "Cumbria, Northumberland, Tyne and Wear NHS Foundation Trust"},
      {"RXW", "Shrewsbury and Telford Hospital NHS Trust"},
  };
  return lookup(kTrusts, code, "trust");
}

std::vector<std::string> address_of(const std::string& code) {
  static const std::map<std::string, std::vector<std::string>, std::less<>> kAddresses = {
      {"RT5", {"Riverside House", "Bridge Park Plaza", "Bridge Park Road", "Thurmaston",
               "Leicester", "LE4 8PQ"}},
      {"RMY", {"Hellesdon Hospital", "Drayton High Road", "Norwich", "Norfolk", "NR6 5BE"}},
      {"RV3", {"350 Euston Road", "Regent’s Place", "London", "NW1 3AX"}},
      {"RWK", {"Robert Dolan House", "9 Alie Street", "London", "E1 8DE"}},
      {"RXT", {"Unit 1, B1", "50 Summer Hill Road", "Birmingham", "B1 3RB"}},
      {"RX3", {"West Park Hospital", "Edward Pease Way", "Darlington", "County Durham",
               "DL2 2TS"}},
      {"RXW", {"Royal Shrewsbury Hospital", "Mytton Oak Road", "Shrewsbury", "Shropshire",
               "SY3 8XQ"}},
  };
  const auto it = kAddresses.find(code);
  if (it == kAddresses.end()) throw std::out_of_range("no address for trust " + code);
  return it->second;
}

const std::string& service_name(std::string_view id) {
  static const std::map<std::string, std::string, std::less<>> kServices = {
      {"acute-wards-picu",
       "Acute wards for adults of working age and psychiatric intensive care units"},
      {"long-stay-rehab", "Long stay or rehabilitation mental health wards for working age adults"},
      {"forensic-secure", "Forensic inpatient or secure wards"},
      {"camhs-wards", "Child and adolescent mental health wards"},
      {"older-people-wards", "Wards for older people with mental health problems"},
      {"ld-autism-wards", "Wards for people with a learning disability or autism"},
      {"community-mh-adults", "Community-based mental health services for adults of working age"},
      {"mh-crisis", "Mental health crisis services and health-based places of safety"},
      {"community-camhs",
       "Specialist community mental health services for children and young people"},
      {"community-mh-older", "Community-based mental health services for older people"},
      {"community-ld-autism",
       "Community mental health services for people with a learning disability or autism"},
      {"community-adults", "Community health services for adults"},
      {"community-children", "Community health services for children, young people and families"},
      {"community-inpatients", "Community health inpatient services"},
      {"end-of-life", "End of life care"},
      {"urgent-emergency", "Urgent and emergency care"},
      {"medical-care", "Medical care (including older people's care)"},
      {"surgery", "Surgery"},
      {"critical-care", "Critical care"},
      {"maternity", "Maternity"},
      {"children-young-people", "Services for children and young people"},
      {"outpatients", "Outpatients"},
  };
  return lookup(kServices, id, "service");
}

const std::string& rating_name(std::string_view id) {
  static const std::map<std::string, std::string, std::less<>> kRatings = {
      {"outstanding", "Outstanding"},
      {"good", "Good"},
      {"requires-improvement", "Requires improvement"},
      {"inadequate", "Inadequate"},
  };
  return lookup(kRatings, id, "rating");
}

std::string month_name(int m) {
  static const std::array<const char*, 12> kNames = {
      "January", "February", "March",     "April",   "May",      "June",
      "July",    "August",   "September", "October", "November", "December"};
  if (m < 1 || m > 12) throw std::out_of_range("month " + std::to_string(m));
  return kNames[static_cast<std::size_t>(m - 1)];
}

std::string short_month(int m) { return month_name(m).substr(0, 3); }

std::string weekday_name(Day d) {
  static const std::array<const char*, 7> kDays = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                                   "Thursday", "Friday", "Saturday"};
  const long z = days_from_civil(d.y, d.m, d.d);
  return kDays[static_cast<std::size_t>((z + 4) % 7)];
}

std::string long_date(Day d) {
  if (d.y == 0) return "";
  const std::string my = month_name(d.m) + " " + std::to_string(d.y);
  return d.d == 0 ? my : std::to_string(d.d) + " " + my;
}

std::string iso(Day d) {
  if (d.y == 0) return "";
  char buf[16];
  if (d.d == 0) {
    std::snprintf(buf, sizeof buf, "%04d-%02d", d.y, d.m);
  } else {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.y, d.m, d.d);
  }
  return buf;
}

Day add_days(Day d, int n) { return civil_from_days(days_from_civil(d.y, d.m, d.d) + n); }

bool is_bst(Day d) {
  if (d.m < 3 || d.m > 10) return false;
  if (d.m > 3 && d.m < 10) return true;
  const int change = last_sunday(d.y, d.m);
  return d.m == 3 ? d.d >= change : d.d < change;
}

std::string lower(std::string s) {
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return s;
}

std::string replace_all(std::string s, std::string_view from, std::string_view to) {
  for (std::size_t pos = s.find(from); pos != std::string::npos;
       pos = s.find(from, pos + to.size())) {
    s.replace(pos, from.size(), to);
  }
  return s;
}

unsigned stable_hash(std::string_view s) {
  unsigned h = 2166136261u;
  for (const char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= 16777619u;
  }
  return h;
}

}  // namespace cqc::sample
