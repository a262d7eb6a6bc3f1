// A split index served by three xapian-tcpsrv processes on loopback (Xapian's remote backend,
// issue 14), searched through a stub: the same answers as one database holding the same
// documents; a shard that is down or silent gives a clear error within the timeout, or with
// --allow-partial a result that names it; restarting the shard recovers. CLI and server.
#include <doctest/doctest.h>

#include <Poco/JSON/Stringifier.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <sstream>

#include "core/schema.hpp"
#include "http_client.hpp"
#include "indexer/shards.hpp"
#include "layout_queries.hpp"
#include "search/index_open.hpp"
#include "tcpsrv.hpp"

using namespace cqc::test;

namespace {

std::string stringify(const Poco::Dynamic::Var& v) {
  std::ostringstream out;
  Poco::JSON::Stringifier::stringify(v, out);
  return out.str();
}

// Everything a search answers, as text, except did_you_mean: Xapian 1.4 reads no spelling
// data from a remote database (docs/SCALING.md).
std::string answer(const CliRun& r) {
  REQUIRE_MESSAGE(r.code == 0, r.err);
  const auto o = r.json();
  std::string out;
  for (const char* key : {"total", "hits", "facets", "timeline", "partial", "missing_shards"})
    out += std::string(key) + "=" + stringify(o->get(key)) + "\n";
  return out;
}

std::vector<std::string> search_args(const std::vector<std::string>& q, const std::vector<std::string>& extra = {}) {
  std::vector<std::string> args = {"search", "--json"};
  args.insert(args.end(), extra.begin(), extra.end());
  args.insert(args.end(), q.begin(), q.end());
  return args;
}

// The sample in one database and, imported again, in three shards served by xapian-tcpsrv;
// the stub lists them (one line in the other spelling Xapian's stub takes, and a comment).
struct RemoteShards {
  TempDir tmp;
  std::string one = tmp / "one", split = tmp / "split", stub = tmp / "remote.stub";
  std::vector<std::unique_ptr<TcpSrv>> servers;
  RemoteShards() {
    build_sample(tmp, one);
    auto imp = run_cli(tmp, split, {"import", "--base-url", "https://sample.cqc-archive.test/", CQC_SAMPLE_DIR});
    REQUIRE_MESSAGE(imp.code == 0, imp.err);
    auto idx = run_cli(tmp, split, {"index", "--shards", "3"});
    REQUIRE_MESSAGE(idx.code == 0, idx.err);
    for (const auto& path : cqc::indexer::shard_paths(split + "/index", 3)) servers.push_back(std::make_unique<TcpSrv>(path));
    std::ofstream(stub) << "# three shards of the sample\nremote 127.0.0.1:" << servers[0]->port()
                        << "\nremote tcp 127.0.0.1 " << servers[1]->port() << "\n\nremote 127.0.0.1:"
                        << servers[2]->port() << "\n";
  }
  CliRun remote(const std::vector<std::string>& q, const std::vector<std::string>& extra = {}) {
    std::vector<std::string> opts = {"--index", stub, "--shard-timeout", "1000", "--connect-timeout", "1000"};
    opts.insert(opts.end(), extra.begin(), extra.end());
    return run_cli(tmp, split, search_args(q, opts));
  }
  CliRun local(const std::vector<std::string>& q) { return run_cli(tmp, one, search_args(q)); }
};

double seconds_since(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

}  // namespace

TEST_CASE("three remote shards answer every query exactly as one database does") {
  RemoteShards s;
  for (const auto& q : kLayoutQueries) {
    std::string key;
    for (const auto& a : q) key += a + " ";
    CAPTURE(key);
    const std::string expected = answer(s.local(q));
    CHECK(answer(s.remote(q)) == expected);
    CHECK(expected.find("total=0\n") == std::string::npos);  // every query finds something
  }
}

TEST_CASE("a shard that is down: a clear error, or a partial result naming it; a restart recovers") {
  RemoteShards s;
  const std::vector<std::string> q = {"care", "--limit", "100"};
  const std::string full = answer(s.local(q));
  const auto total = s.local(q).json()->getValue<std::uint64_t>("total");

  s.servers[1]->stop();
  auto t0 = std::chrono::steady_clock::now();
  const CliRun down = s.remote(q);
  CHECK(seconds_since(t0) < 5);
  CHECK(down.code == 1);
  CHECK(down.err.find("remote tcp 127.0.0.1 " + std::to_string(s.servers[1]->port()) + " (line 3 of " + s.stub) !=
        std::string::npos);
  CHECK(down.out.empty());

  const CliRun partial = s.remote(q, {"--allow-partial"});
  REQUIRE_MESSAGE(partial.code == 0, partial.err);
  const auto o = partial.json();
  CHECK(o->getValue<bool>("partial"));
  REQUIRE(o->getArray("missing_shards")->size() == 1);
  CHECK(o->getArray("missing_shards")->getElement<std::string>(0).find("line 3 of") != std::string::npos);
  const auto part = o->getValue<std::uint64_t>("total");
  CHECK(part > 0);
  CHECK(part < total);
  const auto hits = o->getArray("hits");
  for (unsigned i = 0; i < hits->size(); ++i)  // nothing from the shard that is down
    CHECK(cqc::indexer::shard_of(hits->getObject(i)->getValue<std::string>("id"), 3) != 1);
  // The text output says so too.
  const CliRun text = run_cli(s.tmp, s.split, {"search", "--index", s.stub, "--allow-partial", "care"});
  CHECK(text.out.find("Partial result") != std::string::npos);

  s.servers[1]->start();
  CHECK(answer(s.remote(q)) == full);
}

TEST_CASE("a shard that accepts but never answers times out instead of hanging") {
  RemoteShards s;
  const std::vector<std::string> q = {"seclusion"};
  s.servers[2]->pause();
  auto t0 = std::chrono::steady_clock::now();
  const CliRun silent = s.remote(q);
  const double waited = seconds_since(t0);
  CHECK(silent.code == 1);
  CHECK(silent.err.find("line 5 of " + s.stub) != std::string::npos);
  CHECK(silent.err.find("Timeout") != std::string::npos);
  CHECK(waited < 6);  // about the 1 s read timeout (twice: the failed read, then the probe)

  t0 = std::chrono::steady_clock::now();
  const CliRun partial = s.remote(q, {"--allow-partial"});
  CHECK(seconds_since(t0) < 6);
  REQUIRE_MESSAGE(partial.code == 0, partial.err);
  CHECK(partial.json()->getValue<bool>("partial"));

  s.servers[2]->resume();
  CHECK(answer(s.remote(q)) == answer(s.local(q)));
}

TEST_CASE("the server over remote shards: 503 naming a shard that is down, partial when allowed, then recovery") {
  RemoteShards s;
  auto serve = [&](bool allow_partial) {
    cqc::search::http::ServerOptions o;
    o.port = 0;
    o.front.threads = 2;
    o.index.path = s.stub;
    o.index.timeout_ms = o.index.connect_timeout_ms = 1000;
    o.index.allow_partial = allow_partial;
    o.index.retry_missing_ms = 0;  // try a missing shard again at every search
    return std::make_unique<cqc::search::http::Server>(s.split, o);
  };
  const std::string target = "/api/search?q=care&per_page=20";
  const auto local = s.local({"care", "--limit", "20"}).json();
  // A saved search, made through the remote shards; its feed sorts by capture on the shards.
  const CliRun saved = run_cli(s.tmp, s.split, {"watch", "add", "sec", "seclusion", "--index", s.stub});
  REQUIRE_MESSAGE(saved.code == 0, saved.err);
  auto strict = serve(false), lenient = serve(true);
  strict->start();
  lenient->start();
  const Reply before = http(strict->port(), target);
  REQUIRE(before.status == 200);
  CHECK(stringify(before.json()->get("hits")) == stringify(local->get("hits")));
  CHECK(stringify(before.json()->get("facets")) == stringify(local->get("facets")));

  const Reply feed = http(strict->port(), "/watches/sec/feed");
  CHECK(feed.status == 200);
  const auto matching = s.local({"seclusion"}).json()->getValue<std::uint64_t>("total");
  CHECK(count_of(feed.body, "<entry>") == std::min<std::uint64_t>(matching, 50));

  s.servers[0]->stop();
  const Reply refused = http(strict->port(), target);
  CHECK(refused.status == 503);
  CHECK(refused.body.find("line 2 of " + s.stub) != std::string::npos);
  const Reply partial = http(lenient->port(), target);
  REQUIRE(partial.status == 200);
  CHECK(partial.json()->getValue<bool>("partial"));
  CHECK(partial.json()->getValue<std::uint64_t>("total") < before.json()->getValue<std::uint64_t>("total"));
  const Reply page = http(lenient->port(), "/?q=care");
  CHECK(page.status == 200);
  CHECK(page.body.find("Partial result") != std::string::npos);

  s.servers[0]->start();
  const Reply again = http(strict->port(), target);
  REQUIRE(again.status == 200);
  CHECK(stringify(again.json()->get("hits")) == stringify(before.json()->get("hits")));
  const Reply whole = http(lenient->port(), target);
  REQUIRE(whole.status == 200);
  CHECK_FALSE(whole.json()->getValue<bool>("partial"));
  CHECK(whole.json()->getValue<std::uint64_t>("total") == before.json()->getValue<std::uint64_t>("total"));
}

TEST_CASE("a stub line that is not a shard is refused with its file and line") {
  TempDir tmp;
  const std::string stub = tmp / "bad.stub";
  std::ofstream(stub) << "auto shard0\nremote example.org\n";
  CHECK_THROWS_WITH_AS(cqc::search::read_stub(stub), doctest::Contains("bad.stub line 2 \"remote example.org\""),
                       cqc::core::UsageError);
  std::ofstream(stub) << "# nothing\n";
  CHECK_THROWS_WITH_AS(cqc::search::read_stub(stub), doctest::Contains("lists no shards"), cqc::core::UsageError);
  std::ofstream(stub) << "auto shard0\nglass /srv/x\nremote [::1]:3000\nremote :xapian-progsrv /srv/y\n";
  const auto shards = cqc::search::read_stub(stub);
  REQUIRE(shards.size() == 4);
  CHECK(shards[0].path == (tmp / "shard0"));
  CHECK(shards[1].path == "/srv/x");
  CHECK(shards[2].host == "::1");
  CHECK(shards[2].port == 3000);
  CHECK(shards[3].program == "xapian-progsrv");
  CHECK(shards[3].args == "/srv/y");
}
