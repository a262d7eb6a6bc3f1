// Private to the HTML extractor: text statistics of a page's elements and the scoring that
// finds its main content (steps 1-3 of the method in html_content.hpp).
#pragma once
#include <gumbo.h>

#include <cstddef>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace cqc::indexer::html {

constexpr std::size_t kMinBlock = 25;  // characters a text block needs to count as prose

// What an element holds, summed over its visible subtree.
struct Info {
  std::size_t chars = 0;          // visible characters (code points, white space excluded)
  std::size_t link_chars = 0;     // of which inside <a>
  std::size_t commas = 0;         // ',' and the full-width, ideographic and Arabic commas
  std::size_t good = 0;           // characters of prose blocks (>= kMinBlock, links < half)
  std::size_t landmark_good = 0;  // the most prose of one content landmark inside (or this)
  std::size_t images = 0;         // <img> elements
  std::size_t links = 0;          // <a> elements
  std::size_t articles = 0;       // <article> elements, this one included
  double score = 0;               // paragraph scores propagated up from the blocks below
  std::size_t order = 0;          // position in document order, from 1
  std::size_t last = 0;           // order of the last element of the subtree
};

// Visible characters and commas of UTF-8 TEXT, counted as Info counts them (added to the
// two counters).
void count_text(std::string_view text, std::size_t& chars, std::size_t& commas);

class PageStats {
 public:
  // Measures every visible element under BODY and scores the prose blocks.
  explicit PageStats(const GumboNode* body);

  // The statistics of NODE; all zero for an element never measured (hidden).
  const Info& at(const GumboNode* node) const;
  // NODE's final score: propagated score plus tag and class/id weights, scaled by 1 - link
  // density; 0 when no prose scored it.
  double final_score(const GumboNode* node) const;
  // The best candidate for the content, moved up to an ancestor holding several near-best
  // candidates or scoring higher (never into an ancestor holding other articles); when it is
  // in an <article>, another article with 1.5 times its prose replaces it. nullptr when no
  // element holds prose.
  const GumboNode* best() const;
  // TOP and the siblings that join it (scoring at least a fifth of TOP, and 10), in document
  // order; a sibling holding an <article> of its own never joins.
  std::vector<const GumboNode*> pieces(const GumboNode* top) const;
  // The element with the most prose and the least other text (nullptr when none).
  const GumboNode* densest() const;
  // The body it measured.
  const GumboNode* body() const { return body_; }

 private:
  struct Block {
    const GumboNode* owner = nullptr;
    std::size_t chars = 0, link_chars = 0, commas = 0;
  };
  Info measure(const GumboNode* node, bool in_link, int depth, Block& block);
  void score_blocks();
  bool other_articles(const GumboNode* ancestor, const GumboNode* top) const;

  const GumboNode* body_;
  std::size_t counter_ = 0;
  std::unordered_map<const GumboNode*, Info> info_;
  std::vector<Block> blocks_;
};

// True when N is an element node.
inline bool element(const GumboNode* n) { return n && n->type == GUMBO_NODE_ELEMENT; }

// Part / whole, 0 for an empty whole.
inline double density(std::size_t part, std::size_t whole) {
  return whole ? static_cast<double>(part) / static_cast<double>(whole) : 0.0;
}

}  // namespace cqc::indexer::html
