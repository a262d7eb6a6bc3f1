// Publication dates: date strings (date_text.hpp), element signals and the order of trust
// (html_dates.cpp, markup_published.cpp), date lines in the text and the URI
// (lead_dates.cpp, metadata_published.cpp). Fixtures are made up for these tests.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "indexer/date_text.hpp"
#include "indexer/extract.hpp"
#include "indexer/html_head.hpp"
#include "indexer/metadata.hpp"

using cqc::indexer::Extraction;
using cqc::indexer::Metadata;

namespace {

std::string iso(const std::optional<cqc::core::Date>& d) { return d ? d->iso() : ""; }

Extraction html(const std::string& page) {
  auto x = cqc::indexer::extract(page, "text/html");
  REQUIRE_MESSAGE(x.ok(), (x.ok() ? "" : x.error()));
  return x.value();
}

// A page with HEAD markup and BODY, and enough text to be a page.
Extraction page(const std::string& head, const std::string& body) {
  return html("<html><head><title>A page</title>" + head + "</head><body>" + body +
              "<p>Wards were visited and the report says what was found there.</p></body></html>");
}

}  // namespace

TEST_CASE("dates: month names in several languages") {
  using cqc::indexer::month_from_any_name;
  CHECK(month_from_any_name("March") == 3);
  CHECK(month_from_any_name("März") == 3);
  CHECK(month_from_any_name("févr.") == 2);
  CHECK(month_from_any_name("août") == 8);
  CHECK(month_from_any_name("mayo") == 5);
  CHECK(month_from_any_name("dicembre") == 12);
  CHECK(month_from_any_name("outubro") == 10);
  CHECK(month_from_any_name("mrt") == 3);
  CHECK(month_from_any_name("августа") == 8);
  CHECK(month_from_any_name("Mittwoch") == 0);
  CHECK(month_from_any_name("") == 0);
}

TEST_CASE("dates: markup timestamps keep the date as written") {
  using cqc::indexer::parse_markup_stamp;
  struct Case {
    std::string text, iso;
    bool zone;
    int offset;
  };
  const std::vector<Case> cases{
      {"2020-05-02T02:54:29.000Z", "2020-05-02", true, 0},
      {"2023-11-08T21:11:03-05:00", "2023-11-08", true, -300},
      {"2020-01-20T09:49:32+0000", "2020-01-20", true, 0},
      {"2020-12-05T23:15:0Z", "2020-12-05", true, 0},
      {"2018-06-22 10:20:00", "2018-06-22", false, 0},
      {"20201123T11:02:35Z", "2020-11-23", true, 0},
      {"20201123", "2020-11-23", false, 0},
      {"2019/9/4", "2019-09-04", false, 0},
      {"2015-06", "2015-06", false, 0},
      {"Sun, 11 Oct 2020 10:00:00 GMT", "2020-10-11", false, 0},
      {"Tue Jul 30 09:35:14 CEST 2019", "2019-07-30", false, 0},
      {"Di., 25.01.2022 - 14:45", "2022-01-25", false, 0},
      {"04:25:06 PM IST Apr 08, 2020", "2020-04-08", false, 0},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    auto st = parse_markup_stamp(c.text);
    REQUIRE(st);
    CHECK(st->date.iso() == c.iso);
    CHECK(st->has_zone == c.zone);
    CHECK(st->offset == c.offset);
  }
  CHECK_FALSE(parse_markup_stamp("2019-02-30"));
  CHECK_FALSE(parse_markup_stamp("20191345"));
  CHECK_FALSE(parse_markup_stamp("04/09/2019"));  // day and month could be either way round
  CHECK_FALSE(parse_markup_stamp("not a date"));
  CHECK_FALSE(parse_markup_stamp(""));
}

