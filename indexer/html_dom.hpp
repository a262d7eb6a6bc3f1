// Private to the HTML extractor: what gumbo elements mean for the text of a page (hidden,
// block, landmark, furniture by class/id/role, class hints) and the rendering of a subtree as
// paragraphs. Shared by extract_html.cpp (head, title) and html_content.cpp (main text).
#pragma once
#include <gumbo.h>

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace cqc::indexer::html {

constexpr int kMaxDepth = 400;  // deeper nesting is ignored rather than overflowing the stack

// The value of attribute NAME of element NODE, "" when absent.
std::string_view attr(const GumboNode* node, const char* name);

// Elements never shown as text, wherever they are (script, style, nav, aside, forms' controls,
// media, <head>).
bool hidden_tag(GumboTag tag);

// Elements that start and end a paragraph of text.
bool block_tag(GumboTag tag);

// True when the element is not displayed: a hidden tag, a non-HTML element, the hidden
// attribute, aria-hidden="true" or an inline display:none.
bool invisible(const GumboNode* node);

// True for the content landmarks: <article>, <main>, role="main", itemprop="articleBody".
bool landmark(const GumboNode* node);

// Whether the class/id/role of NODE names page furniture (navigation, sidebars, share bars,
// comments, adverts, cookie notices, related links, captions, photo credits, galleries, ...):
// by whole words (split at '-', '_' and camelCase) or, for a few long words, anywhere in a
// token ("inlinegallery"). HEADER_FOOTER is set when a class/id/role word says
// "header"/"footer", which is furniture only outside the content.
bool furniture_attrs(const GumboNode* node, bool& header_footer);

// A weight from NODE's class and id words: +25 for each attribute naming content (article,
// body, content, entry, post, story, text, ...), -25 for each naming furniture. A hint for
// scoring, never a reason to drop an element by itself.
int class_weight(const GumboNode* node);

// Renders the visible text under ROOT as paragraphs (one per block element, white space
// collapsed, <br> a line break). SKIP(node, in_content) says whether an element below ROOT is
// left out; IN_CONTENT tells it whether the element is inside an article/main landmark.
// DROP_LINKS leaves out paragraphs whose text is (80 % or more) link text: link lists,
// tags, "read more" lines.
std::vector<std::string> render(
    const GumboNode* root, bool in_content,
    const std::function<bool(const GumboNode*, bool in_content)>& skip, bool drop_links = false);

// Total bytes of PARAS.
std::size_t length(const std::vector<std::string>& paras);

}  // namespace cqc::indexer::html
