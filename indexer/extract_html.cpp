// HTML extractor: gumbo's HTML5 parser, main text without page furniture, and the page's
// own metadata (html_head.hpp, metadata_markup.cpp).
#include <gumbo.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <unordered_set>

#include "core/text.hpp"
#include "indexer/extract.hpp"
#include "indexer/html_head.hpp"

namespace cqc::indexer {
namespace {

constexpr int kMaxDepth = 400;  // deeper nesting is ignored rather than overflowing the stack

std::string_view attr(const GumboNode* node, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&node->v.element.attributes, name);
  return a ? std::string_view(a->value) : std::string_view();
}

// Elements never shown as text, wherever they are.
bool hidden_tag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_NAV: case GUMBO_TAG_ASIDE: case GUMBO_TAG_IFRAME: case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED: case GUMBO_TAG_CANVAS: case GUMBO_TAG_AUDIO: case GUMBO_TAG_VIDEO:
    case GUMBO_TAG_BUTTON: case GUMBO_TAG_SELECT: case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_INPUT:
    case GUMBO_TAG_MENU: case GUMBO_TAG_HEAD:
      return true;
    default:
      return false;
  }
}

bool block_tag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_MAIN: case GUMBO_TAG_HEADER: case GUMBO_TAG_FOOTER: case GUMBO_TAG_H1:
    case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6:
    case GUMBO_TAG_UL: case GUMBO_TAG_OL: case GUMBO_TAG_LI: case GUMBO_TAG_DL: case GUMBO_TAG_DT:
    case GUMBO_TAG_DD: case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_PRE: case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TR: case GUMBO_TAG_CAPTION: case GUMBO_TAG_FIGURE: case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_HR: case GUMBO_TAG_DETAILS: case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_FIELDSET: case GUMBO_TAG_FORM: case GUMBO_TAG_CENTER: case GUMBO_TAG_BODY:
      return true;
    default:
      return false;
  }
}

// Words in class/id values that mark page furniture (after splitting on - and _).
bool furniture_word(std::string_view w) {
  static const std::unordered_set<std::string_view> words{
      "sidebar", "related", "cookie", "cookies", "comment", "comments", "advert", "adverts",
      "advertisement", "ad", "ads", "share", "sharing", "social", "menu", "breadcrumb",
      "breadcrumbs", "nav", "navbar", "navigation", "newsletter", "promo", "popular", "trending",
      "skip", "widget", "widgets", "masthead", "subscribe", "signup", "disqus", "latestnews",
      "mostread", "outbrain", "taboola", "recommended"};
  return words.contains(w);
}

// Whole class/id tokens that mark furniture although no single word does.
bool furniture_token(std::string_view t) {
  static const std::unordered_set<std::string_view> tokens{
      "latest-news", "latest_news", "most-read", "more-stories", "sr-only", "visually-hidden",
      "visuallyhidden", "screen-reader-text", "read-next", "see-also"};
  return tokens.contains(t);
}

// Whether the class/id/role of NODE marks it as furniture. HEADER_FOOTER reports
// class/role words "header"/"footer", which are furniture only outside the content.
bool furniture_attrs(const GumboNode* node, bool& header_footer) {
  std::string role = core::to_lower(attr(node, "role"));
  if (role == "navigation" || role == "complementary" || role == "search" || role == "menu" ||
      role == "menubar" || role == "dialog" || role == "alertdialog")
    return true;
  if (role == "banner" || role == "contentinfo") header_footer = true;
  if (attr(node, "hidden").data() != nullptr || attr(node, "aria-hidden") == "true") return true;
  std::string style = core::to_lower(attr(node, "style"));
  if (style.find("display:none") != std::string::npos ||
      style.find("display: none") != std::string::npos)
    return true;
  for (const char* name : {"class", "id"}) {
    const std::string value = core::collapse_space(core::to_lower(attr(node, name)));
    for (std::string_view token : core::split(value, ' ')) {
      if (token.empty()) continue;
      if (furniture_token(token)) return true;
      std::string words(token);
      std::replace(words.begin(), words.end(), '_', '-');
      for (std::string_view w : core::split(words, '-')) {
        if (furniture_word(w)) return true;
        if (w == "header" || w == "footer") header_footer = true;
      }
    }
  }
  return false;
}

