// HTML extractor: the page decoded to UTF-8 (charset.hpp), parsed by gumbo's HTML5 parser,
// its main text by block scoring (html_content.hpp) and its own metadata (html_head.hpp,
// metadata_markup.cpp).
#include <gumbo.h>

#include <initializer_list>
#include <memory>

#include "core/text.hpp"
#include "indexer/charset.hpp"
#include "indexer/extract.hpp"
#include "indexer/html_depth.hpp"
#include "indexer/html_content.hpp"
#include "indexer/html_dom.hpp"
#include "indexer/html_head.hpp"

namespace cqc::indexer {
namespace {

using html::attr;
using html::kMaxDepth;

// True when NODE is page furniture for the head scan: hidden, or furniture by its class, id
// or role (only the first <h1> outside furniture is the page's heading).
bool furniture(const GumboNode* node) {
  if (html::invisible(node)) return true;
  bool header_footer = false;
  return html::furniture_attrs(node, header_footer);
}

// Finds <title>, <meta>, JSON-LD scripts, <body> and the first <h1> outside furniture.
struct Scan {
  HtmlHead head;
  const GumboNode* body = nullptr;
  const GumboNode* first_h1 = nullptr;

  void visit(const GumboNode* node, bool in_furniture, int depth) {
    if (depth > kMaxDepth || node->type != GUMBO_NODE_ELEMENT) return;
    const GumboElement& el = node->v.element;
    if (el.tag_namespace != GUMBO_NAMESPACE_HTML) return;  // <svg><title> is not the title
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
                                    el.tag != GUMBO_TAG_HEAD && furniture(node));
    if (!in_furniture && el.tag == GUMBO_TAG_H1 && !first_h1) first_h1 = node;
    for (unsigned i = 0; i < el.children.length; ++i)
      visit(static_cast<const GumboNode*>(el.children.data[i]), in_furniture, depth + 1);
  }
};

// PARAS without a leading paragraph that repeats the headline (one of HEADLINES, compared
// without case and white space): it is the document's title, not its text.
std::vector<std::string> without_headline(std::vector<std::string> paras,
                                          std::initializer_list<std::string_view> headlines) {
  auto norm = [](std::string_view s) { return core::to_lower(core::collapse_space(s)); };
  const std::size_t lead = std::min<std::size_t>(paras.size(), 4);  // headline, kicker, byline...
  for (std::size_t i = 0; i < lead; ++i) {
    const std::string p = norm(paras[i]);
    for (std::string_view h : headlines) {
      if (!h.empty() && p == norm(h)) {
        paras.erase(paras.begin() + static_cast<std::ptrdiff_t>(i));
        return paras;
      }
    }
  }
  return paras;
}

class HtmlExtractor final : public Extractor {
 public:
  std::string_view name() const override { return "html"; }
  core::Result<Extraction> extract(std::string_view bytes,
                                   std::string_view content_type) const override {
    if (core::trim(bytes).empty()) return core::Failure{"empty HTML document"};
    const Decoded page = decode_html(bytes, content_type);
    if (core::trim(page.text).empty()) return core::Failure{"empty HTML document"};
    if (const std::size_t depth = container_depth(page.text); depth > kMaxHtmlNesting)
      return core::Failure{"HTML nests elements " + std::to_string(depth) + " deep (more than " +
                           std::to_string(kMaxHtmlNesting) + "): not parsed"};
    std::unique_ptr<GumboOutput, void (*)(GumboOutput*)> out(
        gumbo_parse_with_options(&kGumboDefaultOptions, page.text.data(), page.text.size()),
        [](GumboOutput* o) { gumbo_destroy_output(&kGumboDefaultOptions, o); });
    if (!out) return core::Failure{"HTML parser failed"};
    Scan scan;
    scan.visit(out->root, false, 0);
    collect_dates(out->root, scan.head);
    std::vector<std::string> paras = html::main_text(scan.body ? scan.body : out->root);
    Extraction x;
    x.format = "html";
    x.meta = markup_meta(scan.head);
    if (scan.first_h1)
      for (const std::string& p : html::render(scan.first_h1, false, [](auto*, bool) { return false; }))
        scan.head.h1 += (scan.head.h1.empty() ? "" : " ") + p;
    x.title = choose_title(scan.head, x.meta);
    std::string text;
    paras = without_headline(std::move(paras), {x.title, scan.head.h1});
    for (const std::string& p : paras) text += (text.empty() ? "" : "\n\n") + p;
    if (!paras.empty() && scan.body) {
      const html::Lead lead =
          html::lead_text(scan.body, {scan.head.h1, x.title, x.meta.headline}, paras.front());
      for (const std::string& p : lead.top) x.lead += (x.lead.empty() ? "" : "\n\n") + p;
      for (const std::string& p : lead.kicker) x.kicker += (x.kicker.empty() ? "" : "\n\n") + p;
    }
    // A page without visible text (built by scripts) still has its title, dates and description.
    if (text.empty() && x.title.empty() && !x.meta.published.known() && x.meta.description.empty())
      return core::Failure{"HTML has no visible text, title, date or description"};
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
