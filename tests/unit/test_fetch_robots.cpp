// robots.txt: RFC 9309 group selection, longest match, wildcards, encoding; Crawl-delay.
#include <doctest/doctest.h>

#include <string>

#include "fetch/robots.hpp"

using cqc::fetch::RobotsRules;

namespace {

struct Case {
  const char* path;
  bool allowed;
};

void check_paths(const RobotsRules& rules, std::initializer_list<Case> cases) {
  for (const Case& c : cases) {
    CAPTURE(c.path);
    CHECK(rules.allowed(c.path) == c.allowed);
  }
}

}  // namespace

TEST_CASE("robots: the group naming our product token wins over '*', case-insensitively") {
  const char* body =
      "User-agent: *\n"
      "Disallow: /\n"
      "\n"
      "User-agent: SomeOtherBot\n"
      "User-agent: CQC-Archive\n"  // one of several user-agent lines of a group
      "Disallow: /search\n"
      "Crawl-delay: 2.5\n";
  auto rules = RobotsRules::parse(body, "cqc-archive");
  check_paths(rules, {{"/", true}, {"/reports/RT5", true}, {"/search?q=x", false}});
  REQUIRE(rules.crawl_delay());
  CHECK(*rules.crawl_delay() == doctest::Approx(2.5));

  // A full user-agent string is reduced to its product token.
  auto full = RobotsRules::parse(body, "cqc-archive/0.1 (+https://example.org/bot)");
  CHECK(full.allowed("/reports"));
  CHECK_FALSE(full.allowed("/search"));

  // Another crawler gets the "*" group, with no crawl delay.
  auto other = RobotsRules::parse(body, "otherbot");
  CHECK_FALSE(other.allowed("/reports"));
  CHECK_FALSE(other.crawl_delay());
}

TEST_CASE("robots: several groups for the same agent are merged") {
  const char* body =
      "user-agent: cqc-archive\n"
      "disallow: /private/\n"
      "\n"
      "user-agent: *\n"
      "disallow: /everyone-else/\n"
      "\n"
      "user-agent: cqc-archive\n"
      "disallow: /drafts/\n";
  auto rules = RobotsRules::parse(body, "cqc-archive");
  check_paths(
      rules,
      {{"/private/x", false}, {"/drafts/y", false}, {"/everyone-else/z", true}, {"/public", true}});
}

TEST_CASE("robots: longest match wins, allow wins a tie") {
  // RFC 9309 §2.2.2 and Google's documented examples.
  const char* body =
      "User-agent: *\n"
      "Allow: /example/page/\n"
      "Disallow: /example/page/disallowed.gif\n"
      "Disallow: /folder\n"
      "Allow: /folder/\n"
      "Allow: /page\n"
      "Disallow: /*.htm\n"
      "Allow: /same\n"
      "Disallow: /same\n"
      "Disallow: /tie/*.pdf\n"  // the disallow comes first here
      "Allow: /tie/*.pdf\n";
  auto rules = RobotsRules::parse(body, "cqc-archive");
  check_paths(rules, {
                         {"/example/page/", true},
                         {"/example/page/other.gif", true},
                         {"/example/page/disallowed.gif", false},
                         {"/folder", false},
                         {"/folder/report.pdf", true},  // "/folder/" is longer than "/folder"
                         {"/page", true},
                         {"/page.htm", false},  // "/*.htm" (6 octets) beats "/page" (5)
                         {"/same", true},       // equal length: allow wins
                         {"/tie/a.pdf", true},  // whichever comes first
                     });
}

TEST_CASE("robots: '*' and '$' wildcards") {
  const char* body =
      "User-agent: *\n"
      "Disallow: /*.pdf$\n"
      "Disallow: /fish*\n"
      "Disallow: /*?sessionid=\n"
      "Allow: /reports/*/summary$\n"
      "Disallow: /reports/\n";
  auto rules = RobotsRules::parse(body, "cqc-archive");
  check_paths(rules, {
                         {"/docs/report.pdf", false},
                         {"/docs/report.pdf?download=1", true},  // '$' anchors the end
                         {"/docs/report.PDF", true},             // paths are case-sensitive
                         {"/fish", false},
                         {"/fishheads/catfish.php", false},
                         {"/Fish.asp", true},
                         {"/news?sessionid=42", false},
                         {"/news?page=2", true},
                         {"/reports/RT5/summary", true},
                         {"/reports/RT5/summary/full", false},
                         {"/reports/RT5", false},
                     });
}

TEST_CASE("robots: percent-encoding is normalised on both sides") {
  const char* body =
      "User-agent: *\n"
      "Disallow: /foo/bar/%62%61%7A\n"  // %62%61%7A = "baz", unreserved: decoded
      "Disallow: /caf\xC3\xA9\n"        // raw UTF-8: encoded as %C3%A9
      "Disallow: /a%2fb\n";             // %2F is reserved: kept encoded, hex upper-cased
  auto rules = RobotsRules::parse(body, "cqc-archive");
  check_paths(rules, {
                         {"/foo/bar/baz", false},
                         {"/foo/bar/%62az", false},
                         {"/caf%C3%A9/menu", false},
                         {"/caf%c3%a9", false},
                         {"/a%2Fb", false},
                         {"/a/b", true},  // a decoded slash is a different path
                     });
}

