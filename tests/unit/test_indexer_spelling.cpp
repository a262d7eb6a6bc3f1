// Spelling data ("did you mean"): the shard writer adds each document's plain words, and its
// commits and its close keep them.
#include <doctest/doctest.h>

#include <xapian.h>

#include "indexer/shard_writer.hpp"
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

TEST_CASE("spelling words: plain words of a document, once each") {
  TempDir dir;
  Xapian::WritableDatabase db(dir / "db", Xapian::DB_CREATE);
  indexer::add_spelling_words(db, doc_with({"seclusion", "restraint", "ward", "Zseclus", "2019", "ab", "naïve"}));
  indexer::add_spelling_words(db, doc_with({"seclusion", "ward"}));
  db.commit();
  CHECK(spelling_freq(db, "seclusion") == 2);
  CHECK(spelling_freq(db, "restraint") == 1);
  CHECK(spelling_freq(db, "ward") == 2);
  for (const char* left_out : {"Zseclus", "2019", "ab", "naïve"}) CHECK(spelling_freq(db, left_out) == 0);
}

TEST_CASE("spelling words: a shard writer's commit includes the words, and so does its close") {
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
