// Main text of HTML pages by block scoring: wrappers whose class looks like furniture, teaser
// listings, link lists, captions, comments, the article's heading and byline, the fallback
// to the densest block. Fixtures written for these tests.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "indexer/extract.hpp"

using cqc::indexer::extract;

namespace {

std::string text_of(const std::string& body) {
  auto r = extract("<!DOCTYPE html><html><head><title>Ward reopens | Example Gazette</title></head><body>" +
                       body + "</body></html>",
                   "text/html");
  REQUIRE_MESSAGE(r.ok(), (r.ok() ? "" : r.error()));
  return r->pages[0].text;
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// Three paragraphs of an article about one ward, with commas, as prose looks.
const std::string kStory =
    "<p>The children's ward at the General Hospital reopened on Monday, after a refit that took "
    "eight months, cost two million pounds and moved the playroom to the ground floor.</p>"
    "<p>Nurses said the new bays were lighter, quieter and easier to watch at night, and parents "
    "can now stay beside their child in a fold-down bed.</p>"
    "<p>The trust thanked the charity volunteers, who raised a third of the money, and the "
    "families who tested the designs during the spring.</p>";

const std::string kMenu =
    "<ul><li><a href=\"/\">Home</a></li><li><a href=\"/news\">News</a></li><li><a href=\"/sport\">"
    "Sport</a></li><li><a href=\"/weather\">Weather</a></li></ul>";

}  // namespace

TEST_CASE("html content: a wrapper whose class names furniture is kept when it holds the article") {
  for (const std::string wrapper : {"Page-ad-margins", "content-with-sidebar-wrp", "l-sidebar-fixed l-segment",
                              "share-wrapper", "comments-enabled layout"}) {
    CAPTURE(wrapper);
    const std::string text = text_of("<div class=\"" + wrapper + "\"><div class=\"story\">" +
                                     kStory + "</div></div><div class=\"advert\">Advertisement</div>");
    CHECK(has(text, "The children's ward at the General Hospital reopened"));
    CHECK(has(text, "families who tested the designs"));
    CHECK_FALSE(has(text, "Advertisement"));
  }
  const std::string breadcrumb =
      text_of("<article class=\"post breadcrumb-enabled\"><h1>Ward reopens</h1>" + kStory +
              "</article><div class=\"cookie-notice\">Cookie Settings</div>");
  CHECK(has(breadcrumb, "fold-down bed"));
  CHECK_FALSE(has(breadcrumb, "Cookie Settings"));
}

TEST_CASE("html content: teasers of other articles do not join the story") {
  const std::string teaser =
      "<article class=\"teaser\"><h3><a href=\"/a\">Another story</a></h3><p>A summary of another "
      "story, long enough to be prose, about a different hospital and its car park.</p></article>";
  // Next to the story, and as a "you may like" listing of several teasers.
  const std::string text = text_of("<main><article class=\"story\">" + kStory + "</article>" + teaser +
                                   "<section><h2>You may like</h2>" + teaser + teaser + teaser +
                                   teaser + "</section></main>");
  CHECK(has(text, "reopened on Monday"));
  CHECK_FALSE(has(text, "different hospital"));
}

TEST_CASE("html content: the longest article wins over teasers that score higher on their classes") {
  std::string essay = "<p>";
  for (int i = 0; i < 12; ++i) essay += "The ward is a calm place to recover and the staff know every patient by name. ";
  essay += "</p>";
  const std::string teaser =
      "<article id=\"post-2\" class=\"post hentry\"><p>Short, busy, hopeful: a teaser, with commas, "
      "for another story, about parking, visiting, food, and more, here.</p></article>";
  const std::string text =
      text_of("<div id=\"primary\"><article class=\"entry\">" + essay + "</article>" + teaser + "</div>");
  CHECK(has(text, "know every patient by name"));
  CHECK_FALSE(has(text, "a teaser"));
}

TEST_CASE("html content: link lists, tag lines and inline link cards are left out") {
  const std::string text = text_of(
      kMenu + "<div class=\"body\">" + kStory +
      "<p>More: <a href=\"/1\">Hospital parking charges to rise next spring</a></p>"
      "<p>Tags<br><a href=\"/t/1\">children's wards</a>, <a href=\"/t/2\">hospital charity</a>, "
      "<a href=\"/t/3\">General Hospital</a></p>"
      "<p>The chief nurse, <span class=\"person\"><a href=\"/p/1\">Ann Lee</a><span class=\"card\">"
      "<a href=\"/p/1/a\">Ann Lee wins award</a> <a href=\"/p/1/b\">Ann Lee on staffing</a> "
      "<a href=\"/p/1/c\">Ann Lee interview</a></span></span>, opened the ward with a ribbon.</p>"
      "<ul><li><a href=\"/x\">Council approves new school</a></li><li><a href=\"/y\">Bridge "
      "repairs finish early</a></li><li><a href=\"/z\">Library extends hours</a></li></ul></div>");
  CHECK(has(text, "The chief nurse, Ann Lee, opened the ward with a ribbon."));
  for (const std::string absent : {"Hospital parking charges", "hospital charity", "wins award",
                             "Council approves", "Sport"}) {
    CAPTURE(absent);
    CHECK_FALSE(has(text, absent));
  }
}

TEST_CASE("html content: figures, captions and photo credits are left out; subheadings stay") {
  const std::string text = text_of(
      "<article><div class=\"body\"><figure><img src=\"w.jpg\"><figcaption>The new playroom on the "
      "ground floor</figcaption></figure>" + kStory +
      "<div class=\"photo\"><img src=\"n.jpg\"><span class=\"image-credit\">Photo: J Smith</span></div>"
      "<h2>What parents say</h2><p>One mother said the ward felt calm, bright and welcoming, and "
      "that her son slept through the night for the first time.</p></div></article>");
  CHECK(has(text, "What parents say"));
  CHECK(has(text, "slept through the night"));
  CHECK_FALSE(has(text, "The new playroom on the ground floor"));
  CHECK_FALSE(has(text, "Photo: J Smith"));
}

TEST_CASE("html content: the article's standfirst and byline come along; what follows it does not") {
  const std::string text = text_of(
      "<article><h1>Ward reopens</h1><p class=\"standfirst\">A refit for children</p>"
      "<p class=\"meta\">By <a href=\"/staff\">Staff Reporter</a> | 4 October 2019</p>"
      "<div class=\"post-content\">" + kStory + "</div>"
      "<div class=\"post-tags\">Filed under: <a href=\"/t\">Wards</a></div>"
      "<p class=\"author-note\">Staff Reporter writes about health for the Gazette and can be "
      "reached through the newsroom, by email or by post.</p></article>"
      "<section id=\"comments\"><p>What a lovely ward, well done to everyone involved, truly.</p>"
      "</section>");
  CHECK(text.starts_with("A refit for children\n\nBy Staff Reporter | 4 October 2019\n\nThe children's ward"));
  CHECK_FALSE(has(text, "Ward reopens"));  // the headline is the title
  CHECK_FALSE(has(text, "Filed under"));
  CHECK_FALSE(has(text, "writes about health"));
  CHECK_FALSE(has(text, "lovely ward"));
}

TEST_CASE("html content: a chosen block tiny beside the page gives way to the densest block") {
  std::string long_text;
  for (int i = 0; i < 8; ++i)
    long_text += "<p>Paragraph " + std::to_string(i) + " of the report on the ward describes the "
                 "staffing and the care of patients in detail</p>";
  const std::string text =
      text_of("<div class=\"article-content\"><p>Teaser line for the ward report here</p></div>"
              "<div>" + long_text + "</div>");
  CHECK(has(text, "Paragraph 0 of the report"));
  CHECK(has(text, "Paragraph 7 of the report"));
}

TEST_CASE("html content: deep nesting and pages of links only do not break extraction") {
  std::string deep;
  for (int i = 0; i < 1000; ++i) deep += "<div>";
  deep += "<p>Deep text of the ward story, long enough to count as prose here.</p>";
  CHECK_NOTHROW(text_of(deep));
  const std::string links = text_of(kMenu);
  CHECK(has(links, "Home"));  // no prose at all: the visible text rather than nothing
}
