// Dates written in prose and on report covers: publication and inspection visit.
#include <algorithm>
#include <cctype>

#include "indexer/metadata_parts.hpp"

namespace cqc::indexer {
namespace {

int digits_value(std::string_view s, size_t max_len) {
  if (s.empty() || s.size() > max_len) return -1;
  int v = 0;
  for (char c : s) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return -1;
    v = v * 10 + (c - '0');
  }
  return v;
}

// 1-31 from "7", "07" or "7th"; else 0.
int day_value(const Token& w) {
  std::string_view s = w.lower;
  for (std::string_view suffix : {"st", "nd", "rd", "th"})
    if (s.size() > 2 && s.ends_with(suffix)) s.remove_suffix(2);
  int v = digits_value(s, 2);
  return v >= 1 && v <= 31 ? v : 0;
}

int year_value(const Token& w) {
  int v = w.text.size() == 4 ? digits_value(w.text, 4) : -1;
  return v >= 1990 && v <= 2099 ? v : 0;
}

// A capitalised month name or abbreviation ("March", "Oct", "Sept"); 0 otherwise, so that
// "may" and "march" as verbs are not months.
int month_value(const Token& w) {
  if (w.text.empty() || !std::isupper(static_cast<unsigned char>(w.text[0]))) return 0;
  return core::month_from_name(w.text);
}

bool connector_sep(const Token& w) { return w.sep.find_first_of("-,&") != std::string::npos; }

struct Entry {
  int d = 0, m = 0, y = 0;
  bool explicit_year = false;
};

// Year for a month (and day) written without one: the latest not after PUBLISHED.
int resolve_year(const Entry& e, const core::Date& published) {
  if (published.month == 0 || e.m < published.month) return published.year;
  if (e.m > published.month) return published.year - 1;
  return (e.d == 0 || published.day == 0 || e.d <= published.day) ? published.year
                                                                   : published.year - 1;
}

bool weekday(const Token& w) {
  return is_word(w, {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                     "sunday", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri",
                     "sat", "sun"});
}

// A date with at least a day (bylines) starting at I, after optional "on" and a weekday.
std::optional<DateSpan> full_date(const Tokens& t, size_t i) {
  while (i < t.size() && (weekday(t[i]) || is_word(t[i], {"on", "at"}))) ++i;
  if (i >= t.size()) return std::nullopt;
  auto span = parse_date_span(t, i, core::Date{});
  if (!span || span->from.day == 0 || span->from != span->to) return std::nullopt;
  return span;
}

// True when the paragraph holding token I is a related-stories or "more" list.
bool lead_is_furniture(const Tokens& t, size_t i) {
  for (size_t k = i; k > 0 && t[k - 1].para == t[i].para; --k)
    if (is_word(t[k - 1], {"related", "also", "more", "latest", "recommended"})) return true;
  for (size_t k = i; k < t.size() && t[k].para == t[i].para; ++k)
    if (is_word(t[k], {"related", "also", "more", "latest", "recommended"})) return true;
  return false;
}

// How many tokens of I's paragraph come before I.
size_t sentence_offset(const Tokens& t, size_t i) {
  size_t k = i;
  while (k > 0 && t[k - 1].para == t[i].para) --k;
  return i - k;
}

size_t para_length(const Tokens& t, size_t i) {
  size_t lo = i, hi = i;
  while (lo > 0 && t[lo - 1].para == t[i].para) --lo;
  while (hi < t.size() && t[hi].para == t[i].para) ++hi;
  return hi - lo;
}

// Skips words between an inspection phrase and its date.
bool date_lead_in(const Token& w) {
  return is_word(w, {"in", "on", "during", "between", "from", "over", "throughout", "of"});
}

// True when one of the 3 words before I shows an inspection is not the one reported on.
bool other_visit(const Tokens& t, size_t i) {
  return word_before(t, i, 3, {"previous", "previously", "last", "earlier", "prior", "since",
                               "next", "future", "further", "subsequent", "originally"});
}

// Words that introduce an inspection: "inspected", "an unannounced inspection",
// "inspectors (who visited)"; "visited"/"visit" only in a sentence about the inspectors.
bool inspection_cue(const Tokens& t, size_t c) {
  if (is_word(t[c], {"inspected", "inspection", "inspections", "inspecting", "unannounced",
                     "inspectors", "inspector"}))
    return true;
  if (!is_word(t[c], {"visited", "returned", "visit", "visits"})) return false;
  for (size_t k = c; k > 0 && c - k < 30 && t[k - 1].sentence == t[c].sentence; --k)
    if (is_word(t[k - 1], {"cqc", "inspectors", "commission", "regulator", "watchdog"}))
      return true;
  return false;
}

}  // namespace

