// Text statistics and block scoring of a page's elements (html_score.hpp).
#include "indexer/html_score.hpp"

#include <algorithm>

#include "indexer/html_dom.hpp"

namespace cqc::indexer::html {
namespace {

GumboTag tag_of(const GumboNode* n) { return n->v.element.tag; }

// True when a block's text is prose: long enough, and not mostly links.
bool prose(std::size_t chars, std::size_t link_chars) {
  return chars >= kMinBlock && link_chars * 2 < chars;
}

// Containers whose own text scores themselves (paragraph-like blocks score their parent).
bool container(GumboTag t) {
  return t == GUMBO_TAG_DIV || t == GUMBO_TAG_SECTION || t == GUMBO_TAG_ARTICLE ||
         t == GUMBO_TAG_MAIN || t == GUMBO_TAG_BODY || t == GUMBO_TAG_TD || t == GUMBO_TAG_FORM ||
         t == GUMBO_TAG_CENTER;
}

int tag_weight(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_DIV: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_MAIN: return 5;
    case GUMBO_TAG_PRE: case GUMBO_TAG_TD: case GUMBO_TAG_BLOCKQUOTE: return 3;
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_OL: case GUMBO_TAG_UL: case GUMBO_TAG_DL:
    case GUMBO_TAG_DD: case GUMBO_TAG_DT: case GUMBO_TAG_LI: case GUMBO_TAG_FORM: return -3;
    case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4:
    case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_TH: return -5;
    default: return 0;
  }
}

bool inside(const GumboNode* n, const GumboNode* ancestor) {
  for (; n; n = n->parent)
    if (n == ancestor) return true;
  return false;
}

std::size_t element_children(const GumboNode* n) {
  std::size_t k = 0;
  for (unsigned i = 0; i < n->v.element.children.length; ++i)
    k += element(static_cast<const GumboNode*>(n->v.element.children.data[i]));
  return k;
}

}  // namespace

void count_text(std::string_view s, std::size_t& chars, std::size_t& commas) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || (c & 0xC0) == 0x80) continue;
    if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) continue;
    ++chars;
    if (c == ',' || s.substr(i, 3) == "\xEF\xBC\x8C" || s.substr(i, 3) == "\xE3\x80\x81" ||
        s.substr(i, 2) == "\xD8\x8C")
      ++commas;
  }
}

PageStats::PageStats(const GumboNode* body) : body_(body) {
  Block top{body};
  measure(body, false, 0, top);
  score_blocks();
}

const Info& PageStats::at(const GumboNode* n) const {
  static const Info none;
  auto it = info_.find(n);
  return it == info_.end() ? none : it->second;
}

Info PageStats::measure(const GumboNode* node, bool in_link, int depth, Block& block) {
  Info out;
  if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA) {
    count_text(node->v.text.text, out.chars, out.commas);
    if (in_link) out.link_chars = out.chars;
    block.chars += out.chars;
    block.link_chars += out.link_chars;
    block.commas += out.commas;
    return out;
  }
  if (!element(node) || depth > kMaxDepth || invisible(node)) return out;
  out.order = ++counter_;
  const GumboElement& el = node->v.element;
  const bool owner = block_tag(el.tag) || el.tag == GUMBO_TAG_TD || el.tag == GUMBO_TAG_TH;
  Block own{node};
  Block& b = owner ? own : block;
  in_link = in_link || el.tag == GUMBO_TAG_A;
  for (unsigned i = 0; i < el.children.length; ++i) {
    Info c = measure(static_cast<const GumboNode*>(el.children.data[i]), in_link, depth + 1, b);
    out.chars += c.chars;
    out.link_chars += c.link_chars;
    out.commas += c.commas;
    out.good += c.good;
    out.images += c.images;
    out.links += c.links;
    out.articles += c.articles;
    out.landmark_good = std::max(out.landmark_good, c.landmark_good);
  }
  out.images += el.tag == GUMBO_TAG_IMG;
  out.links += el.tag == GUMBO_TAG_A;
  out.articles += el.tag == GUMBO_TAG_ARTICLE;
  if (owner && own.chars > 0) {
    blocks_.push_back(own);
    if (prose(own.chars, own.link_chars)) out.good += own.chars;
  }
  if (landmark(node)) out.landmark_good = std::max(out.landmark_good, out.good);
  out.last = counter_;
  info_[node] = out;
  return out;
}

void PageStats::score_blocks() {
  for (const Block& b : blocks_) {
    if (!prose(b.chars, b.link_chars)) continue;
    const double s = (1.0 + static_cast<double>(b.commas) +
                      std::min(static_cast<double>(b.chars) / 100.0, 3.0)) *
                     (1.0 - density(b.link_chars, b.chars));
    const GumboNode* n = container(tag_of(b.owner)) ? b.owner : b.owner->parent;
    for (int level = 0; level < 5 && element(n) && info_.contains(n); ++level, n = n->parent) {
      info_[n].score += s / (level == 0 ? 1.0 : level == 1 ? 2.0 : level * 3.0);
      if (n == body_ || tag_of(n) == GUMBO_TAG_ARTICLE) break;  // an article's text is its own
    }
  }
}

