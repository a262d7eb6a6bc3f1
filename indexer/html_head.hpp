// Private to the indexer: what the HTML extractor collects from a page's markup, and how
// it becomes MarkupMeta (metadata_markup.cpp). No gumbo types, so it is testable alone.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/date.hpp"
#include "indexer/date_text.hpp"
#include "indexer/extract.hpp"

struct GumboInternalNode;  // gumbo.h's GumboNode

namespace cqc::indexer {

// A date signal found in the page's elements (html_dates.cpp), as written.
struct DateSignal {
  // "itemprop": itemprop=datePublished on an element (content=, datetime=, title= or text);
  // "itemprop-created": itemprop=dateCreated; "time-pubdate": <time pubdate> or a <time>
  // whose class says published; "time-article": <time> inside <article> or <main>;
  // "time": any other <time>; "canonical": <link rel=canonical> href; "date-class": the
  // short text (or title=) of an element whose class or id names a date ("date", "datum",
  // "published", "posted", "byline", "meta"...), "date-class-article" inside <article> or
  // <main>. Elements marked modified/updated and furniture (comments, sidebars, related
  // lists, <nav>, <aside>) are never read.
  std::string kind;
  std::string text;
};

struct HtmlHead {
  std::string title;  // <title> text, white space collapsed
  std::string h1;     // text of the first <h1> outside page furniture
  // <meta> tags as (key, content): key is the lower-cased name=, property= or itemprop=.
  std::vector<std::pair<std::string, std::string>> metas;
  std::vector<std::string> json_ld;  // bodies of <script type="application/ld+json">
  std::vector<DateSignal> dates;     // in document order (collect_dates)
};

// Appends to HEAD.dates the date signals of the elements under ROOT (see DateSignal).
// Bounded depth; never fails.
void collect_dates(const GumboInternalNode* root, HtmlHead& head);

// True when the element NODE holds dates that are never the page's: scripts, forms,
// navigation, and elements whose class or id starts with a furniture word (comments,
// sidebars, related, recommended, popular or latest stories). collect_dates skips them.
bool date_furniture(const GumboInternalNode* node);

// MarkupMeta from HEAD: headline and site name from JSON-LD, then OpenGraph; the
// publication date by the order of trust of choose_published.
MarkupMeta markup_meta(const HtmlHead& head);

// The publication date a page's markup states, into META.published and
// META.published_source. ORDER OF TRUST (the first level with a parseable date wins; within
// a level, the first in the page):
//   1 "json-ld"      datePublished of an article-type object (Article, NewsArticle,
//                    BlogPosting, ...), also inside @graph, arrays or mainEntity
//   2 "opengraph"    article:published_time, og:published_time and the like
//   3 "itemprop"     itemprop=datePublished (a <meta> or any element)
//   4 "json-ld"      datePublished of any other @type (Yoast's WebPage)
//   5 "citation"     citation_publication_date, citation_date, citation_online_date
//   6 "dublin-core"  dc.date.issued, dcterms.issued, dc.date, dcterms.created
//   7 "meta"         <meta name=pubdate|publishdate|publish-date|sailthru.date|
//                    parsely-pub-date|article.published|...>
//   8 "time-element" <time pubdate>, a <time> whose class says published, a <time> in an
//                    <article> or <main>
//   8b "meta-date"   plain <meta name=date|timestamp|dcterms.date>: often the last change, so
//                    extract_metadata puts it below the URI's date and the text's date lines
//   9 "json-ld"      dateCreated or uploadDate of any object
//  10 "url"          a date in the path of the page's canonical URL or og:url
//  11 "byline"       the short text of an element whose class names a date (DateSignal),
//                    inside an <article> or <main>
//  12 "time-element" any other <time> outside page furniture
//  13 "date-line"    such a date line elsewhere (extract_metadata puts it below the URI's
//                    date and the main text's date lines)
//  14 "meta"         any other <meta> whose key names a publication ("sw-pubdate",
//                    "...:uploaded"; never "modified", "updated", "expiration")
// Modified dates (dateModified, article:modified_time, "updated" elements) are never used.
// Dates are calendar days as written; a UTC timestamp ("Z", "+00:00") is moved to the
// page's own zone when another timestamp on the page states a non-zero offset. After the
// markup, extract_metadata tries the document's URI and then bylines in the text.
void choose_published(const HtmlHead& head, const std::vector<DateSignal>& json_ld_dates,
                      MarkupMeta& meta);

// A date as written in markup (parse_markup_stamp): the calendar date as written, any
// precision; nullopt when TEXT holds none.
std::optional<core::Date> parse_markup_date(std::string_view text);

// The page title: the markup headline when there is one, else <title> without a site name
// (the part matching the <h1>, or og:site_name removed), else the <h1>; may be empty.
std::string choose_title(const HtmlHead& head, const MarkupMeta& meta);

}  // namespace cqc::indexer
