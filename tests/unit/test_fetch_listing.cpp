// Listings: sitemaps (plain, index, gzipped), RSS 2.0 and Atom feeds; broken inputs.
#include <Poco/DeflatingStream.h>
#include <doctest/doctest.h>

#include <sstream>
#include <string>

#include "fetch/listing.hpp"

using namespace cqc::fetch;

namespace {

std::string gzip(const std::string& data) {
  std::ostringstream out;
  Poco::DeflatingOutputStream gz(out, Poco::DeflatingStreamBuf::STREAM_GZIP);
  gz << data;
  gz.close();
  return out.str();
}

const char* const kSitemap = R"(<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <url>
    <loc>https://www.cqc.org.uk/provider/RT5</loc>
    <lastmod>2024-03-05T10:15:00+01:00</lastmod>
  </url>
  <url><loc> /location/RT5X1 </loc><lastmod>2023-11-20</lastmod></url>
  <url><loc>reports/abc-123?download=pdf&amp;v=2</loc></url>
  <url><loc>https://www.cqc.org.uk/provider/RT5#ratings</loc></url>
  <url><loc>ftp://files.cqc.org.uk/dump.csv</loc></url>
  <url><loc>javascript:alert(1)</loc></url>
  <url><loc>//assets.cqc.org.uk/report.pdf</loc><lastmod>not a date</lastmod></url>
  <url><loc></loc></url>
</urlset>
)";

}  // namespace

TEST_CASE("listing: a sitemap urlset lists absolute http(s) links with ISO dates") {
  auto r = parse_listing(kSitemap, "https://www.cqc.org.uk/sitemaps/providers.xml");
  REQUIRE(r.ok());
  CHECK(r->kind == ListingKind::urlset);
  CHECK(listing_kind_name(r->kind) == "sitemap");
  REQUIRE(r->links.size() == 4);
  CHECK(r->links[0].url == "https://www.cqc.org.uk/provider/RT5");
  CHECK(r->links[0].updated == "2024-03-05T09:15:00Z");  // converted to UTC
  CHECK(r->links[0].title.empty());
  CHECK(r->links[1].url == "https://www.cqc.org.uk/location/RT5X1");
  CHECK(r->links[1].updated == "2023-11-20");
  CHECK(r->links[2].url == "https://www.cqc.org.uk/sitemaps/reports/abc-123?download=pdf&v=2");
  CHECK(r->links[2].updated.empty());
  // The "#ratings" duplicate is gone; ftp:, javascript: and empty links are dropped.
  CHECK(r->links[3].url == "https://assets.cqc.org.uk/report.pdf");
  CHECK(r->links[3].updated.empty());
}

TEST_CASE("listing: a sitemap index, and gzip detected by its magic bytes") {
  const std::string index = R"(<?xml version="1.0" encoding="UTF-8"?>
<sm:sitemapindex xmlns:sm="http://www.sitemaps.org/schemas/sitemap/0.9">
  <sm:sitemap><sm:loc>https://www.cqc.org.uk/sitemap-1.xml.gz</sm:loc>
    <sm:lastmod>2024-01-31</sm:lastmod></sm:sitemap>
  <sm:sitemap><sm:loc>https://www.cqc.org.uk/sitemap-2.xml.gz</sm:loc></sm:sitemap>
</sm:sitemapindex>)";
  for (const std::string& body : {index, gzip(index)}) {
    auto r = parse_listing(body, "https://www.cqc.org.uk/sitemap.xml");
    REQUIRE(r.ok());
    CHECK(r->kind == ListingKind::sitemap_index);  // namespace prefixes tolerated
    REQUIRE(r->links.size() == 2);
    CHECK(r->links[0].url == "https://www.cqc.org.uk/sitemap-1.xml.gz");
    CHECK(r->links[0].updated == "2024-01-31");
    CHECK(r->links[1].url == "https://www.cqc.org.uk/sitemap-2.xml.gz");
  }
  auto gz = parse_listing(gzip(kSitemap), "https://www.cqc.org.uk/sitemap.xml.gz");
  REQUIRE(gz.ok());
  CHECK(gz->kind == ListingKind::urlset);
  CHECK(gz->links.size() == 4);
}