std::optional<DateSpan> parse_date_span(const Tokens& t, size_t i, const core::Date& published) {
  // "last month", "this month": the month before (or of) publication.
  if (i + 1 < t.size() && is_word(t[i], {"last", "this"}) && is_word(t[i + 1], {"month"}) &&
      published.known() && published.month != 0) {
    core::Date d{published.year, published.month, 0};
    if (t[i].lower == "last" && --d.month == 0) d = {d.year - 1, 12, 0};
    return DateSpan{d, d, i + 2};
  }
  std::vector<Entry> e;
  int relative = -1;  // years back from the publication year: "this year" 0, "last year" 1
  enum { kStart, kAfterConnector, kDay, kMonth, kYear } state = kStart;
  size_t k = i;
  for (; k < t.size() && t[k].sentence == t[i].sentence && k < i + 24; ++k) {
    const Token& w = t[k];
    bool open = state == kStart || state == kAfterConnector || connector_sep(w);
    if (int d = day_value(w); d && k + 2 < t.size() && t[k + 1].sep == "/" && t[k + 2].sep == "/" &&
                              digits_value(t[k + 1].text, 2) >= 1 && year_value(t[k + 2]) &&
                              open) {
      e.push_back({d, digits_value(t[k + 1].text, 2), year_value(t[k + 2]), true});
      k += 2;
      state = kYear;
    } else if (int d2 = day_value(w); d2 && open) {
      e.push_back({d2, 0, 0, false});
      state = kDay;
    } else if (int m = month_value(w); m && (open || state == kDay)) {
      bool assigned = false;
      for (Entry& x : e)
        if (x.m == 0 && x.y == 0) x.m = m, assigned = true;
      if (!assigned) e.push_back({0, m, 0, false});
      state = kMonth;
    } else if (int y = year_value(w); y && (state == kMonth || (state == kStart && e.empty()))) {
      if (e.empty()) e.push_back({0, 0, 0, false});
      for (Entry& x : e)
        if (x.y == 0) x.y = y;  // "2 Oct to 7 Dec 2017": the year is written for the last only
      e.back().explicit_year = true;
      state = kYear;
    } else if (state == kDay && is_word(w, {"of"}) && k + 1 < t.size() && month_value(t[k + 1])) {
      continue;  // "2nd of March"
    } else if (state == kMonth && k + 1 < t.size() && is_word(t[k + 1], {"year"}) &&
               is_word(w, {"this", "last"})) {
      relative = w.lower == "this" ? 0 : 1;
      k += 2;
      break;
    } else if (state != kStart && state != kAfterConnector &&
               is_word(w, {"to", "and", "until", "till", "through", "&"})) {
      state = kAfterConnector;
    } else {
      break;
    }
  }
  if (state == kAfterConnector) --k;  // a dangling "and" is not part of the date
  if (e.empty()) return std::nullopt;
  for (Entry& x : e) {
    if ((x.m == 0 && x.d != 0) || (x.m == 0 && x.y == 0)) return std::nullopt;
    if (x.y != 0) continue;
    if (!published.known()) return std::nullopt;
    x.y = relative >= 0 ? published.year - relative : resolve_year(x, published);
  }
  for (const Entry& x : e)
    if (x.d != 0 && !core::valid_day(x.y, x.m, x.d)) return std::nullopt;
  DateSpan span{{e.front().y, e.front().m, e.front().d}, {e.back().y, e.back().m, e.back().d}, k};
  if (span.from.slot() > span.to.slot() && !e.front().explicit_year) --span.from.year;
  if (span.from.slot() > span.to.slot()) std::swap(span.from, span.to);
  return span;
}

std::optional<DateSpan> find_published(const Tokens& t, bool report, std::string& source) {
  for (size_t i = 0; i + 3 < t.size(); ++i) {
    if (report && t[i].page > 3) break;
    if (phrase_at(t, i, {"date", "of", "publication"}))
      if (auto span = parse_date_span(t, i + 3, core::Date{}); span && span->from.month) {
        source = report ? "cover page" : "byline";
        return span;
      }
  }
  if (report) return std::nullopt;
  // Bylines: only in the lead (headline, byline, first paragraph), never in related lists.
  int furniture_para = -1;
  for (size_t i = 0; i < t.size() && t[i].region != Region::kBody; ++i) {
    if (t[i].region != Region::kLead) continue;
    if (i == 0 || t[i - 1].para != t[i].para)
      furniture_para = lead_is_furniture(t, i) ? t[i].para : -1;
    if (t[i].para == furniture_para) continue;
    std::optional<DateSpan> span;
    const size_t start = i - std::min(i, sentence_offset(t, i));
    if (is_word(t[start], {"by"}) && t[start].para == t[i].para && para_length(t, i) <= 16 &&
        (span = full_date(t, i))) {
      // "By Sam Doyle - 18 March 2022", "By Nia Evans | 26 February 2020"
    } else if (is_word(t[i], {"published", "posted"})) {
      span = full_date(t, i + 1);
    } else if (auto d = full_date(t, i); d && d->end + 1 < t.size() &&
                                         t[d->end + 1].sep == ":" &&
                                         digits_value(t[d->end].text, 2) >= 0 &&
                                         digits_value(t[d->end + 1].text, 2) >= 0) {
      span = d;  // "4 September 2019 10:00"
    } else if ((i == 0 || t[i - 1].para != t[i].para) && para_length(t, i) <= 8 &&
               (span = full_date(t, i))) {
      // a paragraph that is just a date: "Wednesday 4 September 2019"
    }
    if (span) {
      source = "byline";
      return span;
    }
  }
  return std::nullopt;
}