TEST_CASE("dates: a UTC time moves to the page's zone only across midnight") {
  using cqc::indexer::local_date;
  using cqc::indexer::parse_markup_stamp;
  CHECK(local_date(*parse_markup_stamp("2023-11-09T02:11:03Z"), -300).iso() == "2023-11-08");
  CHECK(local_date(*parse_markup_stamp("2023-11-09T12:00:00Z"), -300).iso() == "2023-11-09");
  CHECK(local_date(*parse_markup_stamp("2020-12-31T23:15:00Z"), 60).iso() == "2021-01-01");
  CHECK(local_date(*parse_markup_stamp("2024-03-01T00:30:00+00:00"), -60).iso() == "2024-02-29");
  CHECK(local_date(*parse_markup_stamp("2023-11-09 02:11:03"), -300).iso() == "2023-11-09");
  CHECK(local_date(*parse_markup_stamp("0001-01-01T00:00:00Z"), -300).iso() == "0001-01-01");
}

TEST_CASE("dates: written dates in bylines, any common order and language") {
  using cqc::indexer::find_written_date;
  struct Case {
    std::string text, iso;
  };
  const std::vector<Case> cases{
      {"date 2017-10-13", "2017-10-13"},
      {"Published: 4 May 2019", "2019-05-04"},
      {"posted 10 July 2015 by Kim", "2015-07-10"},
      {"Updated on May 14, 2019 at 9:00", "2019-05-14"},
      {"am 14.05.2019 um 10 Uhr", "2019-05-14"},
      {"2019.05.14", "2019-05-14"},
      {"30/01/2022 18:36", "2022-01-30"},
      {"01/30/2022", "2022-01-30"},
      {"06-08-2009", "2009-08-06"},
      {"Dienstag, 2. November 2021", "2021-11-02"},
      {"le 3 février 2020", "2020-02-03"},
      {"15 de abril de 2020", "2020-04-15"},
      {"Dezember 16th, 2012, 7:05 pm", "2012-12-16"},
      {"21. Jan. 2015", "2015-01-21"},
      {"31 Okt, 2023", "2023-10-31"},
      {"15 августа 2016, 13:43", "2016-08-15"},
      {"2020年7月11日(土)", "2020-07-11"},
      {"2020년 3월 4일", "2020-03-04"},
      {"Von Ann Lee 4. 2. 2022.", "2022-02-04"},
      {"Von Ann Lee 4.\xE2\x80\x89" "2.\xE2\x80\x89" "2022.", "2022-02-04"},  // thin spaces
      {"14\xC2\xA0May\xC2\xA0" "2019", "2019-05-14"},  // no-break spaces
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    CHECK(iso(find_written_date(c.text)) == c.iso);
  }
  CHECK_FALSE(find_written_date("04/09/2019"));
  CHECK_FALSE(find_written_date("Version 12019.05.14 and 1.2.10"));
  CHECK_FALSE(find_written_date("May 14:30 2019"));
  CHECK_FALSE(find_written_date("June 2019"));
  CHECK_FALSE(find_written_date("31.10.23"));
  CHECK(iso(find_written_date("Von: Ann Lee | 31.10.23", nullptr, true)) == "2023-10-31");
  size_t at = 0;
  CHECK(iso(find_written_date("Posted by Kim on 3 March 2021", &at)) == "2021-03-03");
  CHECK(at == 17);
  auto m = cqc::indexer::match_written_date("From 5 May 2021 to 6 May 2021");
  REQUIRE(m);
  CHECK(m->begin == 5);
  CHECK(m->end == 15);
}

