// The website's documents: DOCS_DIR's files, the built-in pages, and the generated home page,
// robots.txt, sitemaps (one gzipped) and RSS/Atom feeds.
#include <Poco/DateTime.h>
#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeFormatter.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <stdexcept>

#include "tests/support/server_state.hpp"

namespace cqc::test::detail {
namespace {

namespace fs = std::filesystem;

const char* const kHtml = "text/html; charset=utf-8";
const char* const kSitemapNs = "http://www.sitemaps.org/schemas/sitemap/0.9";

Poco::Timestamp at_nine(int year, int month, int day) {
  return Poco::DateTime(year, month, day, 9, 0, 0).timestamp();
}

std::string content_type_for(const fs::path& file) {
  std::string ext = file.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  if (ext == ".pdf") return "application/pdf";
  if (ext == ".html" || ext == ".htm") return kHtml;
  if (ext == ".txt" || ext == ".tsv") return "text/plain; charset=utf-8";
  if (ext == ".xml") return "application/xml; charset=utf-8";
  if (ext == ".json") return "application/json; charset=utf-8";
  return "application/octet-stream";
}

// The publication date a page states, else the year-month in its name, else nothing.
std::optional<Poco::Timestamp> guess_date(const std::string& name, const std::string& body) {
  static const std::regex meta(
      R"((datePublished|article:published_time|citation_publication_date|DC\.date)[^0-9]{0,40}((19|20)\d\d)[-/](\d\d)[-/](\d\d))");
  static const std::regex year_month(R"(((19|20)\d\d)-(\d\d)-)");
  static const std::regex year(R"(-((19|20)\d\d)-)");
  std::smatch m;
  std::string head = body.substr(0, 16384);
  if (std::regex_search(head, m, meta)) {
    return at_nine(std::stoi(m[2]), std::stoi(m[4]), std::stoi(m[5]));
  }
  if (std::regex_search(name, m, year_month) && std::stoi(m[3]) >= 1 && std::stoi(m[3]) <= 12) {
    return at_nine(std::stoi(m[1]), std::stoi(m[3]), 1);
  }
  if (std::regex_search(name, m, year)) return at_nine(std::stoi(m[1]), 6, 1);
  return std::nullopt;
}

std::string between(const std::string& text, const std::string& open, const std::string& close) {
  std::size_t b = text.find(open);
  if (b == std::string::npos) return {};
  b += open.size();
  std::size_t e = text.find(close, b);
  return e == std::string::npos ? std::string() : text.substr(b, e - b);
}

std::string decode_entities(std::string s) {
  static const std::pair<const char*, const char*> kEntities[] = {{"&lt;", "<"},    {"&gt;", ">"},
                                                                  {"&quot;", "\""}, {"&#39;", "'"},
                                                                  {"&apos;", "'"},  {"&amp;", "&"}};
  for (const auto& [from, to] : kEntities) {
    for (std::size_t p = s.find(from); p != std::string::npos; p = s.find(from, p + 1)) {
      s.replace(p, std::string(from).size(), to);
    }
  }
  return s;
}

std::string news_page(const std::string& title, const std::string& date, const std::string& body) {
  return "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n<title>" +
         title + " | Test News</title>\n<meta name=\"description\" content=\"" + title +
         "\">\n"
         "<meta property=\"article:published_time\" content=\"" +
         date +
         "T09:00:00+00:00\">\n"
         "</head>\n<body>\n<header><a href=\"/\">Test News</a></header>\n<main>\n<article>\n<h1>" +
         title + "</h1>\n<p class=\"byline\">Published " + date + "</p>\n" + body +
         "</article>\n</main>\n<footer><a href=\"/feed.rss\">RSS</a></footer>\n</body>\n</html>\n";
}

void add_builtin(State& st) {
  st.put_document(
      "/docs/builtin/news-1.html",
      news_page("Leicestershire mental health trust told to improve seclusion practice",
                "2019-09-13",
                "<p>The Care Quality Commission rated Leicestershire Partnership NHS Trust "
                "as requires improvement after inspecting its acute wards for adults of "
                "working age and psychiatric intensive care units in June 2019.</p>\n"
                "<p>Inspectors found that seclusion records were not always complete.</p>\n"),
      kHtml, "", at_nine(2019, 9, 13));
  st.put_document(
      "/docs/builtin/news-2.html",
      news_page("Norfolk and Suffolk mental health trust remains inadequate", "2023-02-21",
                "<p>Norfolk and Suffolk NHS Foundation Trust remains rated inadequate "
                "following an inspection in October and November 2022.</p>\n"),
      kHtml, "", at_nine(2023, 2, 21));
  st.put_document(
      "/docs/builtin/news-3.html",
      news_page("Community health services for adults rated good", "2017-12-05",
                "<p>Community health services for adults run by the trust were rated good "
                "for caring and responsive.</p>\n"),
      kHtml, "", at_nine(2017, 12, 5));
  st.put_document(
      "/docs/builtin/report.pdf",
      make_pdf("Leicestershire Partnership NHS Trust - Inspection report",
               {"Date of inspection visit: 11 June 2019 to 11 July 2019",
                "Date of publication: 13 September 2019",
                "Overall rating for this trust: Requires improvement",
                "Acute wards for adults of working age and psychiatric intensive care units",
                "Staff did not always record the use of seclusion correctly."}),
      "application/pdf", "", at_nine(2019, 9, 13));
  st.put_document(
      "/private/secret.html",
      "<!DOCTYPE html><html><head><title>Staff only</title></head><body>"
      "<p>This page is disallowed by robots.txt and must never be fetched.</p></body></html>\n",
      kHtml, "", at_nine(2020, 1, 1));
  st.put_document(
      "/gzip.html",
      gzip("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
           "<title>A page sent gzip-compressed</title></head>\n<body><h1>Compressed page</h1>"
           "<p>This body travelled with Content-Encoding: gzip; an archive stores the "
           "compressed bytes as received.</p></body></html>\n"),
      kHtml, "gzip", at_nine(2021, 3, 1));
}

void load_dir(State& st) {
  fs::path root(st.docs_dir);
  if (!fs::is_directory(root)) throw std::runtime_error("docs folder not found: " + st.docs_dir);
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (!entry.is_regular_file() || entry.file_size() > 64u * 1024u * 1024u) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::string body((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::string rel = fs::relative(entry.path(), root).generic_string();
    auto date = guess_date(entry.path().filename().string(), body);
    if (!date) {
      auto mtime = fs::last_write_time(entry.path());
      auto sys = std::chrono::file_clock::to_sys(mtime);
      date = Poco::Timestamp::fromEpochTime(std::chrono::system_clock::to_time_t(sys));
    }
    st.put_document("/docs/" + rel, std::move(body), content_type_for(entry.path()), "", *date);
  }
}

struct Entry {
  std::string path;
  Document doc;
  bool html() const { return doc.content_type.rfind("text/html", 0) == 0; }
  bool pdf() const { return doc.content_type == "application/pdf"; }
  std::string title() const {
    std::string t = decode_entities(between(doc.body, "<title>", "</title>"));
    return t.empty() ? path.substr(path.rfind('/') + 1) : t;
  }
  std::string description() const {
    return decode_entities(between(doc.body, "<meta name=\"description\" content=\"", "\""));
  }
};

std::vector<Entry> entries(const State& st) {
  std::vector<Entry> out;
  for (const auto& path : st.paths_with_prefix("/docs/")) {
    if (auto doc = st.find_document(path)) out.push_back({path, std::move(*doc)});
  }
  return out;
}

std::vector<Entry> newest_news(const std::vector<Entry>& all) {
  std::vector<Entry> news;
  for (const auto& e : all) {
    if (e.html() && e.doc.content_encoding.empty()) news.push_back(e);
  }
  std::stable_sort(news.begin(), news.end(), [](const Entry& a, const Entry& b) {
    return a.doc.last_modified > b.doc.last_modified;
  });
  return news;
}

std::string urlset(const State& st, const std::vector<Entry>& list, bool every_lastmod) {
  std::ostringstream x;
  x << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"" << kSitemapNs << "\">\n";
  std::size_t i = 0;
  for (const auto& e : list) {
    x << "  <url>\n    <loc>" << xml_escape(st.base + e.path) << "</loc>\n";
    // Some entries go without <lastmod>, as on real sites; PDFs get a date, pages a date-time.
    if (every_lastmod || i % 3 != 2) {
      x << "    <lastmod>"
        << (e.pdf()
                ? iso_date(e.doc.last_modified)
                : Poco::DateTimeFormatter::format(e.doc.last_modified, "%Y-%m-%dT%H:%M:%S+00:00"))
        << "</lastmod>\n";
    }
    x << "  </url>\n";
    ++i;
  }
  x << "</urlset>\n";
  return x.str();
}

std::string news_sitemap(const State& st, const std::vector<Entry>& news) {
  std::ostringstream x;
  x << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"" << kSitemapNs
    << "\"\n        xmlns:news=\"http://www.google.com/schemas/sitemap-news/0.9\">\n";
  for (const auto& e : news) {
    x << "  <url>\n    <loc>" << xml_escape(st.base + e.path) << "</loc>\n"
      << "    <lastmod>" << iso_date(e.doc.last_modified) << "</lastmod>\n"
      << "    <news:news>\n      <news:publication><news:name>Test News</news:name>"
      << "<news:language>en</news:language></news:publication>\n"
      << "      <news:publication_date>" << iso_date_time(e.doc.last_modified)
      << "</news:publication_date>\n      <news:title>" << xml_escape(e.title())
      << "</news:title>\n    </news:news>\n  </url>\n";
  }
  x << "</urlset>\n";
  return x.str();
}

Poco::Timestamp newest(const std::vector<Entry>& list) {
  Poco::Timestamp t = at_nine(2000, 1, 1);
  for (const auto& e : list) t = std::max(t, e.doc.last_modified);
  return t;
}

std::string rss(const State& st, const std::vector<Entry>& news) {
  std::ostringstream x;
  x << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    << "<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\">\n<channel>\n"
    << "  <title>CQC news (test server)</title>\n  <link>" << st.base << "/</link>\n"
    << "  <description>News about inspections of NHS trusts</description>\n"
    << "  <language>en-gb</language>\n  <lastBuildDate>"
    << Poco::DateTimeFormatter::format(newest(news), Poco::DateTimeFormat::RFC1123_FORMAT)
    << "</lastBuildDate>\n  <atom:link href=\"" << st.base
    << "/feed.rss\" rel=\"self\" type=\"application/rss+xml\"/>\n";
  for (const auto& e : news) {
    std::string link = xml_escape(st.base + e.path);
    x << "  <item>\n    <title>" << xml_escape(e.title()) << "</title>\n    <link>" << link
      << "</link>\n    <description>" << xml_escape(e.description()) << "</description>\n"
      << "    <pubDate>"
      << Poco::DateTimeFormatter::format(e.doc.last_modified, Poco::DateTimeFormat::RFC1123_FORMAT)
      << "</pubDate>\n    <guid isPermaLink=\"true\">" << link << "</guid>\n  </item>\n";
  }
  x << "</channel>\n</rss>\n";
  return x.str();
}

std::string atom(const State& st, const std::vector<Entry>& news) {
  std::ostringstream x;
  x << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n"
    << "  <title>CQC news (test server)</title>\n  <id>" << st.base << "/feed.atom</id>\n"
    << "  <updated>" << iso_date_time(newest(news)) << "</updated>\n"
    << "  <link href=\"" << st.base << "/feed.atom\" rel=\"self\" type=\"application/atom+xml\"/>\n"
    << "  <link href=\"" << st.base << "/\" rel=\"alternate\" type=\"text/html\"/>\n"
    << "  <author><name>Test News</name></author>\n";
  for (const auto& e : news) {
    std::string link = xml_escape(st.base + e.path);
    x << "  <entry>\n    <title>" << xml_escape(e.title()) << "</title>\n    <link href=\"" << link
      << "\" rel=\"alternate\" type=\"text/html\"/>\n    <id>" << link << "</id>\n"
      << "    <updated>" << iso_date_time(e.doc.last_modified) << "</updated>\n"
      << "    <published>" << iso_date_time(e.doc.last_modified) << "</published>\n"
      << "    <summary>" << xml_escape(e.description()) << "</summary>\n  </entry>\n";
  }
  x << "</feed>\n";
  return x.str();
}

std::string home(const std::vector<Entry>& all) {
  std::ostringstream x;
  x << "<!DOCTYPE html>\n<html lang=\"en-GB\"><head><meta charset=\"utf-8\">"
    << "<title>CQC test site</title>\n<link rel=\"alternate\" type=\"application/rss+xml\" "
    << "href=\"/feed.rss\">\n</head>\n<body>\n<h1>CQC test site</h1>\n<ul>\n";
  for (const auto& e : all) {
    x << "<li><a href=\"" << xml_escape(e.path) << "\">" << xml_escape(e.title()) << "</a></li>\n";
  }
  x << "</ul>\n<p><a href=\"/private/secret.html\">Staff area</a></p>\n</body></html>\n";
  return x.str();
}

}  // namespace

void load_documents(State& st) {
  add_builtin(st);
  if (!st.docs_dir.empty()) load_dir(st);
}

void build_site_indexes(State& st) {
  std::vector<Entry> all = entries(st);
  std::vector<Entry> news = newest_news(all);
  std::vector<Entry> reports;
  for (const auto& e : all) {
    if (e.pdf()) reports.push_back(e);
  }
  std::string robots = "User-agent: *\nDisallow: /private/\n";
  if (st.options.crawl_delay) robots += "Crawl-delay: 1\n";
  robots += "\nSitemap: " + st.base + "/sitemap_index.xml\nSitemap: " + st.base + "/sitemap.xml\n";
  st.put_document("/robots.txt", robots, "text/plain; charset=utf-8");
  st.put_document("/", home(all), kHtml);
  st.put_document("/sitemap.xml", urlset(st, all, false), "application/xml; charset=utf-8");
  st.put_document("/sitemap-reports.xml", urlset(st, reports, true),
                  "application/xml; charset=utf-8");
  st.put_document("/sitemap-news.xml.gz", gzip(news_sitemap(st, news)), "application/gzip");

  std::string index = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"" +
                      std::string(kSitemapNs) + "\">\n";
  index += "  <sitemap>\n    <loc>" + st.base + "/sitemap-news.xml.gz</loc>\n    <lastmod>" +
           iso_date_time(newest(news)) + "</lastmod>\n  </sitemap>\n";
  index += "  <sitemap>\n    <loc>" + st.base + "/sitemap-reports.xml</loc>\n    <lastmod>" +
           iso_date_time(newest(reports)) + "</lastmod>\n  </sitemap>\n</sitemapindex>\n";
  st.put_document("/sitemap_index.xml", index, "application/xml; charset=utf-8");

  if (news.size() > 20) news.resize(20);
  st.put_document("/feed.rss", rss(st, news), "application/rss+xml; charset=utf-8");
  st.put_document("/feed.atom", atom(st, news), "application/atom+xml; charset=utf-8");
}

}  // namespace cqc::test::detail
