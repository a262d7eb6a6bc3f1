// WARC files written by another tool come in record by record: wget's --warc-file output
// from the loopback site, the same inside a WACZ package, and a file with a damaged record.
#include <doctest/doctest.h>

#include <Poco/Zip/Compress.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>

#include "archive/archive.hpp"
#include "archive/importer.hpp"
#include "archive/verify.hpp"
#include "indexer/indexer.hpp"
#include "search/search.hpp"
#include "temp_dir.hpp"
#include "quick_server.hpp"
#include "test_server.hpp"

using namespace cqc;
using cqc::test::TempDir;
using cqc::test::TestServer;
namespace fs = std::filesystem;

namespace {

const std::vector<std::string> kPaths = {"/docs/builtin/news-1.html", "/docs/builtin/news-2.html",
                                         "/docs/builtin/report.pdf", "/missing.html"};

// Runs wget over the loopback site, writing TMP/crawl.warc.gz; its path.
std::string wget_warc(const TempDir& tmp, const TestServer& server) {
  std::string cmd = "cd " + tmp.path() + " && wget -q -e robots=off --no-warc-keep-log --warc-file=crawl";
  for (const auto& p : kPaths) cmd += " " + server.url(p);
  std::system(cmd.c_str());  // exits 8 for the 404: the WARC is written all the same
  REQUIRE_MESSAGE(fs::exists(tmp / "crawl.warc.gz"), "wget (Debian package wget) must be installed");
  return tmp / "crawl.warc.gz";
}

}  // namespace

TEST_CASE("a wget WARC: every response a capture with its own record id, indexed and found") {
  TempDir tmp;
  TestServer server("", test::quick_server());
  const std::string warc = wget_warc(tmp, server);
  archive::Archive arc(tmp / "data/archive", archive::Mode::read_write);
  auto sum = archive::import_paths(arc, {warc}, {});
  CHECK(sum.failed == 0);
  CHECK(sum.warc_files == 1);
  CHECK(sum.warc_captures == kPaths.size());  // four responses, the 404 included
  CHECK(sum.warc_records > sum.warc_captures);  // requests, warcinfo and wget's metadata too
  CHECK(sum.warnings.empty());
  std::set<std::string> ids;
  for (const auto& p : kPaths) {
    auto h = arc.catalog().history(server.url(p));
    REQUIRE(h.size() == 1);
    CHECK(h[0].record_id.rfind("<urn:uuid:", 0) == 0);
    CHECK(h[0].warc_file.rfind("ext-", 0) == 0);
    ids.insert(h[0].record_id);
    CHECK(h[0].status == (p == "/missing.html" ? 404 : 200));
  }
  CHECK(ids.size() == kPaths.size());
  CHECK(arc.payload(arc.catalog().history(server.url("/docs/builtin/news-1.html"))[0]).value() ==
        server.document_body("/docs/builtin/news-1.html"));
  const auto report = archive::verify(arc);
  CHECK(report.checked == kPaths.size());
  CHECK(report.problems.empty());
  auto again = archive::import_paths(arc, {warc}, {});
  CHECK(again.warc_unchanged == 1);
  CHECK(arc.catalog().count() == kPaths.size());

  auto indexed = indexer::index_archive(arc, tmp / "index", {});
  CHECK(indexed.indexed == 3);
  search::Searcher searcher(tmp / "index");
  search::SearchRequest req;
  req.query = "";
  CHECK(searcher.search(req).total == 3);
}

TEST_CASE("a damaged record is skipped with its offset; a WACZ package's WARC files come in") {
  TempDir tmp;
  TestServer server("", test::quick_server());
  const std::string warc = wget_warc(tmp, server);
  // Garbage between two gzip members, where a record should start.
  std::string bytes;
  {
    std::ifstream in(warc, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  archive::Archive probe(tmp / "probe/archive", archive::Mode::read_write);
  archive::import_paths(probe, {warc}, {});
  const auto first = probe.catalog().all().front();
  const std::size_t cut = first.span.offset + first.span.length;
  std::ofstream(tmp / "damaged.warc.gz", std::ios::binary)
      << bytes.substr(0, cut) << "\x1f\x8b\x08 this is not a gzip member" << bytes.substr(cut);
  archive::Archive arc(tmp / "data/archive", archive::Mode::read_write);
  auto sum = archive::import_paths(arc, {tmp / "damaged.warc.gz"}, {});
  CHECK(sum.failed == 0);
  CHECK(sum.warc_captures == kPaths.size());
  REQUIRE(sum.warnings.size() == 1);
  CHECK(sum.warnings[0].find("offset " + std::to_string(cut)) != std::string::npos);

  // A WACZ: a zip with the WARC under archive/ (and the package description beside it).
  {
    std::ofstream out(tmp / "crawl.wacz", std::ios::binary);
    Poco::Zip::Compress zip(out, true);
    zip.addFile(Poco::Path(warc), Poco::Path("archive/data.warc.gz"), Poco::Zip::ZipCommon::CM_STORE);
    std::ofstream(tmp / "datapackage.json") << R"({"profile": "data-package", "wacz_version": "1.1.1"})";
    zip.addFile(Poco::Path(tmp / "datapackage.json"), Poco::Path("datapackage.json"));
    zip.close();
  }
  archive::Archive other(tmp / "other/archive", archive::Mode::read_write);
  auto wacz = archive::import_paths(other, {tmp / "crawl.wacz"}, {});
  CHECK_MESSAGE(wacz.failed == 0, (wacz.errors.empty() ? std::string() : wacz.errors[0]));
  CHECK(wacz.warc_files == 1);
  CHECK(wacz.warc_captures == kPaths.size());
  CHECK(fs::is_empty(tmp / "other/archive/tmp"));
  std::ofstream(tmp / "empty.wacz") << "PK not really";
  auto bad = archive::import_paths(other, {tmp / "empty.wacz"}, {});
  CHECK(bad.failed == 1);
  REQUIRE(bad.errors.size() == 1);
  CHECK(bad.errors[0].find("empty.wacz") != std::string::npos);
}
