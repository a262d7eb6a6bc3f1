// lead_text_date: a date line near the top of a page's main text (date_text.hpp).
#include <array>
#include <cctype>
#include <string>
#include <vector>

#include "core/text.hpp"
#include "indexer/date_text.hpp"

namespace cqc::indexer {
namespace {

constexpr size_t kLeadLines = 12;     // lines of the main text looked at
constexpr size_t kLeadBytes = 2500;   // and no further than this into it
constexpr size_t kShortLine = 100;    // a line this short is a byline or a date line
constexpr size_t kCueWindow = 48;     // bytes before the date where a cue may stand
// After the second paragraph of prose or a comments heading only labelled dates count.

// Words before a date that make it a modification or another event's date.
bool not_publication(std::string_view before) {
  static constexpr std::array<std::string_view, 16> words{
      "updated",  "update",     "aktualisiert", "geändert", "modified", "mis à jour",
      "actualizado", "aggiornato", "bijgewerkt", "copyright", "\xC2\xA9", "last edited",
      "inspect", "visit", "carried out", "between"};
  const std::string lower = core::to_lower(before);
  for (std::string_view w : words)
    if (lower.find(w) != std::string::npos) return true;
  return false;
}

// Words before a date that make its line a teaser for another article.
bool teaser(std::string_view before) {
  static constexpr std::array<std::string_view, 9> words{
      "related", "read more", "see also", "read also", "more:", "latest", "recommended",
      "lesen sie auch", "mehr zum thema"};
  const std::string lower = core::to_lower(before);
  for (std::string_view w : words)
    if (lower.find(w) != std::string::npos) return true;
  return false;
}

// True when TEXT starts with a day or a month ("8 October", "July"), not a clock time.
bool starts_date(std::string_view text) {
  size_t n = 0;
  while (n < text.size() && std::isdigit(static_cast<unsigned char>(text[n]))) ++n;
  if (n > 0) return n <= 2 && (n == text.size() || (text[n] != ':' && text[n] != '.') ||
                               (text[n] == '.' && n + 1 < text.size() && text[n + 1] == ' '));
  size_t w = 0;
  while (w < text.size() && std::isalpha(static_cast<unsigned char>(text[w]))) ++w;
  return w > 0 && month_from_any_name(text.substr(0, w)) != 0;
}

// True when the date between BEFORE and AFTER is an end of a range or one of a list
// ("5 to 8 October 2015", "26 & 27 April 2022", "21 May 2018 to 05 July 2018", "05 May 2021,
// 06 May 2021"): inspection visits and events, not a publication.
bool in_range(std::string_view before, std::string_view after) {
  const std::string b = core::to_lower(core::trim(before)), a = core::to_lower(core::trim(after));
  for (std::string_view w : {" to", "-", "\xE2\x80\x93", "&", " and", " until", " bis", " au"})
    if (b.ends_with(w) || b == core::trim(w)) return true;
  for (std::string_view w : {"to ", "-", "\xE2\x80\x93", "&", "and ", "until ", "bis ", ","})
    if (a.starts_with(w)) return starts_date(core::trim(std::string_view(a).substr(w.size())));
  return false;
}

// A heading that starts the comments: nothing after it is the article's.
bool comments_heading(std::string_view line) {
  const std::string lower = core::to_lower(line);
  return line.size() <= 40 && line.find_first_of("0123456789") == std::string_view::npos &&
         (lower.find("comment") != std::string::npos ||
          lower.find("kommentar") != std::string::npos);
}

// A paragraph of prose (not a headline, which may end in '?'): the body may have begun.
bool prose(std::string_view line) {
  return line.size() >= 40 && std::string_view(".!\"").find(line.back()) != std::string_view::npos;
}

// Words that announce a publication date within a longer line.
bool cue(std::string_view before) {
  static constexpr std::array<std::string_view, 16> words{
      "published", "posted", "date", "datum", "erstellt", "veröffentlicht", "publié", "publicado",
      "pubblicato", "gepubliceerd", "stand", "by ", "von ", "par ", "por ", "|"};
  const std::string lower = core::to_lower(before);
  for (std::string_view w : words)
    if (lower.find(w) != std::string::npos) return true;
  return false;
}

// A label naming the publication date: "Datum:", "Published:", "Date of publication:".
bool label_cue(std::string_view head) {
  static constexpr std::array<std::string_view, 10> words{
      "published", "posted", "date", "datum", "erstellt", "veröffentlicht", "publié",
      "publicado", "pubblicato", "gepubliceerd"};
  const std::string lower = core::to_lower(core::trim(head));
  for (std::string_view w : words)
    if (lower.starts_with(w)) return true;
  return false;
}

// True when the date follows a lower-case word such as "zum", "since", "am" (but not an
// article such as "den", "le", "the"): a sentence that mentions a date, not a date line.
bool mid_sentence(std::string_view before) {
  before = core::trim(before);
  size_t w = before.size();
  while (w > 0 && std::islower(static_cast<unsigned char>(before[w - 1]))) --w;
  const std::string_view word = before.substr(w);
  if (word.size() < 2 || (w > 0 && !std::isspace(static_cast<unsigned char>(before[w - 1]))))
    return false;
  for (std::string_view article : {"den", "der", "le", "el", "il", "the", "de"})
    if (word == article) return false;
  return true;
}

// A number of one or two digits, 1-31, as WORD ("26", "26th"); else 0.
int day_of(std::string_view word) {
  size_t n = 0;
  while (n < word.size() && n < 3 && std::isdigit(static_cast<unsigned char>(word[n]))) ++n;
  if (n == 0 || n > 2) return 0;
  const std::string_view rest = word.substr(n);
  if (!rest.empty() && rest != "st" && rest != "nd" && rest != "rd" && rest != "th" && rest != ".")
    return 0;
  const int d = std::stoi(std::string(word.substr(0, n)));
  return d >= 1 && d <= 31 ? d : 0;
}

// The day a press release's embargo ends, from a line of the lead that says "embargo"
// ("Embargoed until 00.01 hours on Friday 26 May"): a full date, or a day and a month
// name whose year is that of DATED (the release's own date line), the next year when the
// day would come before it. nullopt when no such line is among the first lines of TEXT.
std::optional<core::Date> embargo_end(std::string_view text, const core::Date& dated) {
  size_t pos = 0;
  for (size_t lines = 0; pos < text.size() && lines < kLeadLines; ++lines) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    if (line.size() > kShortLine || core::to_lower(line).find("embargo") == std::string::npos)
      continue;
    if (auto full = find_written_date(line)) return full;
    const std::string flat = core::collapse_space(line);
    std::vector<std::string_view> words;
    for (std::string_view w : core::split(flat, ' ')) {
      while (!w.empty() && std::string_view(",;:()").find(w.back()) != std::string_view::npos)
        w.remove_suffix(1);
      while (!w.empty() && std::string_view(",;:()").find(w.front()) != std::string_view::npos)
        w.remove_prefix(1);
      words.push_back(w);
    }
    for (size_t i = 0; i < words.size(); ++i) {
      const int month = month_from_any_name(words[i]);
      if (month == 0) continue;
      int day = i > 0 ? day_of(words[i - 1]) : 0;
      if (day == 0 && i + 1 < words.size()) day = day_of(words[i + 1]);
      if (day == 0) continue;
      core::Date d{dated.year, month, day};
      if (d < dated) ++d.year;
      if (!core::valid_day(d.year, d.month, d.day)) continue;  // "29 February", "31 June"
      return d;
    }
  }
  return std::nullopt;
}

}  // namespace

