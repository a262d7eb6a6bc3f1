// Documents for search tests, built as the indexer builds them (indexer/document_builder.hpp),
// and the first hit of a search of them.
#pragma once
#include <doctest/doctest.h>
#include <xapian.h>

#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/schema.hpp"
#include "indexer/document_builder.hpp"
#include "search/search.hpp"

namespace cqc::test {

// Adds a document (a PDF report when it has several pages) to DB.
inline void add(Xapian::WritableDatabase& db, const std::string& uri, const std::string& title,
                const std::vector<std::string>& pages, const std::vector<std::string>& trusts = {},
                int year = 2019, const std::string& published = "") {
  archive::Capture c;
  c.id = static_cast<std::int64_t>(db.get_lastdocid() + 1);
  c.uri = uri;
  c.mime = pages.size() > 1 ? "application/pdf" : "text/html";
  c.digest = "sha1:" + uri;
  indexer::Extraction e;
  e.format = pages.size() > 1 ? "pdf" : "html";
  e.title = title;
  int n = 1;
  for (const auto& p : pages) e.pages.push_back({pages.size() > 1 ? n++ : 0, p});
  indexer::Metadata m;
  m.kind = pages.size() > 1 ? "report" : "press";
  m.trusts = trusts;
  m.year = year;
  if (!published.empty()) m.published = *core::parse_iso_date(published);
  db.replace_document("Q" + schema::document_id(uri), indexer::build_document(c, e, m));
}

// A parser like search's for DB: English stemming of unquoted words (STEM_SOME).
inline Xapian::QueryParser english_parser(const Xapian::Database& db, const Xapian::Stem& stem) {
  Xapian::QueryParser parser;
  parser.set_database(db);
  parser.set_stemmer(stem);
  parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
  return parser;
}

// The first hit of a search for Q in the index at DIR (there must be one).
inline search::Hit first_hit(const std::string& dir, const std::string& q) {
  search::Searcher s(dir);
  search::SearchRequest req;
  req.query = q;
  auto r = s.search(req);
  REQUIRE_MESSAGE(!r.hits.empty(), q);
  return r.hits[0];
}

}  // namespace cqc::test
