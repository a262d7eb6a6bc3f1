// Compacting the index after a full build (indexer/compact.hpp): every document and docid
// kept, the folders exchanged atomically, the write locks held, readers moved to the new one.
#include <doctest/doctest.h>

#include <xapian.h>

#include <filesystem>
#include <map>

#include "archive/archive.hpp"
#include "core/error.hpp"
#include "indexer/compact.hpp"
#include "indexer/indexer.hpp"
#include "indexer/shards.hpp"
#include "search/search.hpp"
#include "temp_dir.hpp"

using namespace cqc;
using cqc::test::TempDir;
namespace fs = std::filesystem;

namespace {

// An archive of N report pages, each with its own words and some shared ones.
void fill(archive::Archive& arc, const TempDir& tmp, int first, int n) {
  for (int i = first; i < first + n; ++i) {
    std::string body = "<html><head><title>Ward report " + std::to_string(i) +
                       "</title></head><body><article><h1>Inspection of ward " + std::to_string(i) + "</h1><p>";
    for (int w = 0; w < 400; ++w) body += "staffing" + std::to_string((w * 13 + i) % 211) + " seclusion ";
    body += "</p></article></body></html>";
    const std::string name = "page" + std::to_string(i) + ".html";
    arc.import_file(tmp.write("in/" + name, body), "https://example.org/" + name, "text/html");
  }
}

// Every document of the index at DIR by docid, as Xapian serialises it.
std::map<Xapian::docid, std::string> documents(const std::string& dir) {
  Xapian::Database db(dir);
  std::map<Xapian::docid, std::string> out;
  for (auto p = db.postlist_begin(""); p != db.postlist_end(""); ++p) out[*p] = db.get_document(*p).serialise();
  return out;
}

indexer::IndexOptions options(bool compact, std::size_t shards = 0) {
  indexer::IndexOptions o;
  o.workers = 1;
  o.compact = compact;
  o.shards = shards;
  return o;
}

}  // namespace

TEST_CASE("compaction keeps every document under its docid, in one database or shards") {
  TempDir tmp;
  archive::Archive arc(tmp / "arc", archive::Mode::read_write);
  fill(arc, tmp, 0, 30);
  for (std::size_t shards : {1, 3}) {
    CAPTURE(shards);
    const std::string dir = tmp / ("index" + std::to_string(shards));
    const auto built = indexer::index_archive(arc, dir, options(false, shards));
    const auto before = documents(dir);
    REQUIRE(before.size() == built.documents);
    REQUIRE(before.size() >= 30);
    const auto sizes = indexer::compact_index(dir);
    CHECK(sizes.after < sizes.before);
    CHECK(sizes.after > 0);
    CHECK(documents(dir) == before);
    CHECK(indexer::shard_count(dir) == shards);
    CHECK_FALSE(fs::exists(dir + ".compact"));
    // Still an index the indexer writes to: a new capture goes in, the old ones stay.
    fill(arc, tmp, 100 + static_cast<int>(shards), 1);
    const auto sum = indexer::index_archive(arc, dir, options(false));
    CHECK(sum.indexed == 1);
    CHECK(sum.documents == built.documents + 1);
  }
}

TEST_CASE("a first build is compacted, a small incremental run is not, a grown index again") {
  TempDir tmp;
  archive::Archive arc(tmp / "arc", archive::Mode::read_write);
  fill(arc, tmp, 0, 20);
  const std::string dir = tmp / "index";
  const auto first = indexer::index_archive(arc, dir, options(true));
  CHECK(first.bytes_compacted > 0);
  CHECK(first.bytes_compacted < first.bytes_as_built);
  fill(arc, tmp, 20, 2);
  const auto second = indexer::index_archive(arc, dir, options(true));
  CHECK(second.indexed == 2);
  CHECK(second.bytes_compacted == 0);
  indexer::IndexOptions rebuild = options(true);
  rebuild.rebuild = true;
  const auto third = indexer::index_archive(arc, dir, rebuild);
  CHECK(third.documents == 22);
  CHECK(third.bytes_compacted > 0);
  CHECK_FALSE(fs::exists(dir + ".rebuild.compact"));
  // A run that leaves the index larger than compact_growth times its compacted size compacts.
  CHECK_FALSE(indexer::compaction_due(dir, 1.0, 1 << 20));  // not 1 MiB more yet
  fill(arc, tmp, 22, 2);
  indexer::IndexOptions eager = options(true);
  eager.compact_growth = 1.0;
  eager.compact_growth_bytes = 0;
  const auto fourth = indexer::index_archive(arc, dir, eager);
  CHECK(fourth.indexed == 2);
  CHECK(fourth.bytes_compacted > 0);
  CHECK_FALSE(indexer::compaction_due(tmp / "nowhere", 1.0, 0));
}

TEST_CASE("compaction waits for no writer: a held index is left as it was, and leftovers are cleared") {
  TempDir tmp;
  archive::Archive arc(tmp / "arc", archive::Mode::read_write);
  fill(arc, tmp, 0, 5);
  const std::string dir = tmp / "index";
  indexer::index_archive(arc, dir, options(false));
  const auto before = documents(dir);
  {
    Xapian::WritableDatabase writer(dir, Xapian::DB_OPEN);
    CHECK_THROWS_AS(indexer::compact_index(dir), core::Fatal);
  }
  CHECK(documents(dir) == before);
  CHECK_FALSE(fs::exists(dir + ".compact"));
  fs::create_directories(dir + ".compact/half-written");  // what a killed compaction left
  indexer::compact_index(dir);
  CHECK(documents(dir) == before);
  CHECK_FALSE(fs::exists(dir + ".compact"));
  CHECK_THROWS_AS(indexer::compact_index(tmp / "nowhere"), core::Fatal);
}

TEST_CASE("a searcher opened before the index was replaced moves to the new one") {
  TempDir tmp;
  archive::Archive arc(tmp / "arc", archive::Mode::read_write);
  fill(arc, tmp, 0, 6);
  const std::string dir = tmp / "index", other = tmp / "other";
  indexer::index_archive(arc, dir, options(false));
  search::Searcher s(dir);
  search::SearchRequest req;
  req.query = "seclusion";
  CHECK(s.search(req).total == 6);
  // The same index compacted: the same answers, read from the new folder.
  indexer::compact_index(dir);
  CHECK(s.reopen());
  CHECK(s.database().get_uuid() == Xapian::Database(dir).get_uuid());
  CHECK(s.search(req).total == 6);
  CHECK_FALSE(s.reopen());
  // Another index put in its place at the same revision number: Xapian's own reopen() would
  // not look, the path's new folder is what tells.
  fill(arc, tmp, 6, 2);
  indexer::index_archive(arc, other, options(false));
  indexer::compact_index(other);  // a compacted database's revisions start at 1
  REQUIRE(Xapian::Database(other).get_revision() == Xapian::Database(dir).get_revision());
  fs::rename(dir, tmp / "old");
  fs::rename(other, dir);
  CHECK(s.reopen());
  const auto r = s.search(req);
  CHECK(r.total == 8);
  CHECK(r.facets[3].name == "year");
}
