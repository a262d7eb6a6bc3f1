#include "indexer/html_depth.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

namespace cqc::indexer {
namespace {

// Elements a parser closes only at their own end tag (or an ancestor's).
// (Not span or font: old pages leave those open by the thousand.)
constexpr std::array<std::string_view, 16> kContainers = {
    "div",  "section", "article", "aside",    "nav",     "header", "footer", "main",
    "table", "form",   "figure",  "fieldset", "details", "dl",     "ul",     "blockquote"};

bool is_container(std::string_view name) {
  return std::find(kContainers.begin(), kContainers.end(), name) != kContainers.end();
}

}  // namespace

std::size_t container_depth(std::string_view html) {
  std::size_t depth = 0, deepest = 0;
  std::string name;
  for (std::size_t i = html.find('<'); i != std::string_view::npos && i + 1 < html.size(); i = html.find('<', i + 1)) {
    if (html.compare(i, 4, "<!--") == 0) {  // a comment: skip to its end
      const std::size_t end = html.find("-->", i + 4);
      if (end == std::string_view::npos) break;
      i = end;
      continue;
    }
    const bool closing = html[i + 1] == '/';
    std::size_t j = i + (closing ? 2 : 1);
    name.clear();
    while (j < html.size() && name.size() < 16 && std::isalnum(static_cast<unsigned char>(html[j])))
      name.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(html[j++]))));
    if (name.empty()) continue;
    if (!closing && (name == "script" || name == "style")) {  // their text is not markup
      const std::size_t end = html.find("</" + name, j);
      if (end == std::string_view::npos) break;
      i = end;
      continue;
    }
    if (!is_container(name)) continue;
    if (closing) {
      if (depth) --depth;
      continue;
    }
    const std::size_t gt = html.find('>', j);
    if (gt != std::string_view::npos && gt > j && html[gt - 1] == '/') continue;  // <div/>
    deepest = std::max(deepest, ++depth);
  }
  return deepest;
}

}  // namespace cqc::indexer