TEST_CASE("listing: RSS 2.0 items with link or permalink guid, titles and RFC 822 dates") {
  const char* rss = R"(<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>CQC news</title>
    <link>https://www.cqc.org.uk/news</link>
    <item>
      <title>Mental health   services
        at Leicestershire trust rated <![CDATA[Requires improvement]]></title>
      <link>https://www.cqc.org.uk/news/releases/lpt-2024</link>
      <pubDate>Tue, 05 Mar 2024 09:30:00 GMT</pubDate>
    </item>
    <item>
      <title>Guid only</title>
      <guid isPermaLink="true">/news/stories/guid-story</guid>
      <pubDate>Wed, 6 Mar 2024 23:30:00 -0500</pubDate>
    </item>
    <item>
      <title>Not a permalink</title>
      <guid isPermaLink="false">tag:cqc.org.uk,2024:123</guid>
    </item>
    <item>
      <title>Summer time</title>
      <atom:link href="https://www.cqc.org.uk/news/bst"/>
      <pubDate>01 Jul 24 00:30 BST</pubDate>
    </item>
    <item>
      <title>Odd date</title>
      <link>https://www.cqc.org.uk/news/odd</link>
      <pubDate>sometime in March</pubDate>
    </item>
  </channel>
</rss>)";
  auto r = parse_listing(rss, "https://www.cqc.org.uk/feeds/news.xml");
  REQUIRE(r.ok());
  CHECK(r->kind == ListingKind::rss);
  CHECK(listing_kind_name(r->kind) == "RSS feed");
  REQUIRE(r->links.size() == 4);
  CHECK(r->links[0].url == "https://www.cqc.org.uk/news/releases/lpt-2024");
  CHECK(r->links[0].title ==
        "Mental health services at Leicestershire trust rated Requires improvement");
  CHECK(r->links[0].updated == "2024-03-05T09:30:00Z");
  CHECK(r->links[1].url == "https://www.cqc.org.uk/news/stories/guid-story");
  CHECK(r->links[1].updated == "2024-03-07T04:30:00Z");  // -0500 crosses midnight
  CHECK(r->links[2].url == "https://www.cqc.org.uk/news/bst");
  CHECK(r->links[2].updated == "2024-06-30T23:30:00Z");  // BST is UTC+1, 2-digit year
  CHECK(r->links[3].updated.empty());
}

TEST_CASE("listing: Atom entries, alternate links, xml:base and updated/published") {
  const char* atom = R"(<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://news.example.org/health/">
  <title>Health news</title>
  <link rel="self" href="https://news.example.org/health/feed.atom"/>
  <entry>
    <title type="text">Trust and partners inspected</title>
    <link rel="edit" href="https://news.example.org/admin/1"/>
    <link rel="alternate" type="text/html" href="2024/03/trust-inspected"/>
    <updated>2024-03-05T12:00:00Z</updated>
    <published>2024-03-01T08:00:00Z</published>
  </entry>
  <entry>
    <title>Second</title>
    <link href="https://news.example.org/health/2024/02/second"/>
    <published>2024-02-10T08:00:00.123+00:00</published>
  </entry>
  <entry>
    <title>Enclosure only</title>
    <link rel="enclosure" href="https://news.example.org/audio.mp3"/>
  </entry>
</feed>)";
  auto r = parse_listing(atom, "https://news.example.org/health/feed.atom");
  REQUIRE(r.ok());
  CHECK(r->kind == ListingKind::atom);
  CHECK(listing_kind_name(r->kind) == "Atom feed");
  REQUIRE(r->links.size() == 2);
  CHECK(r->links[0].url == "https://news.example.org/health/2024/03/trust-inspected");
  CHECK(r->links[0].title == "Trust and partners inspected");
  CHECK(r->links[0].updated == "2024-03-05T12:00:00Z");  // updated preferred
  CHECK(r->links[1].url == "https://news.example.org/health/2024/02/second");
  CHECK(r->links[1].updated == "2024-02-10T08:00:00Z");  // falls back to published
}

