// The publication date a page's markup states: the order of trust in html_head.hpp
// (choose_published), over <meta> tags, JSON-LD and the element signals of html_dates.cpp.
#include <array>
#include <functional>

#include "core/text.hpp"
#include "indexer/html_head.hpp"

namespace cqc::indexer {
namespace {

// Earlier years in markup are placeholders ("0001-01-01T00:00:00Z", "1970-01-01").
constexpr int kFirstYear = 1980;

// One raw date and where it came from, in the page's order.
struct Raw {
  std::string_view text;
  bool from_url = false;  // TEXT is a URL: read with url_date
};

using Keys = std::initializer_list<std::string_view>;

bool opengraph_key(std::string_view k) {
  return k == "article:published_time" || k == "og:published_time" ||
         k == "og:article:published_time" || k == "article:published" ||
         k == "published_time" || (k.ends_with(":published_time") && !k.starts_with("twitter"));
}

bool meta_family_key(std::string_view k) {
  static constexpr std::array<std::string_view, 22> keys{
      "pubdate", "publishdate", "publish-date", "publish_date", "published_date",
      "publication_date", "publication-date", "publishing_date", "pub_date",
      "sailthru.date", "parsely-pub-date", "article.published", "article_date_original",
      "original-publish-date", "date_published", "date-published", "article:publication_date",
      "cxenseparse:recs:publishtime", "dcsext.articlefirstpublished", "release_date",
      "og:pubdate", "created"};
  for (std::string_view key : keys)
    if (k == key) return true;
  return false;
}

// Any other key naming a publication: "sw-pubdate", "five_hundred_pixels:uploaded".
bool loose_publish_key(std::string_view k) {
  return (k.find("publish") != std::string_view::npos || k.ends_with("pubdate") ||
          k.ends_with("uploaded")) &&
         k.find("modif") == std::string_view::npos && k.find("updat") == std::string_view::npos &&
         k.find("expir") == std::string_view::npos;
}

std::vector<Raw> metas_where(const HtmlHead& head, const std::function<bool(std::string_view)>& f) {
  std::vector<Raw> out;
  for (const auto& [k, v] : head.metas)
    if (f(k)) out.push_back({v});
  return out;
}

std::vector<Raw> metas_named(const HtmlHead& head, Keys keys) {
  std::vector<Raw> out;
  for (std::string_view key : keys)  // by the order of KEYS
    for (const auto& [k, v] : head.metas)
      if (k == key) out.push_back({v});
  return out;
}

std::vector<Raw> signals(const std::vector<DateSignal>& dates, Keys kinds) {
  std::vector<Raw> out;
  for (const DateSignal& s : dates)
    for (std::string_view kind : kinds)
      if (s.kind == kind) out.push_back({s.text, kind == "canonical"});
  return out;
}

// The first non-zero zone offset written in any timestamp of the page, else 0.
int page_offset(const HtmlHead& head, const std::vector<DateSignal>& json_ld) {
  auto offset_of = [](std::string_view text) {
    auto st = parse_markup_stamp(text);
    return st && st->has_zone ? st->offset : 0;
  };
  for (const DateSignal& s : json_ld)
    if (int o = offset_of(s.text)) return o;
  for (const auto& [k, v] : head.metas)
    if (k.find("time") != std::string::npos || k.find("date") != std::string::npos)
      if (int o = offset_of(v)) return o;
  for (const DateSignal& s : head.dates)
    if (s.kind != "canonical" && s.kind != "date-class")
      if (int o = offset_of(s.text)) return o;
  return 0;
}

bool utc(const Stamp& s) { return s.has_time && s.has_zone && s.offset == 0; }

// The local day of the UTC timestamp S when the page states no zone: the day before (a
// morning UTC time, the Americas) or after (an evening one, the East) when a date written
// in local time in the page's markup - a URL, a zoneless timestamp - says so and none
// says S's own day. Else S's day as written.
template <typename Levels>
core::Date local_day(const Stamp& s, const Levels& levels) {
  const core::Date near = local_date(s, s.minutes < 12 * 60 ? -12 * 60 : 12 * 60);
  if (near == s.date) return s.date;
  bool same = false, other = false;
  for (const auto& level : levels)
    for (const Raw& raw : level.raws) {
      if (level.source == "byline" || level.source == "date-line") continue;  // today's edition?
      std::optional<core::Date> d;
      if (raw.from_url) {
        d = url_date(raw.text);
      } else if (auto st = parse_markup_stamp(raw.text); st && !utc(*st)) {
        d = st->date;
      }
      same = same || d == s.date;
      other = other || d == near;
    }
  return other && !same ? near : s.date;
}

}  // namespace

std::optional<core::Date> parse_markup_date(std::string_view text) {
  auto st = parse_markup_stamp(text);
  if (!st) return std::nullopt;
  return st->date;
}

void choose_published(const HtmlHead& head, const std::vector<DateSignal>& json_ld,
                      MarkupMeta& meta) {
  struct Level {
    std::string_view source;
    std::vector<Raw> raws;
  };
  const std::vector<Level> levels{
      {"json-ld", signals(json_ld, {"json-ld-article"})},
      {"opengraph", metas_where(head, opengraph_key)},
      {"itemprop", [&] {
         auto v = metas_named(head, {"datepublished"});
         auto e = signals(head.dates, {"itemprop"});
         v.insert(v.end(), e.begin(), e.end());
         return v;
       }()},
      {"json-ld", signals(json_ld, {"json-ld"})},
      {"citation", metas_named(head, {"citation_publication_date", "citation_date",
                                      "citation_online_date"})},
      {"dublin-core", metas_named(head, {"dc.date.issued", "dcterms.issued", "dc.date",
                                         "dcterms.created", "dc.date.created"})},
      {"meta", metas_where(head, meta_family_key)},
      {"time-element", signals(head.dates, {"time-pubdate", "time-article"})},
      {"meta-date", metas_named(head, {"date", "timestamp", "dcterms.date"})},  // often the last change
      {"json-ld", [&] {
         auto v = signals(json_ld, {"json-ld-created"});
         auto e = signals(head.dates, {"itemprop-created"});
         v.insert(v.end(), e.begin(), e.end());
         return v;
       }()},
      {"url", [&] {
         auto v = signals(head.dates, {"canonical"});
         for (Raw& r : metas_named(head, {"og:url"})) v.push_back({r.text, true});
         return v;
       }()},
      {"byline", signals(head.dates, {"date-class-article"})},
      {"time-element", signals(head.dates, {"time"})},
      {"date-line", signals(head.dates, {"date-class"})},
      {"meta", metas_where(head, loose_publish_key)},

  };
  for (const Level& level : levels)
    for (const Raw& raw : level.raws) {
      if (raw.from_url) {
        if (auto d = url_date(raw.text)) {
          meta.published = *d;
          meta.published_source = std::string(level.source);
          return;
        }
        continue;
      }
      auto st = parse_markup_stamp(raw.text);
      const bool date_line = level.source == "byline" || level.source == "date-line";
      if (!st && date_line)  // "Von: Ann Lee | 31.10.23"
        if (auto d = find_written_date(raw.text, nullptr, true)) st = Stamp{*d};
      if (!st || (date_line && st->date.day == 0) || st->date.year < kFirstYear) continue;
      // A stamp with its own zone is read in that zone (the date as written); a UTC one in
      // the page's zone, when the page states one.
      const int offset = st->has_zone && !utc(*st) ? st->offset : page_offset(head, json_ld);
      meta.published = offset || !utc(*st) ? local_date(*st, offset) : local_day(*st, levels);
      meta.published_source = std::string(level.source);
      return;
    }
}

}  // namespace cqc::indexer
