// The spelling words ("did you mean", Xapian's spelling data) of the documents a writer adds,
// counted in a hash table and handed to Xapian once per word before each commit.
//
// Xapian's WritableDatabase::add_spelling looks each call up in an ordered map of the words
// changed since the last commit: one call per word per document cost 14 % of the writer
// thread's CPU (perf, HTML half of the benchmark corpus). The tally makes that one call per
// distinct word per commit; the frequencies stored are the same.
#pragma once
#include <cstdint>
#include <string>
#include <unordered_map>

#include <xapian.h>

namespace cqc::indexer {

class SpellingTally {
 public:
  // Counts DOC's plain words (3-30 letters a-z, each once per document).
  void add(const Xapian::Document& doc);
  // Adds every counted word to DB's spelling data (add_spelling with its count) and forgets
  // them. Call before DB.commit(): words not flushed are not in the commit.
  void flush(Xapian::WritableDatabase& db);
  // Distinct words waiting for flush().
  std::size_t size() const { return counts_.size(); }

 private:
  std::unordered_map<std::string, std::uint32_t> counts_;
};

// Adds DOC's plain words straight to DB's spelling data, as SpellingTally::add then flush.
void add_spelling_words(Xapian::WritableDatabase& db, const Xapian::Document& doc);

}  // namespace cqc::indexer