// True when NODE is page furniture. IN_CONTENT: inside an article/main landmark, where
// <header> and <footer> belong to the article. CLASS_RULES: judge class/id/role too.
bool furniture(const GumboNode* node, bool in_content, bool class_rules) {
  const GumboElement& el = node->v.element;
  if (el.tag_namespace != GUMBO_NAMESPACE_HTML || hidden_tag(el.tag)) return true;
  bool header_footer = el.tag == GUMBO_TAG_HEADER || el.tag == GUMBO_TAG_FOOTER;
  bool by_attrs = class_rules && furniture_attrs(node, header_footer);
  return by_attrs || (header_footer && !in_content);
}

// Renders the visible text under a node as paragraphs.
struct Walker {
  bool class_rules = true;  // false: only tag rules (fallback when class rules empty a page)
  std::vector<std::string> paras;
  std::string cur;
  bool space = false;

  void flush() {
    std::string_view t = core::trim(cur);
    if (!t.empty()) paras.emplace_back(t);
    cur.clear();
    space = false;
  }
  void text(std::string_view s) {
    for (size_t i = 0; i < s.size(); ++i) {
      unsigned char c = static_cast<unsigned char>(s[i]);
      bool nbsp = c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0;
      if (std::isspace(c) || nbsp) {
        space = true;
        i += nbsp ? 1 : 0;
        continue;
      }
      if (space && !cur.empty() && cur.back() != '\n') cur.push_back(' ');
      space = false;
      cur.push_back(static_cast<char>(c));
    }
  }
  void walk(const GumboNode* node, bool in_content, int depth) {
    if (depth > kMaxDepth) return;
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE ||
        node->type == GUMBO_NODE_CDATA) {
      text(node->v.text.text);
      return;
    }
    if (node->type != GUMBO_NODE_ELEMENT) return;  // comments, templates
    if (depth > 0 && furniture(node, in_content, class_rules)) return;
    const GumboElement& el = node->v.element;
    if (el.tag == GUMBO_TAG_BR) {
      if (!cur.empty() && cur.back() != '\n') cur.push_back('\n');
      space = false;
      return;
    }
    bool block = block_tag(el.tag);
    if (block) flush();
    if (el.tag == GUMBO_TAG_TD || el.tag == GUMBO_TAG_TH) space = true;
    in_content = in_content || el.tag == GUMBO_TAG_ARTICLE || el.tag == GUMBO_TAG_MAIN ||
                 core::to_lower(attr(node, "role")) == "main";
    for (unsigned i = 0; i < el.children.length; ++i)
      walk(static_cast<const GumboNode*>(el.children.data[i]), in_content, depth + 1);
    if (block) flush();
  }
};

std::vector<std::string> render(const GumboNode* root, bool class_rules) {
  Walker w;
  w.class_rules = class_rules;
  w.walk(root, false, 0);
  w.flush();
  return std::move(w.paras);
}

size_t length(const std::vector<std::string>& paras) {
  size_t n = 0;
  for (const auto& p : paras) n += p.size();
  return n;
}

// Finds <title>, <meta>, JSON-LD scripts, <body> and content landmark candidates.
struct Scan {
  HtmlHead head;
  const GumboNode* body = nullptr;
  const GumboNode* first_h1 = nullptr;
  std::vector<const GumboNode*> articles;  // <article>, itemprop=articleBody
  std::vector<const GumboNode*> mains;     // <main>, role=main

