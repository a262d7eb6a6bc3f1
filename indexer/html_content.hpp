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

// The top of a page around the start of its main text, for the publication date.
struct Lead {
  // The page's paragraphs in its own order from its headline on (the last paragraph before
  // the main text equal to one of the headlines): standfirst, byline, date line and what
  // follows, labels such as "Datum:" that the main text leaves out included; at most 12.
  std::vector<std::string> top;
  // Up to two short lines (80 bytes at most) just before that headline, or before the main
  // text when no headline precedes it: a kicker or a date line. The nearest comes first.
  std::vector<std::string> kicker;
};

// The Lead of the page under BODY whose main text starts with the paragraph FIRST;
// HEADLINES are the first <h1>'s text, the title, ... ("" entries ignored). Empty when FIRST
// is not found among the page's paragraphs. Hidden elements, scripts, <nav>, <aside>,
// <footer>, forms and date furniture (html_head.hpp, date_furniture: comments, sidebars,
// related stories) are not rendered (html_lead.cpp).
Lead lead_text(const GumboNode* body, std::initializer_list<std::string_view> headlines,
               std::string_view first);

}  // namespace cqc::indexer::html