TEST_CASE("dates: a day in a URL's path") {
  using cqc::indexer::url_date;
  CHECK(iso(url_date("https://example.org/2019/05/14/a-title/")) == "2019-05-14");
  CHECK(iso(url_date("https://example.org/news/2019-05-14-a-title")) == "2019-05-14");
  CHECK(iso(url_date("https://example.org/archive/20190514/story.html")) == "2019-05-14");
  CHECK(iso(url_date("https://example.org/2019/0514/story")) == "2019-05-14");
  CHECK(iso(url_date("https://example.org/education/2020/oct/02/halls")) == "2020-10-02");
  CHECK(iso(url_date("https://example.org/news/29-10-2021")) == "2021-10-29");
  CHECK(iso(url_date("https://archive.example/web/20140109030403/http://b.example/2013/12/09/x"))
        == "2013-12-09");
  CHECK_FALSE(url_date("https://example.org/2019/05/title"));  // a month, not a day
  CHECK_FALSE(url_date("https://example.org/item/1234567890"));
  CHECK_FALSE(url_date("https://example.org/page?date=2019/05/14"));
  CHECK_FALSE(url_date("https://2019.example.org/"));
  CHECK_FALSE(url_date(""));
  CHECK(iso(cqc::indexer::url_month("https://example.org/2018/02/trust-rated-good/")) == "2018-02");
  CHECK_FALSE(cqc::indexer::url_month("https://example.org/2018/13/x/"));
  CHECK_FALSE(cqc::indexer::url_month("https://example.org/news/2018-02/x"));
}

TEST_CASE("dates: element signals and the markup's order of trust") {
  const std::string jsonld_webpage =
      R"(<script type="application/ld+json">{"@graph":[{"@type":"WebPage",
      "datePublished":"2021-02-03T08:00:00+00:00","dateModified":"2022-01-01"}]}</script>)";
  struct Case {
    std::string head, body, iso, source;
  };
  const std::vector<Case> cases{
      {jsonld_webpage, "<article><time datetime='2020-01-01'>x</time></article>", "2021-02-03",
       "json-ld"},
      {R"(<script type="application/ld+json">{"@type":"VideoObject","uploadDate":"2018-04-05"}</script>)",
       "", "2018-04-05", "json-ld"},
      {"", "<span itemprop='datePublished' content='2019-03-04'>4 March</span>", "2019-03-04",
       "itemprop"},
      {"", "<p>On <span itemprop='datePublished'>4 March 2019</span></p>", "2019-03-04",
       "itemprop"},
      {R"(<meta name="parsely-pub-date" content="2017-06-07T10:00:00Z">)",
       "<article><time datetime='2016-01-01'>x</time></article>", "2017-06-07", "meta"},
      {R"(<meta name="date" content="2015-02-02">)",
       "<article><header><time datetime='2014-03-03T09:00'>3 March</time></header></article>",
       "2014-03-03", "time-element"},
      {R"(<meta name="date" content="2015-02-02">)", "", "2015-02-02", "meta-date"},
      {R"(<meta property="gallery:uploaded" content="2013-02-16T04:36:36-05:00">)", "",
       "2013-02-16", "meta"},
      {R"(<meta property="article:expiration_time" content="2013-02-16">)", "", "", ""},
      // A placeholder date is no date; the UTC one must not loop back before year 1.
      {R"(<meta property="article:published_time" content="0001-01-01T00:00:00Z">
          <meta property="article:modified_time" content="2020-01-01T10:00:00-05:00">)",
       "<link rel='canonical' href='https://example.org/0000/12/31/x'>", "", ""},
      {R"(<meta property="article:published_time" content="1970-01-01T00:00:00+00:00">)", "",
       "", ""},
      {R"(<link rel="canonical" href="https://example.org/2013/08/07/story/">)",
       "<time datetime='2012-01-01'>x</time>", "2013-08-07", "url"},
      {"", "<div class='post-date'>Posted on 9 June 2011</div>", "2011-06-09", "date-line"},
      {"", "<article><p class='entry-meta'>By Kim | 27.06.2018 09:54</p></article>",
       "2018-06-27", "byline"},
      {"", "<abbr class='published' title='06-08-2009T14:12:32+0200'>6 August</abbr>",
       "2009-08-06", "date-line"},
      {"", "<div class='updated'><time datetime='2010-10-10'>x</time></div>", "", ""},
      {"", "<article><time class='date updated published' datetime='2010-10-10'>x</time></article>",
       "2010-10-10", "time-element"},
      {"", "<div class='one-sidebar'><article><aside class='meta'><time datetime='2011-11-11'>"
           "11 Nov</time></aside></article></div>",
       "2011-11-11", "time-element"},
      {"", "<aside><time datetime='2011-11-11'>x</time></aside>", "", ""},
      {"", "<main><article><p>Text.</p></article><aside><span class='date'>8 May 2020</span>"
           "</aside></main>", "", ""},
      {"", "<div class='latest-news'><span class='date'>8 May 2020</span></div>", "", ""},
      {"", "<div class='sidebar-first'><time datetime='2011-11-11'>x</time></div>", "", ""},
      {"", "<article><p class='single-author'>von Kim Berg <em>31.10.2023</em></p></article>",
       "2023-10-31", "byline"},
      {"", "<section class='comments'><time datetime='2010-10-10'>x</time></section>", "", ""},
      {"", "<time class='modified' datetime='2010-10-10'>x</time>", "", ""},
  };
  for (const Case& c : cases) {
    CAPTURE(c.head);
    CAPTURE(c.body);
    const Extraction x = page(c.head, c.body);
    CHECK(x.meta.published.iso() == c.iso);
    CHECK(x.meta.published_source == c.source);
  }
}

