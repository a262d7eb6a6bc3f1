// Reference facts the sample documents print (trust, service and rating names copied from
// data/*.tsv) and the calendar helpers that format the specs' dates.
#pragma once
#include <string>
#include <string_view>

#include "data/sample/spec.hpp"

namespace cqc::sample {

// The trust's current name for ODS CODE, as in data/trusts.tsv; throws std::out_of_range.
const std::string& trust_name(std::string_view code);
// The CQC core service name for service ID, as in data/services.tsv; throws std::out_of_range.
const std::string& service_name(std::string_view id);
// The rating name for rating ID ("Requires improvement"); throws std::out_of_range.
const std::string& rating_name(std::string_view id);

// English month name for 1-12 ("March").
std::string month_name(int m);
// Three-letter month abbreviation for 1-12 ("Mar").
std::string short_month(int m);
// English weekday name of a day-precision date ("Thursday").
std::string weekday_name(Day d);
// "1 March 2018"; "March 2018" at month precision.
std::string long_date(Day d);
// ISO 8601 at the date's precision ("2018-03-01", "2018-03"); "" when not stated.
std::string iso(Day d);
// The day-precision date N days after D (N may be negative).
Day add_days(Day d, int n);
// True when British Summer Time is in force at noon on day D.
bool is_bst(Day d);
// ASCII lower-casing.
std::string lower(std::string s);
// Replaces every occurrence of FROM in S with TO.
std::string replace_all(std::string s, std::string_view from, std::string_view to);
// A stable 32-bit FNV-1a hash, for deterministic choices from pools.
unsigned stable_hash(std::string_view s);

}  // namespace cqc::sample