TEST_CASE("listing: what is not a listing, and what is a broken one") {
  struct Case {
    std::string body;
    bool ok;
    ListingKind kind;
    const char* reason_part;  // expected in the failure reason
  };
  const std::string truncated_gz = gzip(kSitemap).substr(0, 60);
  const Case cases[] = {
      {"<html><head><title>Home</title></head><body><p>Hi</body></html>", true, ListingKind::none,
       ""},
      {"<?xml version=\"1.0\"?><catalog><book/></catalog>", true, ListingKind::none, ""},
      {"{\"providers\": []}", true, ListingKind::none, ""},
      {"", true, ListingKind::none, ""},
      {gzip("just some text"), true, ListingKind::none, ""},
      {"<?xml version=\"1.0\"?>\n<!-- generated -->\n<urlset><url><loc>https://a.example/x</loc>",
       false, ListingKind::none, "sitemap"},
      {"<rss version=\"2.0\"><channel><item><link>x</link></channel></rss>", false,
       ListingKind::none, "RSS feed"},
      {truncated_gz, false, ListingKind::none, "gzip"},
      {gzip(kSitemap).substr(0, 12), false, ListingKind::none, "gzip"},  // header only
  };
  for (const Case& c : cases) {
    CAPTURE(c.body.substr(0, 40));
    auto r = parse_listing(c.body, "https://www.cqc.org.uk/");
    REQUIRE(r.ok() == c.ok);
    if (c.ok) {
      CHECK(r->kind == c.kind);
      CHECK(r->links.empty());
    } else {
      CHECK(r.error().find(c.reason_part) != std::string::npos);
    }
  }
}

TEST_CASE("listing: a decompression bomb is refused") {
  // 60 MiB of zeros compress to about 60 KiB: over the 50 MiB cap.
  std::ostringstream out;
  {
    Poco::DeflatingOutputStream gz(out, Poco::DeflatingStreamBuf::STREAM_GZIP);
    gz << "<urlset>";
    const std::string block(1 << 20, ' ');
    for (int i = 0; i < 60; ++i) gz << block;
    gz << "</urlset>";
    gz.close();
  }
  CHECK(out.str().size() < 1024 * 1024);
  auto r = parse_listing(out.str(), "https://www.cqc.org.uk/");
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().find("50 MiB") != std::string::npos);
}

TEST_CASE("listing: dates are normalised to ISO 8601 (UTC when a time is given)") {
  struct Case {
    const char* lastmod;
    const char* expected;
  };
  const Case cases[] = {
      {"2024", "2024"},
      {"2024-03", "2024-03"},
      {"2024-03-05", "2024-03-05"},
      {"2024-03-05T10:15Z", "2024-03-05T10:15:00Z"},
      {"2024-03-05T10:15:30.25-08:00", "2024-03-05T18:15:30Z"},
      {"2024-12-31T23:30:00-01:00", "2025-01-01T00:30:00Z"},
      {"2024-02-30", ""},
      {"2024-03-05T25:00:00Z", ""},
      {"2024-03-05T10:15:00+0100junk", ""},
      {"05/03/2024", ""},
  };
  for (const Case& c : cases) {
    CAPTURE(c.lastmod);
    std::string body = std::string("<urlset><url><loc>https://www.cqc.org.uk/a</loc><lastmod>") +
                       c.lastmod + "</lastmod></url></urlset>";
    auto r = parse_listing(body, "");
    REQUIRE(r.ok());
    REQUIRE(r->links.size() == 1);
    CHECK(r->links[0].updated == c.expected);
  }
}
