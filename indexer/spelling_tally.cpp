#include "indexer/spelling_tally.hpp"

#include <algorithm>

namespace cqc::indexer {
namespace {

bool spelling_word(const std::string& term) {
  if (term.size() < 3 || term.size() > 30) return false;
  return std::all_of(term.begin(), term.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

}  // namespace

void SpellingTally::add(const Xapian::Document& doc) {
  for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
    std::string term = *t;
    if (spelling_word(term)) ++counts_[std::move(term)];
  }
}

void SpellingTally::flush(Xapian::WritableDatabase& db) {
  for (const auto& [word, n] : counts_) db.add_spelling(word, n);
  counts_.clear();
}

void add_spelling_words(Xapian::WritableDatabase& db, const Xapian::Document& doc) {
  SpellingTally tally;
  tally.add(doc);
  tally.flush(db);
}

}  // namespace cqc::indexer
