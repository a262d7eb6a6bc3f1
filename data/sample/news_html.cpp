// Renders a NewsSpec as an HTML page (metadata, byline, sidebar) and its expected.tsv row;
// also the expected.tsv line format shared with reports.
#include <array>
#include <cstdio>
#include <stdexcept>
#include <string>
#include <vector>

#include "data/sample/facts.hpp"
#include "data/sample/render.hpp"

namespace cqc::sample {
namespace {

void need(bool ok, const NewsSpec& s, const char* what) {
  if (!ok) throw std::logic_error("news spec " + s.slug + ": " + what);
}

// The phrase {inspected} expands to, e.g. "in June this year" or "between 13 and 17 June 2016".
std::string inspection_phrase(const NewsSpec& s) {
  const Day& f = s.insp_from;
  const Day& t = s.insp_to;
  const bool range = t.y != 0;
  need(!range || (t.d == 0) == (f.d == 0), s, "inspection range mixes precisions");
  if (s.rel != Rel::Absolute) {
    need(s.published.y != 0 && f.d == 0, s, "relative month needs a publication date");
    const int want = s.published.y - (s.rel == Rel::LastYear ? 1 : 0);
    need(f.y == want && (!range || t.y == want), s, "relative year does not resolve");
  }
  if (f.d != 0) {
    need(s.rel == Rel::Absolute, s, "day-precision dates must be absolute");
    if (!range) return "on " + long_date(f);
    if (f.y != t.y) return "between " + long_date(f) + " and " + long_date(t);
    if (f.m != t.m) {
      return "between " + std::to_string(f.d) + " " + month_name(f.m) + " and " + long_date(t);
    }
    return "between " + std::to_string(f.d) + " and " + long_date(t);
  }
  const std::string suffix = s.rel == Rel::ThisYear   ? " this year"
                             : s.rel == Rel::LastYear ? " last year"
                                                      : " " + std::to_string(f.y);
  if (!range) return "in " + month_name(f.m) + suffix;
  if (f.y != t.y) return "between " + long_date(f) + " and " + long_date(t);
  if (t.m == f.m + 1) return "in " + month_name(f.m) + " and " + month_name(t.m) + suffix;
  return "between " + month_name(f.m) + " and " + month_name(t.m) + suffix;
}

std::string json_escape(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (c == '"' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  return out;
}

std::string clock(Day d, int hour, int minute, bool utc) {
  char buf[48];
  const bool bst = is_bst(d);
  std::snprintf(buf, sizeof buf, "%sT%02d:%02d:00%s", iso(d).c_str(), utc && bst ? hour - 1 : hour,
                minute, utc ? "Z" : bst ? "+01:00" : "+00:00");
  return buf;
}

// Machine-readable metadata for <head>, by the spec's DateMeta.
std::string head_meta(const NewsSpec& s, const std::string& headline, const std::string& outlet,
                      const std::string& author) {
  const Day& p = s.published;
  const std::string og = "<meta property=\"og:title\" content=\"" + headline + "\">\n" +
                         "<meta property=\"og:site_name\" content=\"" + outlet + "\">\n";
  switch (s.meta) {
    case DateMeta::JsonLd:
      return og + "<script type=\"application/ld+json\">\n{\"@context\": \"https://schema.org\", "
             "\"@type\": \"NewsArticle\", \"headline\": \"" + json_escape(s.headline) +
             "\", \"datePublished\": \"" + clock(p, 10, 0, false) + "\", \"dateModified\": \"" +
             clock(p, 16, 45, false) + "\", \"author\": {\"@type\": \"Person\", \"name\": \"" +
             json_escape(s.author) + "\"}, \"publisher\": {\"@type\": \"Organization\", "
             "\"name\": \"" + json_escape(s.outlet) + "\"}}\n</script>\n";
    case DateMeta::OpenGraph:
      return og + "<meta property=\"og:type\" content=\"article\">\n"
             "<meta property=\"article:published_time\" content=\"" + clock(p, 8, 30, true) +
             "\">\n<meta property=\"article:section\" content=\"Health\">\n";
    case DateMeta::Citation: {
      char d[16];
      std::snprintf(d, sizeof d, "%04d/%02d/%02d", p.y, p.m, p.d);
      return og + "<meta name=\"citation_title\" content=\"" + headline + "\">\n" +
             "<meta name=\"citation_author\" content=\"" + author + "\">\n" +
             "<meta name=\"citation_publication_date\" content=\"" + d + "\">\n" +
             "<meta name=\"citation_journal_title\" content=\"" + outlet + "\">\n";
    }
    case DateMeta::DublinCore:
      return "<link rel=\"schema.DC\" href=\"http://purl.org/dc/elements/1.1/\">\n"
             "<meta name=\"DC.title\" content=\"" + headline + "\">\n" +
             "<meta name=\"DC.date\" content=\"" + iso(p) + "\">\n" +
             "<meta name=\"DC.publisher\" content=\"" + outlet + "\">\n" +
             "<meta name=\"DC.language\" content=\"en-GB\">\n";
    case DateMeta::BylineOnly:
      return og;
    case DateMeta::None:
      return "";
  }
  return "";
}

// Sidebar headlines per site; none names a trust, a service, a rating or seclusion.
const std::array<std::array<const char*, 6>, 4> kSidebar = {{
    {"Roadworks to close city centre junction for three weeks",
     "Primary school celebrates a century on the same site",
     "Plans lodged for 200 homes on former airfield",
     "Volunteers clear two tonnes of litter from riverbank",
     "Bus operator confirms changes to rural routes",
     "Farmers’ market returns to the town square"},
    {"Staff awards shortlist announced", "Volunteer drivers sought for patient transport",
     "Flu vaccination clinics open for colleagues", "Board meeting papers now available",
     "Recovery college launches new prospectus", "Charity fun run raises money for ward garden"},
    {"Workforce plan: what the new targets mean for nurses",
     "Electronic patient records reach three in four providers",
     "Board turnover rises among provider chief executives",
     "Interview: the nurse leading a national staffing review",
     "Agency spending falls for a third quarter",
     "Opinion: why data sharing still stalls between organisations"},
    {"Heavy rain warning issued for parts of England", "Rail strike dates confirmed by union",
     "Inflation eases for second month in a row", "Hundreds attend memorial for cycling coach",
     "New bridge opens after two-year delay", "Heritage railway gets lottery boost"},
}};

}  // namespace

std::string html_escape(std::string_view text) {
  std::string out;
  for (const char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out.push_back(c);
    }
  }
  return out;
}

Rendered render_news(const NewsSpec& s) {
  const Day& p = s.published;
  need((p.y == 0) == (s.meta == DateMeta::None), s, "undated pages must use DateMeta::None");
  need(p.y == 0 || p.d != 0, s, "publication dates are day-precision");
  const std::string& name = trust_name(s.trust);
  NewsPage page;
  page.spec = &s;
  page.trust_name = html_escape(name);
  page.headline = html_escape(s.headline);
  page.standfirst = html_escape(s.standfirst);
  page.author = html_escape(s.author);
  const std::string outlet = html_escape(s.outlet);
  page.title_tag = page.headline + (s.site == Site::Broadcaster ? " - " : " | ") + outlet;
  page.head_meta = head_meta(s, page.headline, outlet, page.author);
  if (p.y != 0) {
    page.date_text = long_date(p);
    // A byline-only page has no machine-readable date, not even <time datetime>.
    if (s.meta != DateMeta::BylineOnly) page.date_attr = iso(p);
  }
  const std::string phrase = s.insp_from.y ? inspection_phrase(s) : "";
  bool used_phrase = false;
  for (const auto& para : s.body) {
    std::string text = para;
    used_phrase = used_phrase || text.find("{inspected}") != std::string::npos;
    need(s.insp_from.y != 0 || text.find("{inspected}") == std::string::npos, s, "no inspection");
    need(!s.overall.empty() || text.find("{overall}") == std::string::npos, s, "no overall");
    text = replace_all(text, "{inspected}", phrase);
    if (!s.overall.empty()) text = replace_all(text, "{overall}", lower(rating_name(s.overall)));
    text = replace_all(text, "{trust}", name);
    need(text.find('{') == std::string::npos, s, "unknown placeholder");
    page.paragraphs.push_back(html_escape(text));
  }
  need(used_phrase == (s.insp_from.y != 0), s, "inspection date set but never stated");
  const Day base = p.y ? p : Day{2018 + static_cast<int>(stable_hash(s.slug) % 5), 5, 12};
  const auto& pool = kSidebar[static_cast<std::size_t>(s.site)];
  const unsigned start = stable_hash(s.slug + "sidebar");
  for (int k = 0; k < 4; ++k) {
    const Day d = add_days(base, -(3 + 6 * k + static_cast<int>(start % 3)));
    page.sidebar.emplace_back(html_escape(pool[(start + static_cast<unsigned>(k)) % pool.size()]),
                              long_date(d));
  }

  Rendered r;
  r.file = "news/" + lower(s.trust) + (p.y ? "-" + std::to_string(p.y) : "") + "-" + s.slug +
           ".html";
  r.bytes = apply_template(page);
  ExpectedRow& row = r.row;
  row.file = r.file;
  row.kind = s.site == Site::TrustPage ? "trust-news" : "press";  // indexer/metadata_kind.cpp
  row.title = s.headline;
  row.trusts = s.trust;
  for (const auto& t : s.also) {
    (void)trust_name(t);  // validates the code
    row.trusts += ";" + t;
  }
  for (const auto& sv : s.services) {
    (void)service_name(sv);
    row.services += (row.services.empty() ? "" : ";") + sv;
  }
  if (!s.overall.empty()) (void)rating_name(s.overall);
  row.overall_rating = s.overall;
  for (const auto& [sv, rt] : s.service_ratings) {
    (void)service_name(sv);
    (void)rating_name(rt);
    row.service_ratings += (row.service_ratings.empty() ? "" : ";") + sv + "=" + rt;
  }
  row.inspected = iso(s.insp_from);
  row.inspected_end = s.insp_to.y ? iso(s.insp_to) : iso(s.insp_from);
  row.published = iso(p);
  row.year = s.insp_from.y ? std::to_string(s.insp_from.y) : p.y ? std::to_string(p.y) : "";
  row.seclusion = mentions_seclusion(r.bytes) ? "1" : "0";
  return r;
}

std::string expected_header() {
  return "file\tkind\ttitle\ttrusts\tservices\toverall_rating\tservice_ratings\tinspected\t"
         "inspected_end\tpublished\tyear\tseclusion";
}

std::string expected_line(const ExpectedRow& row) {
  const std::array<const std::string*, 12> fields = {
      &row.file, &row.kind, &row.title, &row.trusts, &row.services, &row.overall_rating,
      &row.service_ratings, &row.inspected, &row.inspected_end, &row.published, &row.year,
      &row.seclusion};
  std::string out;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (fields[i]->find_first_of("\t\n\r") != std::string::npos) {
      throw std::logic_error("expected.tsv field contains a tab or newline: " + *fields[i]);
    }
    out += (i ? "\t" : "") + *fields[i];
  }
  return out;
}

bool mentions_seclusion(std::string_view text) {
  for (std::size_t i = 0; i + 5 <= text.size(); ++i) {
    if (lower(std::string(text.substr(i, 5))) == "seclu") return true;
  }
  return false;
}

}  // namespace cqc::sample