TEST_CASE("dates: a UTC timestamp takes the page's own zone") {
  // Another timestamp on the page states the zone.
  const Extraction offset = page(
      R"(<meta property="article:published_time" content="2023-11-09T02:11:03+00:00">
         <meta property="article:modified_time" content="2023-11-08T23:30:00-05:00">)",
      "");
  CHECK(offset.meta.published.iso() == "2023-11-08");
  // A local date in the markup (the canonical URL) shows the evening before.
  const Extraction local = page(
      R"(<meta property="article:published_time" content="2023-11-09T01:09:55Z">
         <link rel="canonical" href="https://example.org/2023/11/08/story/">)",
      "");
  CHECK(local.meta.published.iso() == "2023-11-08");
  // Nothing says otherwise: the date as written.
  const Extraction plain = page(
      R"(<meta property="article:published_time" content="2023-11-09T01:09:55Z">)", "");
  CHECK(plain.meta.published.iso() == "2023-11-09");
  // A stamp with its own zone is the date as written, whatever zone the page states elsewhere.
  const Extraction own = page(
      R"(<meta property="article:published" content="2020-05-14T00:30:00+01:00">)", "");
  CHECK(own.meta.published.iso() == "2020-05-14");
  const Extraction other = page(
      R"(<meta property="article:published" content="2020-05-14T00:30:00+01:00">
         <meta property="article:modified_time" content="2020-05-15T09:00:00-05:00">)",
      "");
  CHECK(other.meta.published.iso() == "2020-05-14");
}

TEST_CASE("dates: a layout column called 'sidebar' around the headline is the article's") {
  const Extraction x = page("", R"(<div id="page"><div id="sidebar" class="column">
      <h1>Clinic reopens</h1><span class="byline"><time datetime="2020-04-09T07:59:57+02:00"
      pubdate>9 Apr 2020</time></span><p>The clinic reopened after a short closure in spring.</p>
      </div><div class="sidebar"><time datetime="2024-01-01">1 Jan 2024</time> Latest posts</div>
      </div>)");
  CHECK(x.meta.published.iso() == "2020-04-09");
  // A real sidebar (no headline in it) is still not read.
  const Extraction side = page("", R"(<h1>Clinic reopens</h1><p>Text of the story.</p>
      <div class="sidebar"><time datetime="2024-01-01">1 Jan 2024</time> Latest posts</div>)");
  CHECK(side.meta.published.iso() != "2024-01-01");
}

TEST_CASE("dates: a landmark marked 'updates' still holds the article's dates") {
  const Extraction x = page("", R"(<main id="updates"><article><h1>Wards reopen</h1>
      <time class="published" datetime="2021-03-04">4 March 2021</time>
      <p>The wards reopened after the inspection found the building safe again.</p></article></main>)");
  CHECK(x.meta.published.iso() == "2021-03-04");
}

