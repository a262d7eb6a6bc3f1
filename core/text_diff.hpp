// What changed between two versions of a document's text (issue 12, point 6): paragraphs
// added, removed and altered, with the words that changed inside an altered paragraph.
// Used by `cqc-archive history URL --diff` and the server's diff page.
#pragma once
#include <cstddef>
#include <string>
#include <vector>

namespace cqc::core {

// One word of an altered paragraph.
struct WordChange {
  enum class Kind { same, removed, added } kind = Kind::same;
  std::string word;
};

// One paragraph of the comparison.
struct DiffPart {
  enum class Kind { same, removed, added, altered } kind = Kind::same;
  std::string before;  // same, removed, altered: the earlier paragraph (white space collapsed)
  std::string after;   // same, added, altered: the later one
  std::vector<WordChange> words;  // altered only: the merged word sequence
};

struct TextDiff {
  std::vector<DiffPart> parts;  // every paragraph of both texts, in reading order
  std::size_t added = 0, removed = 0, altered = 0, same = 0;  // paragraphs of each kind
  bool identical() const { return added == 0 && removed == 0 && altered == 0; }
};

// Paragraphs of PAGES: split at blank lines (and, inside a block of more than 600 bytes with
// no blank line, at line ends, as PDF text often has none), white space collapsed, empty
// ones dropped.
std::vector<std::string> paragraphs(const std::vector<std::string>& pages);

// Compares BEFORE and AFTER (each a document's pages). Paragraphs that appear in both are
// matched (unique paragraphs anchor the match, as in patience diff; the runs between anchors
// are compared exactly when small, else replaced whole); a removed paragraph and an added one
// at the same place with at least 40 % of their words in common become one altered paragraph.
TextDiff diff_texts(const std::vector<std::string>& before, const std::vector<std::string>& after);

}  // namespace cqc::core
