// What gumbo elements mean for a page's text, and rendering a subtree as paragraphs.
#include "indexer/html_dom.hpp"

#include <cctype>
#include <unordered_set>

#include "core/text.hpp"

namespace cqc::indexer::html {
namespace {

// Words of a class or id value: split at anything not a letter or digit and where a lower-case
// letter meets an upper-case one ("storyBody" -> story, body), then lower-cased.
std::vector<std::string> words_of(std::string_view value) {
  std::vector<std::string> out;
  std::string cur;
  for (size_t i = 0; i < value.size(); ++i) {
    const auto c = static_cast<unsigned char>(value[i]);
    const bool camel = std::isupper(c) && i > 0 && std::islower(static_cast<unsigned char>(value[i - 1]));
    if (!std::isalnum(c) || camel) {
      if (!cur.empty()) out.push_back(std::move(cur));
      cur.clear();
      if (!std::isalnum(c)) continue;
    }
    cur.push_back(static_cast<char>(std::tolower(c)));
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

// Words in class/id values that mark page furniture.
bool furniture_word(std::string_view w) {
  static const std::unordered_set<std::string_view> words{
      "sidebar", "related", "cookie", "cookies", "comment", "comments", "advert", "adverts",
      "advertisement", "ad", "ads", "share", "sharing", "menu", "breadcrumb",
      "breadcrumbs", "nav", "navbar", "navigation", "newsletter", "promo", "popular", "trending",
      "skip", "widget", "widgets", "masthead", "subscribe", "signup", "disqus", "latestnews",
      "mostread", "outbrain", "taboola", "recommended", "consent", "gdpr", "sponsored", "caption",
      "captions", "credit", "credits"};
  return words.contains(w);
}

// Whole class/id tokens (lower-cased) that mark furniture although no single word does.
bool furniture_token(std::string_view t) {
  static const std::unordered_set<std::string_view> tokens{
      "latest-news", "latest_news", "most-read", "more-stories", "sr-only", "visually-hidden",
      "visuallyhidden", "screen-reader-text", "read-next", "see-also"};
  if (tokens.contains(t)) return true;
  // Long furniture words run into other words ("inlinegallery", "relatedposts").
  for (std::string_view part : {"sidebar", "gallery", "slideshow", "related", "newsletter",
                                "breadcrumb", "advert", "cookie", "caption"})
    if (t.find(part) != std::string_view::npos) return true;
  return false;
}

// Words in class/id values that hint at the article itself.
bool content_word(std::string_view w) {
  static const std::unordered_set<std::string_view> words{
      "article", "articlebody", "body", "content", "entry", "hentry", "main", "post", "story",
      "text", "prose", "blog", "storybody", "postbody", "richtext"};
  return words.contains(w);
}

// Words that hint at furniture for scoring (furniture words and a few softer ones).
bool negative_word(std::string_view w) {
  static const std::unordered_set<std::string_view> words{
      "footer", "footnote", "banner", "byline", "author", "meta", "tags", "tag", "caption",
      "popup", "modal", "contact", "shop", "shopping", "teaser", "teasers", "rail", "more",
      "social", "photo", "photos", "image", "images", "img", "media", "gallery", "credit", "credits"};
  return furniture_word(w) || words.contains(w);
}

}  // namespace

std::string_view attr(const GumboNode* node, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&node->v.element.attributes, name);
  return a ? std::string_view(a->value) : std::string_view();
}

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

bool invisible(const GumboNode* node) {
  const GumboElement& el = node->v.element;
  if (el.tag_namespace != GUMBO_NAMESPACE_HTML || hidden_tag(el.tag)) return true;
  if (attr(node, "hidden").data() != nullptr || attr(node, "aria-hidden") == "true") return true;
  std::string style = core::to_lower(attr(node, "style"));
  return style.find("display:none") != std::string::npos ||
         style.find("display: none") != std::string::npos;
}

bool landmark(const GumboNode* node) {
  const GumboTag tag = node->v.element.tag;
  return tag == GUMBO_TAG_ARTICLE || tag == GUMBO_TAG_MAIN ||
         core::to_lower(attr(node, "role")) == "main" || attr(node, "itemprop") == "articleBody";
}

bool furniture_attrs(const GumboNode* node, bool& header_footer) {
  std::string role = core::to_lower(attr(node, "role"));
  if (role == "navigation" || role == "complementary" || role == "search" || role == "menu" ||
      role == "menubar" || role == "dialog" || role == "alertdialog")
    return true;
  if (role == "banner" || role == "contentinfo") header_footer = true;
  for (const char* name : {"class", "id"}) {
    const std::string_view raw = attr(node, name);
    if (raw.empty()) continue;  // most elements: nothing to split
    const std::string value = core::collapse_space(core::to_lower(raw));
    for (std::string_view token : core::split(value, ' '))  // views into VALUE
      if (furniture_token(token)) return true;
    for (const std::string& w : words_of(raw)) {
      if (furniture_word(w)) return true;
      if (w == "header" || w == "footer") header_footer = true;
    }
  }
  return false;
}

int class_weight(const GumboNode* node) {
  int weight = 0;
  for (const char* name : {"class", "id"}) {
    bool good = false, bad = false;
    for (const std::string& w : words_of(attr(node, name))) {
      good = good || content_word(w);
      bad = bad || negative_word(w);
    }
    weight += (good ? 25 : 0) - (bad ? 25 : 0);
  }
  return weight;
}

namespace {

// std::isspace in the "C" locale the program runs in, without the call (once per character).
bool ascii_space(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

// Renders visible text as paragraphs.
struct Walker {
  Walker(const std::function<bool(const GumboNode*, bool)>& s, bool d) : skip(s), drop_links(d) {}
  const std::function<bool(const GumboNode*, bool)>& skip;
  bool drop_links;
  std::vector<std::string> paras;
  std::string cur;
  bool space = false;
  int in_link = 0;                          // depth of <a> elements around the text
  std::size_t chars = 0, link_chars = 0;   // visible characters of CUR, and inside links

  void flush() {
    std::string_view t = core::trim(cur);
    const bool links_only = drop_links && link_chars * 10 >= chars * 8;
    if (!t.empty() && !links_only) paras.emplace_back(t);
    cur.clear();
    space = false;
    chars = link_chars = 0;
  }
  void text(std::string_view s) {
    for (size_t i = 0; i < s.size(); ++i) {
      unsigned char c = static_cast<unsigned char>(s[i]);
      bool nbsp = c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0;
      if (ascii_space(c) || nbsp) {
        space = true;
        i += nbsp ? 1 : 0;
        continue;
      }
      if (space && !cur.empty() && cur.back() != '\n') cur.push_back(' ');
      space = false;
      cur.push_back(static_cast<char>(c));
      if ((c & 0xC0) != 0x80) {
        ++chars;
        link_chars += in_link > 0;
      }
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
    if (depth > 0 && skip(node, in_content)) return;
    const GumboElement& el = node->v.element;
    if (el.tag == GUMBO_TAG_BR) {
      if (!cur.empty() && cur.back() != '\n') cur.push_back('\n');
      space = false;
      return;
    }
    bool block = block_tag(el.tag);
    if (block) flush();
    if (el.tag == GUMBO_TAG_TD || el.tag == GUMBO_TAG_TH) space = true;
    in_content = in_content || landmark(node);
    const bool link = el.tag == GUMBO_TAG_A;
    in_link += link;
    for (unsigned i = 0; i < el.children.length; ++i)
      walk(static_cast<const GumboNode*>(el.children.data[i]), in_content, depth + 1);
    in_link -= link;
    if (block) flush();
  }
};

}  // namespace

std::vector<std::string> render(const GumboNode* root, bool in_content,
                                const std::function<bool(const GumboNode*, bool)>& skip,
                                bool drop_links) {
  Walker w(skip, drop_links);
  w.walk(root, in_content, 0);
  w.flush();
  return std::move(w.paras);
}

std::size_t length(const std::vector<std::string>& paras) {
  std::size_t n = 0;
  for (const auto& p : paras) n += p.size();
  return n;
}

}  // namespace cqc::indexer::html
