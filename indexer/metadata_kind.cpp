// What a document is (Metadata::kind): from the URI's site, the page's own markers (site name,
// byline, press-office block) and its text.
#include <algorithm>
#include <array>
#include <cctype>
#include <set>

#include "core/gazetteer.hpp"
#include "core/text.hpp"
#include "indexer/metadata_parts.hpp"

namespace cqc::indexer {
namespace {

struct Site {
  std::string host;  // lower case, without "www."
  std::string path;  // lower case, from the first '/' (query and fragment dropped)
};

Site site_of(std::string_view uri) {
  Site s;
  size_t start = uri.find("://");
  start = start == std::string_view::npos ? 0 : start + 3;
  std::string_view rest = uri.substr(start);
  size_t slash = rest.find('/');
  std::string_view host = rest.substr(0, slash);
  if (size_t at = host.rfind('@'); at != std::string_view::npos) host = host.substr(at + 1);
  host = host.substr(0, host.find(':'));
  s.host = core::to_lower(host);
  if (s.host.starts_with("www.")) s.host.erase(0, 4);
  if (slash != std::string_view::npos) {
    std::string_view path = rest.substr(slash);
    s.path = core::to_lower(path.substr(0, path.find_first_of("?#")));
  }
  return s;
}

bool ends_with_domain(const std::string& host, std::string_view domain) {
  return host == domain ||
         (host.size() > domain.size() && host.ends_with(domain) &&
          host[host.size() - domain.size() - 1] == '.');
}

bool contains_any(std::string_view s, std::initializer_list<std::string_view> parts) {
  return std::any_of(parts.begin(), parts.end(),
                     [&](std::string_view p) { return s.find(p) != std::string_view::npos; });
}

// The CQC's own site, its test and development copies, its mirrors and its newsroom.
bool cqc_site(const Site& s) {
  if (ends_with_domain(s.host, "cqc.org.uk")) return !s.host.starts_with("api.");
  const std::string first = s.host.substr(0, s.host.find('.'));
  return first == "cqc" || first.starts_with("cqc-") || first.ends_with("-cqc") ||
         first.ends_with("dpcqc");
}

// An NHS organisation's site that is not a trust's: national bodies, commissioners.
bool nhs_not_trust(const Site& s) {
  return s.host == "nhs.uk" ||
         contains_any(s.host, {"england.nhs.uk", "improvement.nhs.uk", "digital.nhs.uk",
                               "ccg", "icb.", "healthwatch", "hee.nhs.uk", "nhsbsa"});
}

// Words in a host name (or a site name) that mark a newspaper, broadcaster or trade title.
constexpr std::array<std::string_view, 37> kPressWords{
    "bbc",      "itv",      "skynews",  "channel4",  "guardian", "telegraph", "independent",
    "standard", "times",    "mirror",   "express",   "dailymail", "herald",   "gazette",
    "echo",     "chronicle", "observer", "argus",    "courier",   "advertiser", "journal",
    "hsj",      "nursingtimes", "pulsetoday", "healthexecutive", "reuters", "metro",
    "examiner", "sentinel", "mercury",  "bulletin", "tribune",   "newsshopper", "post.",
    "news.",    "live.",    "press."};

bool press_name(std::string_view name) {
  const std::string n = core::to_lower(name);
  return std::any_of(kPressWords.begin(), kPressWords.end(),
                     [&](std::string_view w) { return n.find(w) != std::string::npos; });
}

bool is_one_of(std::string_view w, std::initializer_list<std::string_view> words) {
  return std::find(words.begin(), words.end(), w) != words.end();
}

// A site name written as words ("Wensum Valley Courier", "UK News Online").
bool press_site_name(std::string_view name) {
  const std::string lower = core::to_lower(name);  // split's views point into it
  for (std::string_view w : core::split(lower, ' '))
    if (is_one_of(w, {"news", "times", "post", "herald", "gazette", "echo", "chronicle",
                      "observer", "courier", "advertiser", "journal", "mail", "mirror",
                      "express", "telegraph", "standard", "bulletin", "today", "argus",
                      "mercury", "sentinel", "press", "tribune", "online", "weekly"}))
      return true;
  return false;
}

// True when the document's text has the phrase anywhere.
bool has_phrase(const Tokens& t, std::initializer_list<std::string_view> phrase) {
  for (size_t i = 0; i < t.size(); ++i)
    if (phrase_at(t, i, phrase)) return true;
  return false;
}

// A press-office block: "Notes to editors", "Media enquiries", "press office".
bool press_office(const Tokens& t) {
  return has_phrase(t, {"notes", "to", "editors"}) || has_phrase(t, {"media", "enquiries"}) ||
         has_phrase(t, {"press", "office"}) || has_phrase(t, {"communications", "team"}) ||
         has_phrase(t, {"media", "contact"});
}

// The CQC speaking of itself: "About the Care Quality Commission", "CQC's Chief Inspector".
bool cqc_voice(const Tokens& t) {
  return has_phrase(t, {"about", "the", "care", "quality", "commission"}) ||
         has_phrase(t, {"the", "care", "quality", "commission", "is", "the", "independent"}) ||
         has_phrase(t, {"cqc", "press", "office"});
}

// A byline near the top: a short paragraph "By Sam Doyle" among the first six.
bool byline(const Tokens& t) {
  for (size_t i = 0; i + 1 < t.size() && t[i].para <= 6; ++i) {
    if (t[i].para == 0 || (i > 0 && t[i - 1].para == t[i].para)) continue;
    if (t[i].text != "By" || t[i + 1].para != t[i].para || t[i + 1].text.empty() ||
        !std::isupper(static_cast<unsigned char>(t[i + 1].text[0])))
      continue;
    size_t n = 0;
    for (size_t k = i; k < t.size() && t[k].para == t[i].para; ++k) ++n;
    if (n <= 16) return true;
  }
  return false;
}

// A CQC inspection report's own markers, on its first pages: the CQC named with one report
// phrase ("Inspection report", "Quality Report", "Date of inspection visit", "Overall rating
// for this trust", "Our ratings for"), or two different report phrases.
bool report_markers(const Tokens& t) {
  bool cqc = false;
  std::set<int> phrases;
  for (size_t i = 0; i < t.size() && t[i].page <= 3; ++i) {
    cqc = cqc || t[i].text == "CQC" || phrase_at(t, i, {"care", "quality", "commission"});
    if (phrase_at(t, i, {"inspection", "report"})) phrases.insert(0);
    if (phrase_at(t, i, {"quality", "report"})) phrases.insert(1);
    if (phrase_at(t, i, {"date", "of", "inspection"}) || phrase_at(t, i, {"dates", "of", "inspection"}))
      phrases.insert(2);
    if (phrase_at(t, i, {"overall", "rating", "for", "this"})) phrases.insert(3);
    if (phrase_at(t, i, {"our", "ratings", "for"}) || phrase_at(t, i, {"are", "services", "safe"}))
      phrases.insert(4);
    if (phrase_at(t, i, {"agenda", "item"}) || phrase_at(t, i, {"report", "to", "the"}) ||
        phrase_at(t, i, {"board", "of", "directors"}) || phrase_at(t, i, {"trust", "board", "meeting"}))
      return false;  // a board paper about a report is not the report
  }
  return phrases.size() >= 2 || (cqc && !phrases.empty());
}

}  // namespace

std::string document_kind(const Extraction& doc, std::string_view uri, const Tokens& t,
                          bool health) {
  const Site s = site_of(uri);
  const bool pdf = doc.format == "pdf";
  if (pdf && ends_with_domain(s.host, "cqc.org.uk")) return "report";  // the site or its API
  if (cqc_site(s)) {
    if (pdf) return "report";
    if (contains_any(s.path, {"/provider/", "/location/", "/inspection-summary"})) return "cqc-page";
    if (contains_any(s.path, {"/news", "/press-release", "/stories/", "/releases/"}) ||
        s.host.find("newsroom") != std::string::npos)
      return "cqc-press";
    if (contains_any(s.path, {"/publications/", "/guidance", "/about-us"})) return "other";
    return health ? "cqc-page" : "other";
  }
  if (pdf) return report_markers(t) ? "report" : "other";
  if (!health || s.host.find("healthwatch") != std::string::npos) return "other";
  if (ends_with_domain(s.host, "nhs.uk") && !nhs_not_trust(s)) return "trust-news";
  // A blog platform's host ("someone.wordpress.com") says nothing of who writes there.
  const bool blog_host = contains_any(s.host, {"wordpress.", "blogspot.", "medium.com", "substack."});
  if (!blog_host && press_name(s.host + ".")) return "press";
  const std::string& site_name = doc.meta.site_name;
  if (!site_name.empty()) {
    if (core::Gazetteer::builtin().resolve_trust(site_name)) return "trust-news";
    if (press_site_name(site_name)) return "press";
  }
  if (press_office(t)) return cqc_voice(t) ? "cqc-press" : "trust-news";
  if (byline(t) || !site_name.empty() || doc.meta.published.known()) return "press";
  return "other";
}

}  // namespace cqc::indexer
