// collect_dates: the publication-date signals of a page's elements (html_head.hpp,
// DateSignal). <meta> tags and JSON-LD are read by the extractor's own scan.
#include <gumbo.h>

#include <array>
#include <cctype>
#include <string>
#include <vector>

#include "core/text.hpp"
#include "indexer/html_head.hpp"

namespace cqc::indexer {
namespace {

constexpr int kMaxDepth = 400;
constexpr size_t kMaxText = 160;  // a longer element is a container, not a date line

std::string_view attr(const GumboNode* node, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&node->v.element.attributes, name);
  return a ? std::string_view(a->value) : std::string_view();
}

bool has_attr(const GumboNode* node, const char* name) {
  return gumbo_get_attribute(&node->v.element.attributes, name) != nullptr;
}

bool contains_any(std::string_view text, std::initializer_list<std::string_view> parts) {
  for (std::string_view p : parts)
    if (text.find(p) != std::string_view::npos) return true;
  return false;
}

// Class and id, lower case, one string.
std::string class_id(const GumboNode* node) {
  return core::to_lower(std::string(attr(node, "class")) + " " + std::string(attr(node, "id")));
}

// The first part of each class/id token: "sidebar" of "sidebar-first", "comments" of
// "comments_area" (so a layout class such as "one-sidebar" names nothing).
std::vector<std::string> token_heads(const std::string& cls) {
  std::vector<std::string> out;
  const std::string collapsed = core::collapse_space(cls);  // the tokens view into it
  for (std::string_view token : core::split(collapsed, ' '))
    if (!token.empty()) out.emplace_back(token.substr(0, token.find_first_of("-_")));
  return out;
}

// True when an <h1> lies under NODE (bounded depth).
bool holds_h1(const GumboNode* node, int depth) {
  if (depth > kMaxDepth || node->type != GUMBO_NODE_ELEMENT) return false;
  if (node->v.element.tag == GUMBO_TAG_H1) return true;
  const GumboVector& kids = node->v.element.children;
  for (unsigned i = 0; i < kids.length; ++i)
    if (holds_h1(static_cast<const GumboNode*>(kids.data[i]), depth + 1)) return true;
  return false;
}

// Never read: scripts, forms, navigation, an <aside> outside the article, and elements
// whose class or id starts with a furniture word (comments, sidebars, related-article
// lists), whose dates are not the page's — unless such an element holds the headline (a
// layout column called "sidebar" around the article's <h1>). <html>, <body>, <main> and
// <article> always are.
bool skipped(const GumboNode* node, const std::string& cls, bool in_article_element) {
  switch (node->v.element.tag) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_NAV: case GUMBO_TAG_SELECT: case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_IFRAME:
      return true;
    case GUMBO_TAG_ASIDE:
      return !in_article_element;
    case GUMBO_TAG_HTML: case GUMBO_TAG_BODY: case GUMBO_TAG_MAIN: case GUMBO_TAG_ARTICLE:
      return false;
    default:
      break;
  }
  static const std::array<std::string_view, 16> words{
      "comment", "comments", "sidebar", "related", "recommended", "recommendations", "popular",
      "trending", "mostread", "outbrain", "taboola", "disqus", "respond", "reply", "replies",
      "latest"};
  bool furniture = contains_any(cls, {"most-read"});
  for (const std::string& head : token_heads(cls))
    for (std::string_view w : words)
      furniture = furniture || head == w;
  return furniture && !holds_h1(node, 0);
}

// A modified date, never the publication date: "updated", "modified" unless the class
// also says published ("date updated published").
bool modified(const std::string& cls, std::string_view itemprop) {
  if (core::to_lower(itemprop) == "datemodified") return true;
  return contains_any(cls, {"updated", "modified", "update"}) && !contains_any(cls, {"publi"});
}

// Appends the text under NODE to OUT; false when it grows beyond kMaxText.
bool text_of(const GumboNode* node, std::string& out, int depth) {
  if (depth > kMaxDepth) return true;
  if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE) {
    out += node->v.text.text;
    out += ' ';
    return out.size() <= kMaxText * 4;  // before collapsing spaces
  }
  if (node->type != GUMBO_NODE_ELEMENT) return true;
  GumboTag tag = node->v.element.tag;
  if (tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE) return true;
  const GumboVector& kids = node->v.element.children;
  for (unsigned i = 0; i < kids.length; ++i)
    if (!text_of(static_cast<const GumboNode*>(kids.data[i]), out, depth + 1)) return false;
  return true;
}

