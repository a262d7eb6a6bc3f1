// lead_text: the top of a page from its headline on, with the byline and date line that
// its main text may leave out (html_content.hpp).
#include <algorithm>
#include <initializer_list>

#include "core/text.hpp"
#include "indexer/html_content.hpp"
#include "indexer/html_dom.hpp"
#include "indexer/html_head.hpp"

namespace cqc::indexer::html {
namespace {

constexpr std::size_t kMaxLead = 12;     // paragraphs of lead at most
constexpr std::size_t kKickers = 2;      // short lines kept just before the headline
constexpr std::size_t kKickerBytes = 80;  // and no longer than this

std::string norm(std::string_view s) { return core::to_lower(core::collapse_space(s)); }

// True when paragraph P is the main text's first paragraph F (or starts like it: the main
// text may leave out a link or a caption inside it).
bool same_start(const std::string& p, const std::string& f) {
  if (p == f) return true;
  const std::size_t n = std::min<std::size_t>(60, f.size());
  return n >= 20 && p.size() >= n && p.compare(0, n, f, 0, n) == 0;
}

}  // namespace

Lead lead_text(const GumboNode* body, std::initializer_list<std::string_view> headlines,
               std::string_view first) {
  std::vector<std::string> hs;
  for (std::string_view h : headlines)
    if (std::string n = norm(h); !n.empty()) hs.push_back(std::move(n));
  const std::string f = norm(first);
  if (!body || f.empty()) return {};
  const std::vector<std::string> paras = render(body, false, [](const GumboNode* n, bool) {
    if (invisible(n)) return true;
    const GumboTag t = n->v.element.tag;
    if (t == GUMBO_TAG_NAV || t == GUMBO_TAG_FOOTER || t == GUMBO_TAG_ASIDE) return true;
    return t == GUMBO_TAG_FORM || t == GUMBO_TAG_BUTTON || date_furniture(n);
  });
  std::size_t start = paras.size(), head = paras.size();
  for (std::size_t i = 0; i < paras.size(); ++i) {
    const std::string low = norm(paras[i]);
    if (same_start(low, f)) {
      start = i;
      break;
    }
    if (std::find(hs.begin(), hs.end(), low) != hs.end()) head = i;  // the last one counts
  }
  if (start == paras.size()) return {};
  Lead out;
  const std::size_t anchor = head < start ? head : start;
  if (head < start) {
    const std::size_t to = std::min(paras.size(), head + kMaxLead);
    out.top.assign(paras.begin() + static_cast<std::ptrdiff_t>(head),
                   paras.begin() + static_cast<std::ptrdiff_t>(to));
  }
  for (std::size_t i = anchor; i > 0 && anchor - i < kKickers; --i) {
    if (paras[i - 1].size() > kKickerBytes) break;
    out.kicker.push_back(paras[i - 1]);  // the nearest first
  }
  return out;
}

}  // namespace cqc::indexer::html