double PageStats::final_score(const GumboNode* n) const {
  const Info& i = at(n);
  if (i.score <= 0) return 0;
  return (i.score + tag_weight(tag_of(n)) + class_weight(n)) * (1.0 - density(i.link_chars, i.chars));
}

// True when ANCESTOR holds an <article> that is neither TOP's nor around it: climbing there
// would merge separate articles (a story and its teasers).
bool PageStats::other_articles(const GumboNode* ancestor, const GumboNode* top) const {
  std::size_t around = 0;
  for (const GumboNode* n = top->parent; element(n); n = n->parent) {
    around += tag_of(n) == GUMBO_TAG_ARTICLE;
    if (n == ancestor) break;
  }
  return at(ancestor).articles > at(top).articles + around;
}

const GumboNode* PageStats::best() const {
  std::vector<std::pair<double, const GumboNode*>> ranked;
  for (const auto& [node, i] : info_)
    if (double s = final_score(node); s > 0) ranked.emplace_back(s, node);
  if (ranked.empty()) return nullptr;
  std::sort(ranked.begin(), ranked.end(), [&](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : at(a.second).order < at(b.second).order;
  });
  const GumboNode* top = ranked[0].second;
  const double top_score = ranked[0].first;
  // An ancestor holding three or more of the near-best candidates is the content.
  std::vector<const GumboNode*> near;
  for (std::size_t k = 1; k < std::min<std::size_t>(ranked.size(), 5); ++k)
    if (ranked[k].first >= 0.75 * top_score) near.push_back(ranked[k].second);
  if (near.size() >= 3) {
    for (const GumboNode* a = top->parent; element(a) && a != body_ && !other_articles(a, top);
         a = a->parent) {
      if (std::count_if(near.begin(), near.end(), [&](auto* n) { return inside(n, a); }) >= 3) {
        top = a;
        break;
      }
    }
  }
  // Climb while ancestors keep a fair score; take one that scores higher.
  double last = final_score(top);
  const double floor = last / 3;
  for (const GumboNode* a = top->parent; element(a) && a != body_ && !other_articles(a, top);
       a = a->parent) {
    if (at(a).score <= 0) continue;
    const double s = final_score(a);
    if (s < floor) break;
    if (s > last) {
      top = a;
      break;
    }
    last = s;
  }
  // Articles are self-contained: one with half as much prose again as TOP's own article
  // (and no articles inside) is the main one, however its classes score.
  const GumboNode* own = top;
  while (element(own) && own != body_ && tag_of(own) != GUMBO_TAG_ARTICLE) own = own->parent;
  if (element(own) && tag_of(own) == GUMBO_TAG_ARTICLE) {
    const GumboNode* longest = nullptr;
    for (const auto& [node, i] : info_)
      if (tag_of(node) == GUMBO_TAG_ARTICLE && i.articles == 1 && 2 * i.good >= 3 * at(own).good &&
          (!longest || i.good > at(longest).good))
        longest = node;
    if (longest) top = longest;
  }
  // A lone child stands for its parent.
  while (top != body_ && element(top->parent) && top->parent != body_ &&
         element_children(top->parent) == 1)
    top = top->parent;
  return top;
}

std::vector<const GumboNode*> PageStats::pieces(const GumboNode* top) const {
  if (top == body_ || !element(top->parent)) return {top};
  const double top_score = final_score(top);
  const double threshold = std::max(10.0, top_score * 0.2);
  const std::string_view top_class = attr(top, "class");
  std::vector<const GumboNode*> out;
  const GumboElement& parent = top->parent->v.element;
  for (unsigned k = 0; k < parent.children.length; ++k) {
    auto* s = static_cast<const GumboNode*>(parent.children.data[k]);
    if (!element(s) || invisible(s)) continue;
    const Info& i = at(s);
    if (s != top && i.articles > 0) continue;  // another article (a teaser, a related story)
    const double bonus = !top_class.empty() && attr(s, "class") == top_class ? top_score * 0.2 : 0;
    if (s == top || (i.score > 0 && final_score(s) + bonus >= threshold)) out.push_back(s);
  }
  return out;
}

const GumboNode* PageStats::densest() const {
  const GumboNode* best = nullptr;
  double best_value = 0;
  for (const auto& [node, i] : info_) {
    const double value = static_cast<double>(i.good) - static_cast<double>(i.chars - i.good);
    if (value > best_value || (value == best_value && best && i.order > at(best).order)) {
      best = node;
      best_value = value;
    }
  }
  return best;
}

}  // namespace cqc::indexer::html