TEST_CASE("robots: empty Disallow, comments, junk and the special cases") {
  SUBCASE("empty Disallow allows everything") {
    auto rules = RobotsRules::parse("User-agent: *\nDisallow:\n", "cqc-archive");
    CHECK(rules.allowed("/anything"));
  }
  SUBCASE("a pattern without its leading slash is rooted") {
    auto rules = RobotsRules::parse("User-agent: *\nDisallow: private\n", "cqc-archive");
    CHECK_FALSE(rules.allowed("/private/notes"));
    CHECK(rules.allowed("/public"));
  }
  SUBCASE("no group applies: everything allowed") {
    auto rules = RobotsRules::parse("User-agent: googlebot\nDisallow: /\n", "cqc-archive");
    CHECK(rules.allowed("/anything"));
  }
  SUBCASE("comments, CRLF, BOM and an HTML error page are tolerated") {
    auto rules = RobotsRules::parse(
        "\xEF\xBB\xBFUser-agent: * # everyone\r\nDisallow: /tmp # scratch\r\n"
        "Sitemap: https://www.cqc.org.uk/sitemap.xml\r\nDisallow: /cgi-bin\r\n",
        "cqc-archive");
    CHECK_FALSE(rules.allowed("/tmp/x"));
    CHECK_FALSE(rules.allowed("/cgi-bin/x"));  // a Sitemap line does not end the group
    CHECK_FALSE(rules.allowed("/tmpfile"));    // a prefix match
    auto html = RobotsRules::parse("<html><body>Not found</body></html>", "cqc-archive");
    CHECK(html.allowed("/anything"));
  }
  SUBCASE("/robots.txt is always allowed") {
    auto rules = RobotsRules::parse("User-agent: *\nDisallow: /\n", "cqc-archive");
    CHECK_FALSE(rules.allowed("/index.html"));
    CHECK(rules.allowed("/robots.txt"));
    CHECK(RobotsRules::disallow_all().allowed("/robots.txt"));
  }
  SUBCASE("allow_all and disallow_all") {
    CHECK(RobotsRules::allow_all().allowed("/x"));
    CHECK_FALSE(RobotsRules::disallow_all().allowed("/x"));
    CHECK_FALSE(RobotsRules::disallow_all().allowed("/"));
  }
}

TEST_CASE("robots: Crawl-delay comes from the matched group; junk is ignored") {
  struct DelayCase {
    const char* body;
    double expected;  // < 0: none
  };
  const DelayCase cases[] = {
      {"User-agent: *\nCrawl-delay: 10\n", 10},
      {"User-agent: *\nCrawl-delay: 0.5\n", 0.5},
      {"User-agent: *\ncrawl-delay:   3  \n", 3},
      {"User-agent: *\nCrawl-delay: soon\n", -1},
      {"User-agent: *\nCrawl-delay: -4\n", -1},
      {"User-agent: *\nCrawl-delay: 5s\n", -1},
      {"User-agent: *\nCrawl-delay: nan\n", -1},
      {"User-agent: *\nCrawl-delay: junk\nCrawl-delay: 7\n", 7},
      {"User-agent: otherbot\nCrawl-delay: 30\n\nUser-agent: *\nDisallow: /x\n", -1},
      {"User-agent: otherbot\nCrawl-delay: 30\n\nUser-agent: cqc-archive\nCrawl-delay: 4\n", 4},
  };
  for (const DelayCase& c : cases) {
    CAPTURE(c.body);
    auto d = RobotsRules::parse(c.body, "cqc-archive").crawl_delay();
    if (c.expected < 0) {
      CHECK_FALSE(d);
    } else {
      REQUIRE(d);
      CHECK(*d == doctest::Approx(c.expected));
    }
  }
}

TEST_CASE("robots: only the first 500 KiB are parsed") {
  std::string body = "User-agent: *\nDisallow: /early\n";
  std::string filler = "# " + std::string(1000, 'x') + "\n";
  while (body.size() < 500 * 1024) body += filler;
  body += "Disallow: /late\n";
  auto rules = RobotsRules::parse(body, "cqc-archive");
  CHECK_FALSE(rules.allowed("/early"));
  CHECK(rules.allowed("/late"));

  // A rule cut by the limit is dropped, not shortened into a broader one.
  std::string cut = "User-agent: *\nDisallow: /secret\n";
  cut += std::string(500 * 1024 - cut.size() - 12, '#') + "\nDisallow: /abcdefghij\n";
  auto cut_rules = RobotsRules::parse(cut, "cqc-archive");
  CHECK_FALSE(cut_rules.allowed("/secret"));
  CHECK(cut_rules.allowed("/abc"));
}