std::optional<DateSpan> find_inspected(const Tokens& t, bool report, const core::Date& published,
                                       std::string& source) {
  for (size_t i = 0; i + 3 < t.size(); ++i) {
    size_t anchor = 0;
    using Phrase = std::initializer_list<std::string_view>;
    for (Phrase phrase : {Phrase{"date", "of", "inspection", "visit"},
                          {"date", "of", "inspection", "visits"},
                          {"dates", "of", "inspection", "visit"},
                          {"dates", "of", "inspection", "visits"},
                          {"date", "of", "inspection"},
                          {"dates", "of", "inspection"},
                          {"inspection", "dates"}})
      if (!anchor && phrase_at(t, i, phrase)) anchor = phrase.size();
    if (!anchor) continue;
    if (auto span = parse_date_span(t, i + anchor, published)) {
      source = report && t[i].page <= 2 ? "cover page" : "text";
      return span;
    }
  }
  // A CQC provider page's "All inspections" entry: a line that is only the visit dates
  // ("5 to 8 October 2015", "25-27 July, 7-9 August and 17 August 2023", "05 May 2021,
  // 06 May 2021"), then "During an inspection of ..." / "During a routine inspection".
  for (size_t i = 0; i < t.size(); ++i) {
    if (i > 0 && t[i - 1].para == t[i].para) continue;
    auto span = parse_date_span(t, i, published);
    if (!span || span->from.month == 0 || span->end >= t.size() || t[span->end].para == t[i].para ||
        !is_word(t[span->end], {"during"}))
      continue;
    const size_t next = span->end;
    for (size_t k = next + 1; k < next + 6 && k < t.size() && t[k].para == t[next].para; ++k)
      if (is_word(t[k], {"inspection", "inspections"})) {
        source = "text";
        return span;
      }
  }
  auto after_publication = [&](const DateSpan& s) {
    return published.known() && s.from.slot() > published.slot_end();
  };
  for (size_t c = 0; c < t.size(); ++c) {
    if (!inspection_cue(t, c) || other_visit(t, c)) continue;
    for (size_t k = c + 1; k < c + 40 && k < t.size() && t[k].sentence == t[c].sentence; ++k) {
      // "the first inspection of the trust, which formed in April 2020": another event's date
      if (is_word(t[k - 1], {"formed", "merged", "founded", "established", "created", "opened",
                             "launched", "became", "joined"}))
        break;
      const bool bare_relative = k == c + 1 && is_word(t[k], {"last", "this"});  // "visited last month"
      if ((!date_lead_in(t[k - 1]) && !bare_relative) || other_visit(t, k - 1)) continue;  // "previous visit in"
      size_t at = k;
      if (at + 1 < t.size() && is_word(t[at], {"the"}) && t[at].sentence == t[at + 1].sentence &&
          day_value(t[at + 1]))
        ++at;  // "on the 16, 17 and 18 June", "between the 16 and 18 September"
      auto span = parse_date_span(t, at, published);
      if (span && span->from.month == 0 && at > c + 3) continue;  // a bare year far off
      if (span && !after_publication(*span)) {
        source = "text";
        return span;
      }
    }
    // "following its 2025 CQC inspection", "our latest 2019 inspection": a year naming the
    // visit (not "the 2014 inspection", often an earlier one; not "since its 2014 inspection")
    if (is_word(t[c], {"inspection"}) && c >= 2) {
      size_t y = c - 1;
      if (is_word(t[y], {"cqc"})) --y;
      if (y >= 1 && year_value(t[y]) && t[y].sentence == t[c].sentence &&
          is_word(t[y - 1], {"its", "their", "our", "latest", "recent", "this"}) && !other_visit(t, y)) {
        const core::Date d{year_value(t[y]), 0, 0};
        if (const DateSpan span{d, d, y + 1}; !after_publication(span)) {
          source = "text";
          return span;
        }
      }
    }
    for (size_t k = c >= 8 ? c - 8 : 1; k < c; ++k) {  // "During October 2017 the CQC inspected"
      if (k == 0 || t[k].sentence != t[c].sentence ||
          !is_word(t[k - 1], {"during", "in", "on", "between"}) || other_visit(t, k - 1) ||
          word_before(t, k - 1, 3, {"after", "following"}))
        continue;
      if (auto span = parse_date_span(t, k, published);
          span && span->end <= c && !after_publication(*span)) {
        source = "text";
        return span;
      }
    }
  }
  return std::nullopt;
}

}  // namespace cqc::indexer