namespace {

std::optional<core::Date> date_line(std::string_view text) {
  text = text.substr(0, std::min(text.size(), kLeadBytes));
  size_t lines = 0, prose_lines = 0;
  bool body = false;        // the body has begun: only labelled dates count now
  std::string_view label;   // the previous line when it is a label such as "Datum:"
  for (size_t pos = 0; pos < text.size() && lines < kLeadLines; ++lines) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = core::trim(text.substr(pos, end - pos));
    pos = end + 1;
    if (line.empty()) {
      --lines;
      continue;
    }
    std::string_view previous = label;
    label = line.size() <= 30 && line.back() == ':' ? line : std::string_view();
    auto m = match_written_date(line);
    if (!m)  // "von Ann Lee, 8.5.12": a two-digit year only after a cue or on its own
      if (m = match_written_date(line, true);
          m && !cue(line.substr(0, m->begin)) && (m->begin != 0 || m->end != line.size()))
        m.reset();
    if (!m) {
      body = body || comments_heading(line) || (prose(line) && ++prose_lines == 2);
      continue;
    }
    const size_t at = m->begin;
    const core::Date d = m->date;
    std::string_view before = line.substr(0, at);
    if (not_publication(before) || teaser(before) || in_range(before, line.substr(m->end)))
      continue;
    if (body) {
      // "Datum: 03.11.2021", or "Datum:" on the line before
      std::string_view head = before.empty() ? previous : before;
      if (head.size() <= 30 && head.find(':') != std::string_view::npos && label_cue(head))
        return d;
      continue;
    }
    bool leading = at <= 2 || (at < 24 && before.find(',') != std::string_view::npos &&
                               before.find(' ') == before.rfind(' '));  // "Mittwoch, 3. ..."
    if ((line.size() <= kShortLine && !mid_sentence(before)) || leading ||
        cue(before.substr(before.size() > kCueWindow ? before.size() - kCueWindow : 0)))
      return d;
    body = body || (prose(line) && ++prose_lines == 2);  // prose that mentions a date
  }
  return std::nullopt;
}

}  // namespace

std::optional<core::Date> lead_text_date(std::string_view text) {
  const std::optional<core::Date> d = date_line(text);
  if (!d) return d;
  const std::optional<core::Date> embargo = embargo_end(text.substr(0, kLeadBytes), *d);
  return embargo && *d <= *embargo ? embargo : d;
}

}  // namespace cqc::indexer