  void visit(const GumboNode* node, bool in_furniture, int depth) {
    if (depth > kMaxDepth || node->type != GUMBO_NODE_ELEMENT) return;
    const GumboElement& el = node->v.element;
    if (el.tag_namespace != GUMBO_NAMESPACE_HTML) return;  // <svg><title> is not the title
    std::string_view role = attr(node, "role");
    if (el.tag == GUMBO_TAG_TITLE && head.title.empty()) {
      std::string t;
      for (unsigned i = 0; i < el.children.length; ++i) {
        auto* child = static_cast<const GumboNode*>(el.children.data[i]);
        if (child->type == GUMBO_NODE_TEXT || child->type == GUMBO_NODE_WHITESPACE)
          t += child->v.text.text;
      }
      head.title = core::collapse_space(t);
    } else if (el.tag == GUMBO_TAG_META) {
      std::string_view key = attr(node, "property");
      if (key.empty()) key = attr(node, "name");
      if (key.empty()) key = attr(node, "itemprop");
      if (!key.empty())
        head.metas.emplace_back(core::to_lower(core::trim(key)), attr(node, "content"));
    } else if (el.tag == GUMBO_TAG_SCRIPT &&
               core::to_lower(core::trim(attr(node, "type"))) == "application/ld+json") {
      std::string json;
      for (unsigned i = 0; i < el.children.length; ++i) {
        auto* child = static_cast<const GumboNode*>(el.children.data[i]);
        if (child->type == GUMBO_NODE_TEXT || child->type == GUMBO_NODE_WHITESPACE ||
            child->type == GUMBO_NODE_CDATA)
          json += child->v.text.text;
      }
      head.json_ld.push_back(std::move(json));
    } else if (el.tag == GUMBO_TAG_BODY && !body) {
      body = node;
    }
    in_furniture = in_furniture || (el.tag != GUMBO_TAG_BODY && el.tag != GUMBO_TAG_HTML &&
                                    el.tag != GUMBO_TAG_HEAD && furniture(node, true, true));
    if (!in_furniture) {
      if (el.tag == GUMBO_TAG_ARTICLE || attr(node, "itemprop") == "articleBody")
        articles.push_back(node);
      else if (el.tag == GUMBO_TAG_MAIN || core::to_lower(role) == "main")
        mains.push_back(node);
      else if (el.tag == GUMBO_TAG_H1 && !first_h1)
        first_h1 = node;
    }
    for (unsigned i = 0; i < el.children.length; ++i)
      visit(static_cast<const GumboNode*>(el.children.data[i]), in_furniture, depth + 1);
  }
};

// The text of the page's main content: the largest <article> when it holds a fair share of
// the text, else the largest <main>, else <body>.
std::vector<std::string> main_text(const Scan& scan, const GumboNode* document) {
  auto best = [](const std::vector<const GumboNode*>& nodes) {
    std::vector<std::string> top;
    for (const GumboNode* n : nodes)
      if (auto paras = render(n, true); length(paras) > length(top)) top = std::move(paras);
    return top;
  };
  std::vector<std::string> whole = render(scan.body ? scan.body : document, true);
  std::vector<std::string> main = best(scan.mains);
  const std::vector<std::string>& outer = length(main) > 0 ? main : whole;
  std::vector<std::string> article = best(scan.articles);
  if (length(article) > 0 && length(article) * 10 >= length(outer) * 4) return article;
  if (length(main) > 0) return main;
  if (length(whole) > 0) return whole;
  return render(scan.body ? scan.body : document, false);  // class rules hid everything
}

// Byte offset of the first byte that makes TEXT invalid UTF-8 (same rules as valid_utf8).
size_t invalid_utf8_offset(std::string_view text) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  for (size_t i = 0; i < text.size();) {
    unsigned char c = s[i];
    size_t len = c < 0x80 ? 1 : c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3
                 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
    if (len == 0 || i + len > text.size() || !core::valid_utf8(text.substr(i, len))) return i;
    i += len;
  }
  return text.size();
}

class HtmlExtractor final : public Extractor {
 public:
  std::string_view name() const override { return "html"; }
  core::Result<Extraction> extract(std::string_view bytes) const override {
    if (!core::valid_utf8(bytes))
      return core::Failure{"invalid UTF-8 at byte " + std::to_string(invalid_utf8_offset(bytes))};
    if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
    if (core::trim(bytes).empty()) return core::Failure{"empty HTML document"};
    std::unique_ptr<GumboOutput, void (*)(GumboOutput*)> out(
        gumbo_parse_with_options(&kGumboDefaultOptions, bytes.data(), bytes.size()),
        [](GumboOutput* o) { gumbo_destroy_output(&kGumboDefaultOptions, o); });
    if (!out) return core::Failure{"HTML parser failed"};
    Scan scan;
    scan.visit(out->root, false, 0);
    collect_dates(out->root, scan.head);
    std::vector<std::string> paras = main_text(scan, out->document);
    Extraction x;
    x.format = "html";
    x.meta = markup_meta(scan.head);
    if (scan.first_h1)
      for (const std::string& p : render(scan.first_h1, false))
        scan.head.h1 += (scan.head.h1.empty() ? "" : " ") + p;
    x.title = choose_title(scan.head, x.meta);
    std::string text;
    for (const std::string& p : paras) text += (text.empty() ? "" : "\n\n") + p;
    if (text.empty()) return core::Failure{"HTML has no visible text"};
    x.pages.push_back(Page{0, std::move(text)});
    return x;
  }
};

}  // namespace

const Extractor& html_extractor() {
  static const HtmlExtractor instance;
  return instance;
}

}  // namespace cqc::indexer
