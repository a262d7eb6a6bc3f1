// HTML extraction: main text without page furniture, markup metadata, character sets and
// format dispatch.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "indexer/extract.hpp"
#include "indexer/html_head.hpp"

using cqc::indexer::extract;
using cqc::indexer::Extraction;
using cqc::indexer::extractor_for;

namespace {

Extraction html(const std::string& doc) {
  auto r = extract(doc, "text/html; charset=utf-8");
  REQUIRE_MESSAGE(r.ok(), (r.ok() ? "" : r.error()));
  REQUIRE(r->pages.size() == 1);
  return r.value();
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// A news page with every kind of furniture around one article.
const std::string kNewsPage = R"(<!DOCTYPE html>
<html><head><title>Trust told to improve | Example Gazette</title>
<style>.x { color: red }</style>
<script>var published = "1 January 2001";</script>
</head><body>
<div class="cookie-banner">We use cookies. Accept 2 February 2002</div>
<header class="site-header"><a href="/">Example Gazette</a> Home News Sport</header>
<nav><ul><li>News</li><li>Updated 3 March 2003</li></ul></nav>
<div class="breadcrumb">Home &gt; Health</div>
<main>
  <article>
    <header><h1>Trust told to improve</h1><p class="byline">Published 4 September 2019</p></header>
    <p>Inspectors visited the wards &amp; found problems with staffing levels.</p>
    <p>The trust said it would act&nbsp;quickly.<br>A spokesperson added more.</p>
    <noscript>Enable JavaScript 5 May 2005</noscript>
    <!-- a comment 6 June 2006 -->
    <template><p>Template text 7 July 2007</p></template>
    <div class="share-buttons">Share on Facebook 8 August 2008</div>
    <div class="advert">Buy now 9 September 2009</div>
  </article>
  <section class="comments"><p>Reader comment 10 October 2010</p></section>
</main>
<aside><h2>Latest news</h2><p>11 November 2011 Another story</p></aside>
<div id="related-articles"><p>12/12/2012 Related story</p></div>
<div class="latest-news">13 January 2013 Latest</div>
<div role="complementary">14 February 2014 Popular</div>
<div class="menu">Menu 15 March 2015</div>
<footer>Copyright 16 April 2016</footer>
</body></html>)";

}  // namespace

TEST_CASE("html: furniture and hidden elements are not part of the text") {
  const Extraction x = html(kNewsPage);
  const std::string& text = x.pages[0].text;
  CHECK(x.format == "html");
  CHECK(x.pages[0].number == 0);
  CHECK(contains(text, "Inspectors visited the wards & found problems"));  // entity decoded
  CHECK(contains(text, "Published 4 September 2019"));  // the article's own byline stays
  for (const char* absent :
       {"1 January 2001", "2 February 2002", "3 March 2003", "Home > Health", "5 May 2005",
        "6 June 2006", "7 July 2007", "8 August 2008", "9 September 2009", "10 October 2010",
        "11 November 2011", "12/12/2012", "13 January 2013", "14 February 2014",
        "15 March 2015", "16 April 2016", "color: red", "Sport"}) {
    CAPTURE(absent);
    CHECK_FALSE(contains(text, absent));
  }
}

TEST_CASE("html: block elements become paragraphs separated by a blank line") {
  const Extraction x = html(kNewsPage);
  const std::string& text = x.pages[0].text;
  // The headline is the title, not repeated in the text; the byline stays.
  CHECK(x.title == "Trust told to improve");
  CHECK(text.starts_with("Published 4 September 2019\n\nInspectors"));
  CHECK(contains(text, "act quickly.\nA spokesperson added more."));  // &nbsp; and <br>
  CHECK_FALSE(contains(text, "\n\n\n"));
}

TEST_CASE("html: content root choice") {
  struct Case {
    const char* name;
    std::string doc;
    std::string want;
    std::string unwanted;  // "" when nothing in particular must be absent
  };
  const std::vector<Case> cases{
      {"article preferred over body",
       "<html><body><div>Site links and promotions text here</div><article><p>Article body "
       "text that is long enough to count as the main content of this page.</p></article>"
       "</body></html>",
       "Article body text", "Site links"},
      {"role=main preferred over body",
       "<html><body><div>Outside text</div><div role=\"main\"><p>Inside the main role "
       "element.</p></div></body></html>",
       "Inside the main role", "Outside text"},
      {"tiny teaser article loses to main",
       "<html><body><main><article><p>Teaser</p></article><p>The real story is written "
       "here in a long paragraph that carries most of the text of the page, much longer than "
       "the teaser.</p></main></body></html>",
       "The real story", ""},
      {"body when no landmark; page header dropped",
       "<html><body><header>Masthead words</header><p>Plain page text.</p></body></html>",
       "Plain page text.", "Masthead words"},
      {"class rules that would hide everything are dropped",
       "<html><body><div class=\"layout-with-sidebar\"><p>Only text of the page.</p></div>"
       "</body></html>",
       "Only text of the page.", ""},
  };
  for (const Case& c : cases) {
    CAPTURE(std::string(c.name));
    const Extraction x = html(c.doc);
    CHECK(contains(x.pages[0].text, c.want));
    if (!c.unwanted.empty()) CHECK_FALSE(contains(x.pages[0].text, c.unwanted));
  }
}