TEST_CASE("dates: date lines near the top of the main text") {
  using cqc::indexer::lead_text_date;
  struct Case {
    std::string text, iso;
  };
  const std::string body =
      "The board met to discuss the findings and agreed a plan for the coming year.\n"
      "Staff said the changes had made a real difference to patients on the wards.\n";
  const std::vector<Case> cases{
      {"Ward news\nWednesday, October 16, 2019\nThe ward reopened.", "2019-10-16"},
      {"Ward news\n01.02.2022 The hospital opened a new ward for older patients in the town "
       "centre, after two years of building work and a long search for staff.",
       "2022-02-01"},
      {"Ward news\nIn a long line about the hospital, which opened its doors to the public, the "
       "trust published on 3 May 2020 a plan for the wards.",
       "2020-05-03"},
      {"Ward news\nRead more: Another story (14 January 2019)\nText.", ""},
      {"Ward news\nUpdated 5 May 2021\nText.", ""},
      {"Ward news\n5 to 8 October 2015\nText.", ""},
      {"Ward news\n2 \xE2\x80\x93 4 November 2020\nText.", ""},  // an en dash
      {"Ward news\n05 May 2021, 06 May 2021\nText.", ""},
      {"Ward news\nInspection carried out on 21 May 2018\nText.", ""},
      {"Ward news\nGespeichert von Kim am 7. Juli 2019 - 18:44\nText.", "2019-07-07"},
      {"Ward news\nvon Kim Berg, 8.5.12\nText.", "2012-05-08"},
      {"Ward news\nVersion 1.2.10\nText.", ""},
      {"Ward news\n01.06.18\nText.", "2018-06-01"},
      {"Ward news\n" + body + "13 June 2019", ""},
      {"Ward news\n" + body + "Datum:\n03.11.2021", "2021-11-03"},
      {"Ward news\nReaders' comments\nKim, 1 February 2023: good.", ""},
      // a short sentence that mentions a date is no date line; an article before it is fine
      {"Ward news\nA new matron joins from 1 March 2021 on the ward\nText.", ""},
      {"Ward news\nMontag, den 4. Mai 2020\nText.", "2020-05-04"},
      // prose that mentions dates is the body: a later cue ("von") no longer makes a date line
      {"Ward news\nThe ward, which opened on 2 May 2019, has twenty beds and a day room.\n"
       "Staff were proud of the garden and the kitchen that patients can use.\n"
       "Care passed from the old team to one led von Kim Berg on 4 June 2019 and more.",
       ""},
      // a press release dated the day before its embargo ends is published when it ends
      {"News release\n30 December 2021\nUnder embargo until 00:01 on Sunday 2 January\nText.",
       "2022-01-02"},
      {"News release\n3 June 2022\nEmbargoed: 5 June 2022\nText.", "2022-06-05"},
      {"News release\n3 June 2022\nNot embargoed\nText.", "2022-06-03"},
      // an embargo day that does not exist is no date: the release's own date stands
      {"News release\n1 March 2024\nEmbargoed until 00:01 on 29 February\nText.", "2024-03-01"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    CHECK(iso(lead_text_date(c.text)) == c.iso);
  }
}

TEST_CASE("dates: publication by markup, URI, bylines and date lines") {
  auto news = [](const std::string& markup_source, const std::string& markup,
                 const std::vector<std::string>& paras) {
    Extraction x;
    x.format = "html";
    x.title = "Hospital news";
    std::string text;
    for (const auto& p : paras) text += (text.empty() ? "" : "\n\n") + p;
    x.pages.push_back({0, text});
    if (!markup.empty()) {
      x.meta.published = *cqc::core::parse_iso_date(markup);
      x.meta.published_source = markup_source;
    }
    return x;
  };
  const std::string uri = "https://example.org/news/2021/03/04/ward-opens";
  const std::vector<std::string> text{"Ward opens", "12 May 2020",
                                      "The new ward opened to patients this week."};
  struct Case {
    std::string markup_source, markup, uri, iso, source;
  };
  const std::vector<Case> cases{
      {"opengraph", "2019-01-02", uri, "2019-01-02", "opengraph"},
      {"byline", "2019-01-02", uri, "2019-01-02", "byline"},
      {"date-line", "2019-01-02", uri, "2021-03-04", "url"},
      {"", "", uri, "2021-03-04", "url"},
      {"", "", "https://example.org/news/ward-opens", "2020-05-12", "byline"},
      {"date-line", "2019-01-02", "https://example.org/news/ward-opens", "2020-05-12", "byline"},
      {"meta-date", "2019-01-02", "https://example.org/news/ward-opens", "2020-05-12", "byline"},
      {"meta-date", "2019-01-02", uri, "2021-03-04", "url"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.markup_source);
    CAPTURE(c.uri);
    const Metadata md = cqc::indexer::extract_metadata(news(c.markup_source, c.markup, text), c.uri);
    CHECK(md.published.iso() == c.iso);
    CHECK(md.provenance.at("published") == c.source);
  }
  const Metadata month = cqc::indexer::extract_metadata(
      news("", "", {"Ward opens", "The new ward opened to patients."}),
      "https://example.org/2018/02/ward-opens/");
  CHECK(month.published.iso() == "2018-02");
  CHECK(month.provenance.at("published") == "url");
  const Metadata none = cqc::indexer::extract_metadata(
      news("date-line", "2019-01-02", {"Ward opens", "The new ward opened to patients."}),
      "https://example.org/news/ward-opens");
  CHECK(none.published.iso() == "2019-01-02");
  CHECK(none.provenance.at("published") == "date-line");
}

TEST_CASE("dates: the date line above the main text is read though the main text leaves it out") {
  const std::string story =
      "<p>The trust opened a new ward for older patients, with twenty beds, a garden and a "
      "day room, after two years of building work.</p><p>Staff said the ward, which has its "
      "own kitchen, had made a real difference to patients and to their families.</p>"
      "<p>Visitors are welcome every afternoon, and the ward team will show them round.</p>";
  // The headline, a date line and a "Date:" label sit above the article's body; the main
  // text starts with the body, so only the page's top from its headline on has the date.
  const Extraction below = html(
      "<html><head><title>Ward opens | Example News</title></head><body>"
      "<nav><a href='/'>Home</a></nav><div class='intro'><h1>Ward opens</h1>"
      "<p class='caption'>Date:</p><p class='caption'>14.09.2021</p></div>"
      "<div class='story'>" + story + "</div></body></html>");
  CHECK(below.lead.find("14.09.2021") != std::string::npos);
  const Metadata md = cqc::indexer::extract_metadata(below, "https://example.org/news/ward");
  CHECK(md.published.iso() == "2021-09-14");
  CHECK(md.provenance.at("published") == "byline");
  // A date line just above the headline (a kicker) counts only when nothing below it does;
  // a headline repeated in a list of other stories earlier on is not the page's headline.
  const Extraction kicker = html(
      "<html><head><title>Ward opens</title></head><body>"
      "<div><p>Ward opens</p><p>02.01.2020</p></div>"
      "<div><p>3 March 2021</p><h1>Ward opens</h1></div>"
      "<div class='story'>" + story + "</div></body></html>");
  CHECK(kicker.kicker.starts_with("3 March 2021"));
  CHECK(cqc::indexer::extract_metadata(kicker, "https://example.org/news/ward").published.iso() ==
        "2021-03-03");
  const Extraction both = html(
      "<html><head><title>Ward opens</title></head><body>"
      "<div><p>Tuesday 5 April 2022 morning edition</p><h1>Ward opens</h1>"
      "<p>By Kim Berg</p><p>3 March 2021</p></div>"
      "<div class='story'>" + story + "</div></body></html>");
  CHECK(cqc::indexer::extract_metadata(both, "https://example.org/news/ward").published.iso() ==
        "2021-03-03");
  // No headline above the main text: the short byline just above it still counts.
  const Extraction byline = html(
      "<html><head><title>Example News</title></head><body>"
      "<div><p>von Kim Berg, 8.5.12</p></div><div class='story'>" + story + "</div></body></html>");
  CHECK(cqc::indexer::extract_metadata(byline, "https://example.org/news/ward").published.iso() ==
        "2012-05-08");
}
