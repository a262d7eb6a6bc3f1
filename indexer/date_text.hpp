// Private to the indexer: dates as web pages write them - timestamps in markup, dates in URL
// paths and in short bylines, with month names in several languages. Pure string functions.
#pragma once
#include <optional>
#include <string_view>

#include "core/date.hpp"

namespace cqc::indexer {

// The number written with exactly the N digits at S[I] ("2019" at 0 of "2019-05"); -1 when
// S has fewer than N characters there or one of them is not a digit.
int digits_at(std::string_view s, size_t i, size_t n);

// Month 1-12 for a month name or usual abbreviation in English, German, French, Spanish,
// Italian, Portuguese, Dutch or Russian (genitive), lower case or capitalised, a trailing '.'
// ignored ("März", "févr.", "mayo", "мая"); else 0.
int month_from_any_name(std::string_view word);

// A timestamp as written in markup. DATE is the calendar date as written (never converted).
struct Stamp {
  core::Date date;
  bool has_time = false;      // a clock time was written
  int minutes = 0;            // that time, minutes after midnight
  bool has_zone = false;      // a zone was written: "Z", "+01:00", "-0500", "GMT", "UTC"
  int offset = 0;             // that zone, minutes east of UTC
};

// Parses a markup date: ISO 8601 at any precision with optional time and zone
// ("2019-09-04", "2020-05-02T02:54:29.000Z", "2023-11-08 21:11:03-05:00"), compact ISO
// ("20201123T11:02:35Z", "20201123"), "YYYY/MM/DD" and, failing those, the first written
// date in TEXT (find_written_date: RFC 1123 "Sun, 11 Oct 2020 10:00:00 GMT", asctime,
// "25.01.2022 - 14:45"). nullopt when TEXT holds no date.
std::optional<Stamp> parse_markup_stamp(std::string_view text);

// S's calendar date in the zone OFFSET (minutes east of UTC). Needs S's time and zone;
// otherwise the date as written.
core::Date local_date(const Stamp& s, int offset);

// The first full date (day, month and year 1970-2099) written in TEXT, in any of:
// "2019-05-14", "2019/05/14", "2019.05.14"; "14.05.2019" and "14-05-2019" (day first);
// "14/05/2019" and "05/14/2019" only when the order is certain (a part above 12, or both
// parts equal), "05-14-2019" too;
// "14 May 2019", "14. Mai 2019", "14 de mayo de 2019", "31 Okt, 2023", "14th May 2019";
// "May 14, 2019", "Dezember 16th, 2012", "Jul 30 09:35:14 CEST 2019"; "2020年7月11日" and
// "2020년 3월 4일"; "4. 2. 2022". nullopt when there is none. A number run inside a longer
// one never counts. AT, when given, gets the byte offset where the date starts.
// TWO_DIGIT_YEARS: also "31.10.23" (20YY; dots only), for date lines.
std::optional<core::Date> find_written_date(std::string_view text, size_t* at = nullptr,
                                            bool two_digit_years = false);

// A publication date written near the top of a page's main TEXT (lines separated by '\n';
// the first 12 lines within 2,500 bytes): the first full date (find_written_date) on a
// short line (100 bytes at most: "Wednesday, October 16, 2019", "Datum: 03.02.2022",
// "By Ann Lee | 27.06.2018 09:54"), at the start of a line ("27.1.2022 - The ..."), or
// after a cue word ("published", "posted", "Datum", "erstellt", "by", "von", "|"...). A
// date after "updated", "aktualisiert", "(c)" and the like is skipped, and so is one after a
// lower-case word on a short line ("joins from 1 March 2021": a sentence, not a date line).
// When a short line of the lead says "embargo" with a later day ("Embargoed until 00.01 on
// Friday 26 May", the year taken from the date line), that day is the publication date.
// nullopt when none.
std::optional<core::Date> lead_text_date(std::string_view text);

// A date written in a text and where: TEXT[begin, end) spells it.
struct WrittenDate {
  core::Date date;
  size_t begin = 0;
  size_t end = 0;
};

// find_written_date with the date's place in TEXT.
std::optional<WrittenDate> match_written_date(std::string_view text, bool two_digit_years = false);

// A day written in a URL's path: "/2019/05/14/", "/2019-05-14-title", "/20190514/",
// "/2019/0514/", "/2020/oct/02/", a segment "/29-10-2021". The query and fragment are ignored; a 14-digit archive timestamp is not a
// date. nullopt when the path has none.
std::optional<core::Date> url_date(std::string_view url);

// A month written as two path segments "/2018/02/" (a blog's archive path); nullopt else.
std::optional<core::Date> url_month(std::string_view url);

}  // namespace cqc::indexer
