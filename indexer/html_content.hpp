// Private to the HTML extractor: the main text of a page, chosen by scoring blocks of text.
#pragma once
#include <gumbo.h>

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace cqc::indexer::html {

// The paragraphs of the main content under BODY (the page's <body>, or its document node).
//
// Method (in the family of readability and trafilatura, written for this project):
//  1. Every run of text between block boundaries is a text block; its visible characters,
//     characters inside links and commas are counted, and every element sums its subtree
//     (html_score.hpp).
//  2. Each block of at least 25 characters, less than half links, scores 1 + commas +
//     min(chars / 100, 3), less its share of link text; the score goes to the block's
//     container, half to the next ancestor and a sixth, a ninth, ... further up, never past
//     an <article> (an article's text is its own, not its listing's).
//  3. An element's score is that sum plus a tag weight and class/id hints (+/-25), scaled by
//     1 - its link density. The best element wins; it moves up to an ancestor that holds
//     several near-best candidates or scores higher (never into one holding other
//     articles), or over to another <article> with 1.5 times the prose of its own; siblings
//     that score well join it. When an <article> around it adds little other prose, the
//     article is rendered from its start to the end of the content, so the standfirst and
//     byline come along and the tags, author notes and comments after the content do not.
//  4. Rendering leaves out page furniture: hidden elements, <footer>, figures and captions,
//     class/id/role furniture (navigation, share bars, comments, adverts, cookie notices,
//     related links), link lists, short labels, boxes hinted as furniture, and paragraphs
//     that are 80 % link text. An element holding a content landmark (<article>, <main>,
//     articleBody) with a quarter of the prose, or half the prose, is never dropped by these
//     rules, whatever its class says.
//  5. When the result is tiny beside the page's prose (under an eighth), the densest block
//     (most prose, least other text) is used instead; a page without prose gives its body
//     without furniture, and failing that all of its visible text.
std::vector<std::string> main_text(const GumboNode* body);

// The first paragraphs of the page in its own order from its headline on, for the
// publication date: the headline (the first paragraph equal to one of HEADLINES, such as the
// first <h1>'s text and the title; "" entries ignored) with up to two short lines just
// before it (a kicker or date line), then standfirst, byline, date line and whatever follows,
// including labels ("Datum:") that the main text leaves out; at most 12 paragraphs. Empty
// when the main text's first paragraph FIRST is not found among the page's paragraphs, when
// no headline comes before it, or when the main text starts at or before the headline.
// Hidden elements, scripts, <nav>, <aside>, <footer> and forms are not rendered.
std::vector<std::string> lead_text(const GumboNode* body,
                                   std::initializer_list<std::string_view> headlines,
                                   std::string_view first);

}  // namespace cqc::indexer::html
