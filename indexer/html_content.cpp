// The main text of an HTML page: the scored content (html_score.hpp) rendered without page
// furniture (html_content.hpp has the method).
#include "indexer/html_content.hpp"

#include <algorithm>
#include <cstdint>
#include <unordered_set>

#include "indexer/html_dom.hpp"
#include "indexer/html_score.hpp"

namespace cqc::indexer::html {
namespace {

// An enclosing <article> replaces the scored content when its other prose is at most
// kArticleSlack of the content's plus kArticleExtra characters (a headline, standfirst and
// byline, not other stories).
constexpr double kArticleSlack = 0.1;
constexpr double kArticleExtra = 300;

GumboTag tag_of(const GumboNode* n) { return n->v.element.tag; }

// What to render: ROOTS, without the elements after END (in document order) and without the
// siblings of TOP that did not join it.
struct Selection {
  std::vector<const GumboNode*> roots;
  const GumboNode* top = nullptr;
  std::unordered_set<const GumboNode*> pieces;  // TOP and the siblings that joined it
  std::size_t end = SIZE_MAX;
};

// The pieces of TOP, or the <article> around them when it adds only its heading and byline;
// then what comes after the pieces inside the article (tags, author notes, comments) is left out.
Selection choose(const PageStats& stats, const GumboNode* top) {
  Selection sel;
  sel.top = top;
  sel.roots = stats.pieces(top);
  sel.pieces.insert(sel.roots.begin(), sel.roots.end());
  std::size_t good = 0, end = 0;
  for (const GumboNode* p : sel.roots) {
    good += stats.at(p).good;
    end = std::max(end, stats.at(p).last);
  }
  for (const GumboNode* a = top->parent; element(a) && a != stats.body(); a = a->parent) {
    if (tag_of(a) != GUMBO_TAG_ARTICLE) continue;
    const double extra = static_cast<double>(stats.at(a).good - std::min(stats.at(a).good, good));
    if (extra <= kArticleSlack * static_cast<double>(good) + kArticleExtra) {
      sel.roots = {a};
      sel.end = end;
    }
    break;
  }
  return sel;
}

// True when every element directly inside N is a link (or an image or line break).
bool links_only(const GumboNode* n) {
  const GumboVector& kids = n->v.element.children;
  for (unsigned k = 0; k < kids.length; ++k) {
    auto* c = static_cast<const GumboNode*>(kids.data[k]);
    if (!element(c)) continue;
    const GumboTag t = tag_of(c);
    if (t != GUMBO_TAG_A && t != GUMBO_TAG_IMG && t != GUMBO_TAG_BR) return false;
  }
  return true;
}

// A container that is not prose: a list of links, a short label, a furniture-hinted box; or
// an inline run of several links inside prose (a pop-up card, a link list).
bool clutter(const GumboNode* n, const Info& i) {
  const GumboTag t = tag_of(n);
  if (!block_tag(t) && t != GUMBO_TAG_A)
    return i.links >= 3 && i.link_chars * 10 >= i.chars * 9 && links_only(n);
  const bool list = t == GUMBO_TAG_UL || t == GUMBO_TAG_OL || t == GUMBO_TAG_DL;
  const bool box = list || t == GUMBO_TAG_DIV || t == GUMBO_TAG_SECTION || t == GUMBO_TAG_TABLE ||
                   t == GUMBO_TAG_FORM || t == GUMBO_TAG_HEADER;
  if (!box || i.commas >= 10) return false;
  const double ld = density(i.link_chars, i.chars);
  const int weight = class_weight(n);
  if (ld > (weight >= 25 || list ? 0.5 : 0.33)) return true;
  if (!list && i.chars < kMinBlock && i.images == 0 && t != GUMBO_TAG_HEADER) return true;
  return weight < 0;
}

// Renders SEL without furniture. Ancestors of the top candidate and elements holding a good
// share of the prose (or a landmark that does) are kept whatever their class says.
std::vector<std::string> render_selection(const PageStats& stats, const Selection& sel) {
  std::size_t total = 0;
  for (const GumboNode* r : sel.roots) total += stats.at(r).good;
  std::unordered_set<const GumboNode*> keep;
  for (const GumboNode* n = sel.top; element(n); n = n->parent) keep.insert(n);
  std::size_t first = SIZE_MAX;  // the first piece
  for (const GumboNode* p : sel.pieces) first = std::min(first, stats.at(p).order);
  auto skip = [&](const GumboNode* n, bool in_content) {
    if (invisible(n)) return true;
    if (keep.contains(n)) return false;
    const Info& i = stats.at(n);
    if (sel.end != SIZE_MAX) {
      if (i.order > sel.end) return true;  // after the content, inside its article
      if (n->parent == sel.top->parent && !sel.pieces.contains(n) && i.order > first) return true;
    }
    if (i.landmark_good * 4 > total || i.good * 2 > total) return false;
    const GumboTag t = tag_of(n);
    bool header_footer = t == GUMBO_TAG_HEADER || t == GUMBO_TAG_FOOTER;
    if (furniture_attrs(n, header_footer)) return true;
    if (t == GUMBO_TAG_FOOTER || (header_footer && !in_content)) return true;
    if (t == GUMBO_TAG_FIGURE || t == GUMBO_TAG_FIGCAPTION) return true;  // images, captions
    return clutter(n, i);
  };
  std::vector<std::string> out;
  for (const GumboNode* r : sel.roots) {
    bool in_content = false;
    for (const GumboNode* a = r; element(a); a = a->parent) in_content = in_content || landmark(a);
    for (std::string& para : render(r, in_content, skip, true)) out.push_back(std::move(para));
  }
  return out;
}

std::size_t visible_chars(const std::vector<std::string>& paras) {
  std::size_t chars = 0, commas = 0;
  for (const auto& p : paras) count_text(p, chars, commas);
  return chars;
}

}  // namespace

std::vector<std::string> main_text(const GumboNode* body) {
  const PageStats stats(body);
  std::vector<std::string> paras;
  if (const GumboNode* top = stats.best()) paras = render_selection(stats, choose(stats, top));
  // Tiny beside the page's prose: the densest block instead.
  if (paras.empty() || visible_chars(paras) * 8 < stats.at(body).good) {
    if (const GumboNode* dense = stats.densest()) {
      Selection sel;
      sel.roots = {dense};
      sel.top = dense;
      std::vector<std::string> alt = render_selection(stats, sel);
      if (visible_chars(alt) > visible_chars(paras)) paras = std::move(alt);
    }
  }
  // No prose at all: the body without furniture, else all its visible text.
  if (paras.empty())
    paras = render(body, false, [](const GumboNode* n, bool in_content) {
      const GumboTag t = tag_of(n);
      bool header_footer = t == GUMBO_TAG_HEADER || t == GUMBO_TAG_FOOTER;
      return invisible(n) || furniture_attrs(n, header_footer) || (header_footer && !in_content);
    });
  if (paras.empty()) paras = render(body, false, [](const GumboNode* n, bool) { return invisible(n); });
  return paras;
}

}  // namespace cqc::indexer::html