TEST_CASE("html: published date priority json-ld > opengraph > citation > dublin-core") {
  const std::string jsonld =
      R"(<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
      "headline":"JSON headline","datePublished":"2019-09-04T10:00:00+01:00",
      "publisher":{"@type":"Organization","name":"JSON Publisher"}}</script>)";
  const std::string og =
      R"(<meta property="article:published_time" content="2018-03-01T08:00:00Z">)";
  const std::string citation = R"(<meta name="citation_publication_date" content="2017/12/07">)";
  const std::string dc = R"(<meta name="DC.date.issued" content="2016-11-02">)";
  struct Case {
    std::string head;
    std::string iso;
    std::string source;
  };
  const std::vector<Case> cases{
      {jsonld + og + citation + dc, "2019-09-04", "json-ld"},
      {og + citation + dc, "2018-03-01", "opengraph"},
      {dc + citation, "2017-12-07", "citation"},
      {dc, "2016-11-02", "dublin-core"},
      {R"(<meta name="dcterms.issued" content="2015-06">)", "2015-06", "dublin-core"},
      {R"(<meta name="citation_date" content="2014">)", "2014", "citation"},
      {R"(<meta name="DC.date" content="not a date">)", "", ""},
      {"", "", ""},
  };
  for (const Case& c : cases) {
    CAPTURE(c.head);
    const Extraction x = html("<html><head>" + c.head + "</head><body><p>Text.</p></body></html>");
    CHECK(x.meta.published.iso() == c.iso);
    CHECK(x.meta.published_source == c.source);
  }
}

TEST_CASE("html: JSON-LD inside @graph or arrays, and malformed JSON-LD") {
  struct Case {
    std::string script;
    std::string headline;
    std::string iso;
  };
  const std::vector<Case> cases{
      {R"({"@graph":[{"@type":"WebPage","datePublished":"2001-01-01"},
          {"@type":"ReportageNewsArticle","headline":"Graph headline",
           "datePublished":"2020-02-03"}]})",
       "Graph headline", "2020-02-03"},
      {R"([{"@type":"Organization","name":"Org"},{"@type":["Article"],"headline":"Array headline",
          "datePublished":"2021-05-06"}])",
       "Array headline", "2021-05-06"},
      {"{\"@type\":\"Article\",\"headline\":\"Raw\nnewline\",\"datePublished\":\"2022-07-08\"}",
       "Raw newline", "2022-07-08"},
      {R"({"@type":"NewsArticle", "headline": broken)", "OG title", "2012-01-02"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.script);
    const Extraction x = html(
        "<html><head><script type=\"application/ld+json\">" + c.script +
        "</script><meta property=\"og:title\" content=\"OG title\">"
        "<meta property=\"article:published_time\" content=\"2012-01-02\"></head>"
        "<body><p>Text.</p></body></html>");
    CHECK(x.meta.headline == c.headline);
    CHECK(x.meta.published.iso() == c.iso);
  }
}

TEST_CASE("html: title, site name and description") {
  const Extraction plain = html(
      "<html><head><title>Wards rated good | Example Gazette</title>"
      "<meta property=\"og:site_name\" content=\"Example Gazette\">"
      "<meta name=\"description\" content=\"Meta description.\">"
      "<meta property=\"og:description\" content=\"OG description.\"></head>"
      "<body><p>Text.</p></body></html>");
  CHECK(plain.title == "Wards rated good");
  CHECK(plain.meta.site_name == "Example Gazette");
  CHECK(plain.meta.description == "Meta description.");

  const Extraction headline = html(
      "<html><head><title>Site | Story</title><meta property=\"og:title\" content=\"Better "
      "headline\"></head><body><p>Text.</p></body></html>");
  CHECK(headline.title == "Better headline");
  CHECK(headline.meta.headline == "Better headline");

  const Extraction publisher = html(
      "<html><head><title>Wards praised | The Example Trust</title></head><body><h1>Wards "
      "praised</h1><p>Text.</p></body></html>");
  CHECK(publisher.title == "Wards praised");

  const Extraction h1 = html("<html><body><svg><title>icon</title></svg><h1>Heading "
                             "only</h1><p>Text.</p></body></html>");
  CHECK(h1.title == "Heading only");
}

