#include "search/snippet.hpp"

#include "core/text.hpp"

namespace cqc::search {
namespace {

size_t count_marks(const std::string& s) {
  size_t n = 0;
  for (size_t p = s.find("<mark>"); p != std::string::npos; p = s.find("<mark>", p + 1)) ++n;
  return n;
}

}  // namespace

std::pair<std::string, int> best_snippet(const Xapian::MSet& mset, const std::string& text,
                                         const std::vector<int>& pages, const Xapian::Stem& stem) {
  const unsigned flags = Xapian::MSet::SNIPPET_BACKGROUND_MODEL | Xapian::MSet::SNIPPET_EXHAUSTIVE;
  auto parts = core::split(text, '\f');
  std::string best;
  size_t best_marks = 0;
  int best_page = pages.empty() ? 0 : pages.front();
  for (size_t i = 0; i < parts.size(); ++i) {
    const std::string page_text = core::collapse_space(parts[i]);
    if (page_text.empty()) continue;
    std::string s = mset.snippet(page_text, kSnippetLength, stem, flags, "<mark>", "</mark>", "…");
    const size_t marks = count_marks(s);
    if (best.empty() || marks > best_marks) {
      best = std::move(s);
      best_marks = marks;
      best_page = i < pages.size() ? pages[i] : 0;
    }
  }
  return {best, best_page};
}

}  // namespace cqc::search