// NODE's text collapsed, or "" when longer than kMaxText or holding no digit.
std::string short_text(const GumboNode* node) {
  std::string raw;
  if (!text_of(node, raw, 0)) return "";
  std::string t = core::collapse_space(raw);
  if (t.size() > kMaxText) return "";
  for (char c : t)
    if (std::isdigit(static_cast<unsigned char>(c))) return t;
  return "";
}

// Class/id parts that name a date line.
bool date_class(const std::string& cls) {
  return contains_any(cls, {"date", "datum", "fecha", "time", "publi", "posted", "byline",
                            "dateline", "meta", "author"});
}

struct Walk {
  HtmlHead& head;

  void add(std::string kind, std::string_view text) {
    if (!core::trim(text).empty()) head.dates.push_back({std::move(kind), std::string(text)});
  }

  // IN_ARTICLE: inside <article>, <main> or an article's markup; IN_ARTICLE_ELEMENT: inside
  // an <article> (or itemprop=articleBody), where an <aside> belongs to the article.
  void visit(const GumboNode* node, bool in_article, bool in_article_element, int depth) {
    if (depth > kMaxDepth || node->type != GUMBO_NODE_ELEMENT) return;
    const GumboElement& el = node->v.element;
    if (el.tag_namespace != GUMBO_NAMESPACE_HTML) return;
    const std::string cls = class_id(node);
    if (skipped(node, cls, in_article_element)) return;
    const std::string_view itemprop = attr(node, "itemprop");
    // An element marked modified/updated is not read, but a landmark so marked ("<main
    // id=updates>") still holds the article's own dates.
    const bool landmark = el.tag == GUMBO_TAG_BODY || el.tag == GUMBO_TAG_MAIN ||
                          el.tag == GUMBO_TAG_ARTICLE || el.tag == GUMBO_TAG_HTML;
    if (modified(cls, itemprop) && !landmark) return;
    if (el.tag == GUMBO_TAG_LINK) {
      if (core::to_lower(attr(node, "rel")) == "canonical") add("canonical", attr(node, "href"));
      return;
    }
    if (el.tag == GUMBO_TAG_META) return;  // read by the extractor's scan
    std::string_view itemtype = attr(node, "itemtype");
    in_article_element = in_article_element || el.tag == GUMBO_TAG_ARTICLE ||
                         itemprop == "articleBody";
    in_article = in_article || in_article_element || el.tag == GUMBO_TAG_MAIN ||
                 core::to_lower(attr(node, "role")) == "main" ||
                 itemprop == "articleBody" || itemtype.ends_with("Article") ||
                 itemtype.ends_with("BlogPosting");
    std::string value;
    for (const char* a : {"content", "datetime", "title"})
      if (value.empty()) value = std::string(core::trim(attr(node, a)));
    if (itemprop == "datePublished" || itemprop == "dateCreated") {
      if (value.empty()) value = short_text(node);
      add(itemprop == "datePublished" ? "itemprop" : "itemprop-created", value);
    }
    if (el.tag == GUMBO_TAG_TIME) {
      std::string when(core::trim(attr(node, "datetime")));
      if (when.empty()) when = short_text(node);
      const bool pubdate = has_attr(node, "pubdate") || contains_any(cls, {"publish", "posted"});
      add(pubdate ? "time-pubdate" : in_article ? "time-article" : "time", when);
      return;
    }
    if (date_class(cls) && el.tag != GUMBO_TAG_BODY && el.tag != GUMBO_TAG_HTML) {
      std::string title(core::trim(attr(node, "title")));
      const char* kind = in_article ? "date-class-article" : "date-class";
      if (auto text = short_text(node); !text.empty())
        add(kind, find_written_date(title) ? title : text);
      else if (find_written_date(title))
        add(kind, title);
    }
    for (unsigned i = 0; i < el.children.length; ++i)
      visit(static_cast<const GumboNode*>(el.children.data[i]), in_article, in_article_element,
            depth + 1);
  }
};

}  // namespace

bool date_furniture(const GumboInternalNode* node) {
  return node && node->type == GUMBO_NODE_ELEMENT && skipped(node, class_id(node), true);
}

void collect_dates(const GumboInternalNode* root, HtmlHead& head) {
  if (root) Walk{head}.visit(root, false, false, 0);
}

}  // namespace cqc::indexer
