// Hand-written documents for the metadata unit tests: an HTML page or a PDF report built from
// paragraphs, and the fields compared as "a;b;c" strings so that failures print their values.
#pragma once
#include <string>
#include <vector>

#include "indexer/extract.hpp"
#include "indexer/metadata.hpp"

namespace cqc::test {

using Strings = std::vector<std::string>;

// "a;b;c".
inline std::string list(const Strings& items) {
  std::string out;
  for (const auto& i : items) out += (out.empty() ? "" : ";") + i;
  return out;
}

// An extracted HTML page: PARAS[0] is the title, the rest its paragraphs; SITE_NAME is the
// markup's og:site_name.
inline indexer::Extraction html_page(const Strings& paras, const std::string& site_name = "") {
  indexer::Extraction x;
  x.format = "html";
  x.title = paras.empty() ? "" : paras[0];
  std::string text;
  for (size_t i = 1; i < paras.size(); ++i) text += (text.empty() ? "" : "\n\n") + paras[i];
  x.pages.push_back({0, text});
  x.meta.site_name = site_name;
  return x;
}

// The metadata of html_page(PARAS) served at URI.
inline indexer::Metadata page_metadata(const Strings& paras,
                                       const std::string& uri = "https://news.example.org/story.html") {
  return indexer::extract_metadata(html_page(paras), uri);
}

// "question=rating;..." of MD's key-question ratings, in order.
inline std::string key_questions(const indexer::Metadata& md) {
  std::string out;
  for (const auto& q : md.key_question_ratings)
    out += (out.empty() ? "" : ";") + q.question + "=" + q.rating;
  return out;
}

}  // namespace cqc::test