TEST_CASE("html: undecodable bytes become U+FFFD instead of failing the page") {
  struct Case {
    std::string doc;
    std::string text;
  };
  const std::vector<Case> cases{
      {"<meta charset=utf-8><p>caf\xC3\xA9 abc\xC3(</p>", "caf\xC3\xA9 abc\xEF\xBF\xBD("},
      {"<p>\xE2\x80\x99ok\xE2\x80\x99 \xFF</p>", "\xE2\x80\x99ok\xE2\x80\x99 \xEF\xBF\xBD"},  // a stray byte
      {"<p>x\xED\xA0\x80</p>", "x\xC3\xAD \xE2\x82\xAC"},  // no UTF-8 at all: windows-1252
  };
  for (const Case& c : cases) {
    CAPTURE(c.doc);
    auto r = extract(c.doc, "text/html");
    REQUIRE(r.ok());
    CHECK(r->pages[0].text == c.text);
  }
  CHECK(html("<p>caf\xC3\xA9</p>").pages[0].text == "caf\xC3\xA9");
}

TEST_CASE("html: the HTTP charset decodes the page") {
  const std::string latin = "<html><body><p>Caf\xE9 cr\xE8me, 5 \x80</p></body></html>";
  auto r = extract(latin, "text/html; charset=ISO-8859-1");
  REQUIRE(r.ok());
  CHECK(r->pages[0].text == "Caf\xC3\xA9 cr\xC3\xA8me, 5 \xE2\x82\xAC");  // iso-8859-1 read as windows-1252
  auto utf16 = extract(std::string("\xFF\xFE<\0p\0>\0h\0i\0", 12), "text/html");
  REQUIRE(utf16.ok());
  CHECK(utf16->pages[0].text == "hi");
}

TEST_CASE("html: documents without text or metadata fail; a title, date or description is enough") {
  for (const char* doc : {"", "   \n", "<html><body><nav>Only navigation</nav></body></html>"}) {
    CAPTURE(doc);
    auto r = extract(doc, "text/html");
    CHECK_FALSE(r.ok());
  }
  auto titled = extract("<html><head><title>Title only</title></head><body></body></html>", "text/html");
  REQUIRE(titled.ok());
  CHECK(titled->title == "Title only");
  CHECK(titled->pages[0].text.empty());
  auto dated = extract("<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
                       "\"datePublished\":\"2021-03-04\"}</script></head><body><script>app()</script>"
                       "</body></html>", "text/html");
  REQUIRE(dated.ok());
  CHECK(dated->meta.published.iso() == "2021-03-04");
  auto described = extract("<html><head><meta name=\"description\" content=\"About us.\"></head>"
                           "<body><div id=\"root\"></div></body></html>", "text/html");
  REQUIRE(described.ok());
  CHECK(described->meta.description == "About us.");
}

TEST_CASE("extract: format dispatch by MIME type, then by sniffing") {
  const std::string page = "<!doctype html><p>x</p>";
  struct Case {
    std::string mime;
    std::string bytes;
    std::string want;  // extractor name, "" for none
  };
  const std::vector<Case> cases{
      {"text/html", "anything", "html"},
      {"Text/HTML; charset=UTF-8", "anything", "html"},
      {"application/xhtml+xml", "anything", "html"},
      {"application/pdf", "anything", "pdf"},
      {"application/pdf; name=x.pdf", "anything", "pdf"},
      {"application/octet-stream", "%PDF-1.7\n...", "pdf"},
      {"text/html", "%PDF-1.4\n...", "pdf"},
      {"", page, "html"},
      {"application/octet-stream", "\xEF\xBB\xBF  <!-- c --><HTML lang=en>", "html"},
      {"", "<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\">", "html"},
      {"text/plain", "just text", "text"},
      {"text/plain", "%PDF-1.4\n...", "pdf"},
      {"", "<htmlx>", ""},
      {"application/octet-stream", "<br />\n<b>Warning</b>: a PHP notice before the page", "html"},
      {"", "\n <DIV class=x>", "html"},
      {"", "<brand>", ""},
      {"image/png", "\x89PNG", ""},
  };
  for (const Case& c : cases) {
    CAPTURE(c.mime);
    CAPTURE(c.bytes);
    const auto* e = extractor_for(c.mime, c.bytes);
    CHECK(std::string(e ? e->name() : "") == c.want);
  }
  auto unsupported = extract("\x89PNG", "image/png");
  REQUIRE_FALSE(unsupported.ok());
  CHECK(unsupported.error().find("image/png") != std::string::npos);
}

TEST_CASE("extraction: joined_text joins pages with form feeds") {
  Extraction x;
  x.pages = {{1, "one"}, {2, "two"}, {3, ""}};
  CHECK(x.joined_text() == "one\ftwo\f");
  CHECK(Extraction{}.joined_text().empty());
}

TEST_CASE("markup dates accept ISO and year/month/day with slashes") {
  using cqc::indexer::parse_markup_date;
  CHECK(parse_markup_date("2019/09/04")->iso() == "2019-09-04");
  CHECK(parse_markup_date("2019/9/4")->iso() == "2019-09-04");
  CHECK(parse_markup_date(" 2019-09-04T10:00:00Z ")->iso() == "2019-09-04");
  CHECK_FALSE(parse_markup_date("2019/02/30"));
  CHECK_FALSE(parse_markup_date("04/09/2019"));
  CHECK_FALSE(parse_markup_date(""));
}
