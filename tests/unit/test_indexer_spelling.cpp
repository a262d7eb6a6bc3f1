// Spelling data ("did you mean"): the writer counts each document's words and hands them to
// Xapian once per word at commit, with the same frequencies as one call per document.
#include <doctest/doctest.h>

#include <xapian.h>

#include "indexer/shard_writer.hpp"
#include "indexer/spelling_tally.hpp"
#include "temp_dir.hpp"

using namespace cqc;
using cqc::test::TempDir;

namespace {

Xapian::Document doc_with(std::initializer_list<const char*> terms) {
  Xapian::Document d;
  for (const char* t : terms) d.add_term(t);
  return d;
}

// WORD's frequency in DB's spelling data (0 when absent).
Xapian::doccount spelling_freq(const Xapian::Database& db, const std::string& word) {
  for (auto w = db.spellings_begin(); w != db.spellings_end(); ++w)
    if (*w == word) return w.get_termfreq();
  return 0;
}

}  // namespace

TEST_CASE("spelling tally: document frequencies of plain words, stored at flush") {
  TempDir dir;
  Xapian::WritableDatabase db(dir / "db", Xapian::DB_CREATE);
  indexer::SpellingTally tally;
  tally.add(doc_with({"seclusion", "restraint", "ward", "Zseclus", "2019", "ab", "naïve"}));
  tally.add(doc_with({"seclusion", "ward"}));
  CHECK(tally.size() == 3);  // the stem, the number, the short word and the accented one left out
  CHECK(spelling_freq(db, "seclusion") == 0);
  tally.flush(db);
  CHECK(tally.size() == 0);
  CHECK(spelling_freq(db, "seclusion") == 2);
  CHECK(spelling_freq(db, "restraint") == 1);
  CHECK(spelling_freq(db, "ward") == 2);
  CHECK(spelling_freq(db, "ab") == 0);
  CHECK(spelling_freq(db, "2019") == 0);

  indexer::add_spelling_words(db, doc_with({"seclusion"}));  // the one-document shortcut
  CHECK(spelling_freq(db, "seclusion") == 3);
}

TEST_CASE("spelling tally: a shard writer's commit includes the words, and so does its close") {
  TempDir dir;
  const std::string path = dir / "shard";
  {
    indexer::ShardWriter w(path);
    w.replace(1, doc_with({"seclusion", "restraint"}).serialise());
    w.replace(2, doc_with({"seclusion"}).serialise());
    w.commit();
    Xapian::Database r(path);
    CHECK(r.get_doccount() == 2);
    CHECK(spelling_freq(r, "seclusion") == 2);
    CHECK(spelling_freq(r, "restraint") == 1);
    w.replace(3, doc_with({"tribunal"}).serialise());  // not committed: the writer's close does it
  }
  Xapian::Database r(path);
  CHECK(r.get_doccount() == 3);
  CHECK(spelling_freq(r, "tribunal") == 1);
  // Suggestions read the data: a misspelling finds the word.
  CHECK(r.get_spelling_suggestion("seclsuion") == "seclusion");
}
