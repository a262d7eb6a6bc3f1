// A split index (index --shards N) through the real binary on the sample corpus: the same
// answers as one database, documents where the hash says, docids no two shards share,
// incremental runs that change nothing, and --shards changed only by --rebuild.
#include <doctest/doctest.h>

#include <xapian.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include "core/schema.hpp"
#include "indexer/shards.hpp"
#include "archived.hpp"
#include "layout_queries.hpp"
#include "run_cli.hpp"

using namespace cqc::test;
namespace fs = std::filesystem;

namespace {

// What must be the same whichever layout answered: totals, facets, timeline, and the hits
// rank by rank (documents of equal score or date may swap places, so each rank is compared
// by its score and date and the page shown, and the set of documents as a whole).
struct Answer {
  std::uint64_t total = 0;
  std::string facets, timeline;
  std::vector<std::string> ranks;
  std::multiset<std::string> ids;
};

std::string to_json(const Poco::Dynamic::Var& v) {
  std::ostringstream out;
  Poco::JSON::Stringifier::stringify(v, out);
  return out.str();
}

Answer answer(const CliRun& r) {
  REQUIRE_MESSAGE(r.code == 0, r.err);
  auto o = r.json();
  Answer a;
  a.total = o->getValue<std::uint64_t>("total");
  a.facets = to_json(o->get("facets"));
  a.timeline = to_json(o->get("timeline"));
  auto hits = o->getArray("hits");
  for (unsigned i = 0; i < hits->size(); ++i) {
    auto h = hits->getObject(i);
    char score[32];
    std::snprintf(score, sizeof score, "%.6f", h->getValue<double>("score"));
    a.ranks.push_back(std::string(score) + " " + to_json(h->get("inspected")) + " " + to_json(h->get("published")));
    a.ids.insert(h->getValue<std::string>("id") + " page " + to_json(h->get("page")));
  }
  return a;
}

std::map<std::string, Answer> answers(const TempDir& tmp, const std::string& data) {
  std::map<std::string, Answer> out;
  for (const auto& q : kLayoutQueries) {
    std::vector<std::string> args = {"search", "--json"};
    args.insert(args.end(), q.begin(), q.end());
    std::string key;
    for (const auto& a : q) key += a + " ";
    out[key] = answer(run_cli(tmp, data, args));
  }
  return out;
}

}  // namespace

TEST_CASE("index --shards 3 answers every query as one database does") {
  TempDir tmp;
  const std::string data = tmp / "data";
  REQUIRE(run_cli(tmp, data, {"import", "--json", "--base-url", kBase, CQC_SAMPLE_DIR}).code == 0);
  auto one = run_cli(tmp, data, {"index", "--json"});
  REQUIRE(one.code == 0);
  const auto n = one.json()->getValue<std::uint64_t>("documents");
  REQUIRE(n >= 35);
  const auto single = answers(tmp, data);
  CHECK(single.at("seclusion ").total > 0);
  CHECK(single.at("trust:RMY ").total > 0);

  // Another number of shards needs a rebuild, and says so.
  auto refused = run_cli(tmp, data, {"index", "--shards", "3"});
  CHECK(refused.code != 0);
  CHECK(refused.err.find("--rebuild") != std::string::npos);

  auto rebuilt = run_cli(tmp, data, {"index", "--json", "--rebuild", "--shards", "3"});
  REQUIRE_MESSAGE(rebuilt.code == 0, rebuilt.err);
  CHECK(rebuilt.json()->getValue<std::uint64_t>("indexed") == n);
  CHECK(rebuilt.json()->getValue<std::uint64_t>("documents") == n);
  const std::string index = data + "/index";
  REQUIRE(cqc::indexer::shard_count(index) == 3);
  CHECK_FALSE(fs::exists(index + ".rebuild"));
  CHECK_FALSE(fs::exists(index + ".old"));

  // Each document in the shard its id hashes to, under the docid it has in one database.
  Xapian::doccount total = 0;
  std::set<Xapian::docid> docids;
  const auto paths = cqc::indexer::shard_paths(index, 3);
  for (std::size_t k = 0; k < 3; ++k) {
    Xapian::Database shard(paths[k]);
    CHECK(shard.get_doccount() > 0);
    total += shard.get_doccount();
    const std::string q(cqc::schema::kUniqueId);
    for (auto t = shard.allterms_begin(q); t != shard.allterms_end(q); ++t)
      CHECK(cqc::indexer::shard_of((*t).substr(q.size()), 3) == k);
    for (auto p = shard.postlist_begin(""); p != shard.postlist_end(""); ++p) CHECK(docids.insert(*p).second);
  }
  CHECK(total == n);
  CHECK(docids.size() == n);
  CHECK(*docids.rbegin() == n);  // 1 .. n, as written in one database

  const auto split = answers(tmp, data);
  for (const auto& [query, a] : single) {
    CAPTURE(query);
    const Answer& b = split.at(query);
    CHECK(b.total == a.total);
    CHECK(b.facets == a.facets);
    CHECK(b.timeline == a.timeline);
    CHECK(b.ids == a.ids);
    CHECK(b.ranks == a.ranks);  // wildcards too (search/wildcards.hpp)
  }

  // Incremental runs keep the layout and find nothing to do.
  auto again = run_cli(tmp, data, {"index", "--json"});
  REQUIRE(again.code == 0);
  CHECK(again.json()->getValue<std::uint64_t>("indexed") == 0);
  CHECK(again.json()->getValue<std::uint64_t>("documents") == n);
  auto retry = run_cli(tmp, data, {"index", "--json", "--retry-failed"});
  REQUIRE(retry.code == 0);
  CHECK(retry.json()->getValue<std::uint64_t>("indexed") == 0);
  CHECK(retry.json()->getValue<std::uint64_t>("unchanged") == n);
  CHECK(cqc::indexer::shard_count(index) == 3);
}

TEST_CASE("shard_of spreads ids evenly and never changes") {
  std::map<std::size_t, int> per;
  for (int i = 0; i < 3000; ++i) per[cqc::indexer::shard_of(cqc::schema::document_id("https://x.test/" + std::to_string(i)), 3)]++;
  REQUIRE(per.size() == 3);
  for (const auto& [k, count] : per) CHECK(count > 850);
  // 64-bit FNV-1a of "a" is 0xaf63dc4c8601ec8c (the published test vector).
  CHECK(cqc::indexer::shard_of("a", 1000) == 0xaf63dc4c8601ec8cull % 1000);
  CHECK(cqc::indexer::shard_of("a", 1) == 0);
}

TEST_CASE("a stub cqc-archive did not write is refused with its line") {
  TempDir tmp;
  fs::create_directories(tmp / "index");
  std::ofstream(tmp / "index/XAPIANDB") << "remote tcp example.org 33333\n";
  CHECK_THROWS_WITH_AS(cqc::indexer::shard_count(tmp / "index"), doctest::Contains("remote tcp example.org"),
                       std::exception);
}
