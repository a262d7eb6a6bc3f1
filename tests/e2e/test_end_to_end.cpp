// End to end through the real binary: import, index, search, verify, on the sample corpus.
#include <doctest/doctest.h>

#include <filesystem>
#include <map>
#include <set>

#include <xapian.h>

#include <Poco/DigestEngine.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/SHA2Engine.h>
#include <Poco/StreamCopier.h>
#include <Poco/Zip/ZipArchive.h>
#include <Poco/Zip/ZipStream.h>

#include <algorithm>
#include <chrono>
#include <thread>
#include <fstream>
#include <sstream>

#include "archive/warc.hpp"

#include "expected.hpp"
#include "indexer/indexer.hpp"
#include "run_cli.hpp"

using namespace cqc::test;
namespace fs = std::filesystem;

namespace {

const std::string kBase = "https://sample.cqc-archive.test/";

// A TCP port nothing listens on now (the kernel's choice).
int free_port() {
  Poco::Net::ServerSocket probe(Poco::Net::SocketAddress("127.0.0.1", 0));
  const int port = probe.address().port();
  probe.close();
  return port;
}

struct Archived {
  TempDir tmp;
  std::string data = tmp / "data";
  std::vector<ExpectedRow> expected = read_expected(CQC_SAMPLE_EXPECTED);
  CliRun import, index;
  Archived() {
    import = run_cli(tmp, data, {"import", "--json", "--base-url", kBase, CQC_SAMPLE_DIR});
    index = run_cli(tmp, data, {"index", "--json"});
  }
  CliRun cli(const std::vector<std::string>& args) { return run_cli(tmp, data, args); }
};

std::set<std::string> hit_urls(const CliRun& r) {
  std::set<std::string> out;
  auto hits = r.json()->getArray("hits");
  for (size_t i = 0; i < hits->size(); ++i) out.insert(hits->getObject(static_cast<unsigned>(i))->getValue<std::string>("url"));
  return out;
}

}  // namespace

TEST_CASE("the sample corpus exists and is big enough") {
  auto rows = read_expected(CQC_SAMPLE_EXPECTED);
  CHECK(rows.size() >= 35);
}

TEST_CASE_FIXTURE(Archived, "import and index the sample; doing it again changes nothing") {
  const auto n = expected.size();
  REQUIRE(import.code == 0);
  CHECK(import.json()->getValue<std::uint64_t>("stored") == n);
  REQUIRE(index.code == 0);
  CHECK(index.json()->getValue<std::uint64_t>("indexed") == n);
  CHECK(index.json()->getValue<std::uint64_t>("failed") == 0);
  auto again = cli({"import", "--json", "--base-url", kBase, CQC_SAMPLE_DIR});
  CHECK(again.json()->getValue<std::uint64_t>("stored") == 0);
  CHECK(again.json()->getValue<std::uint64_t>("unchanged") == n);
  auto reindex = cli({"index", "--json"});
  CHECK(reindex.json()->getValue<std::uint64_t>("indexed") == 0);
  CHECK(reindex.json()->getValue<std::uint64_t>("unchanged") == n);
  CHECK(reindex.json()->getValue<std::uint64_t>("documents") == n);
  CHECK(cli({"verify"}).code == 0);
}

TEST_CASE_FIXTURE(Archived, "an index built by older extraction rules is rebuilt whole, once") {
  const auto n = expected.size();
  REQUIRE(index.code == 0);
  {
    Xapian::WritableDatabase db(data + "/index");
    CHECK(db.get_metadata(std::string(cqc::indexer::kVersionKey)) == cqc::indexer::kExtractionVersion);
    db.set_metadata(std::string(cqc::indexer::kVersionKey), "older rules");
    db.commit();
  }
  auto rebuild = cli({"index", "--json"});
  REQUIRE(rebuild.code == 0);
  CHECK(rebuild.json()->getValue<std::uint64_t>("indexed") == n);
  CHECK(rebuild.json()->getValue<std::uint64_t>("unchanged") == 0);
  CHECK(rebuild.json()->getValue<std::uint64_t>("documents") == n);
  auto again = cli({"index", "--json"});
  CHECK(again.json()->getValue<std::uint64_t>("indexed") == 0);
  CHECK(again.json()->getValue<std::uint64_t>("unchanged") == n);
}

TEST_CASE_FIXTURE(Archived, "search seclusion finds exactly the documents that mention it, per year") {
  auto r = cli({"search", "seclusion", "--json", "--limit", "1000"});
  REQUIRE(r.code == 0);
  std::set<std::string> want;
  std::map<std::string, std::uint64_t> want_years;
  for (const auto& row : expected) {
    if (row.at("seclusion") != "1") continue;
    want.insert(kBase + row.at("file"));
    if (!row.at("year").empty()) ++want_years[row.at("year")];
  }
  CHECK(want.size() >= 8);
  CHECK(hit_urls(r) == want);
  CHECK(r.json()->getValue<std::uint64_t>("total") == want.size());
  std::map<std::string, std::uint64_t> got_years;
  auto years = r.json()->getObject("facets")->getArray("year");
  for (size_t i = 0; i < years->size(); ++i) {
    auto v = years->getObject(static_cast<unsigned>(i));
    got_years[v->getValue<std::string>("value")] = v->getValue<std::uint64_t>("count");
  }
  CHECK(got_years == want_years);
  CHECK(want_years.size() >= 5);
}

TEST_CASE_FIXTURE(Archived, "filters narrow the match set; an empty query browses everything") {
  auto all = cli({"search", "--json", "--limit", "0"});
  CHECK(all.json()->getValue<std::uint64_t>("total") == expected.size());
  std::uint64_t lpt_reports = 0;
  for (const auto& row : expected)
    if (row.at("kind") == "report" && row.at("trusts").rfind("RT5", 0) == 0) ++lpt_reports;
  auto r = cli({"search", "--json", "--trust", "LPT", "--kind", "report", "--limit", "100"});
  CHECK(r.json()->getValue<std::uint64_t>("total") == lpt_reports);
  auto human = cli({"search", "seclusion", "--year", "2019"});
  CHECK(human.code == 0);
  CHECK(human.out.find("[seclusion]") != std::string::npos);
  CHECK(human.out.find("year  matching documents") != std::string::npos);
}

TEST_CASE_FIXTURE(Archived, "bad queries exit 2 with a message; no match exits 0") {
  auto bad = cli({"search", "trust:NOPE"});
  CHECK(bad.code == 2);
  CHECK(bad.err.find("unknown trust 'NOPE'") != std::string::npos);
  CHECK(cli({"search", "--limit", "lots"}).code == 2);
  CHECK(cli({"search", "--frobnicate"}).err.find("--frobnicate") != std::string::npos);
  auto none = cli({"search", "xylophone", "--json"});
  CHECK(none.code == 0);
  CHECK(none.json()->getValue<std::uint64_t>("total") == 0);
}

TEST_CASE("a corrupt PDF is skipped with its reason; a page not in UTF-8 is decoded and indexed") {
  TempDir tmp;
  const std::string data = tmp / "data";
  tmp.write("in/good.html", "<html><head><title>Good page</title></head><body><p>Ward staff were kind.</p></body></html>");
  tmp.write("in/broken.pdf", "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer garbage");
  tmp.write("in/latin1.html", "<html><body><p>Caf\xe9 on the ward</p></body></html>");
  REQUIRE(run_cli(tmp, data, {"import", tmp / "in"}).code == 0);
  auto r = run_cli(tmp, data, {"index", "--json"});
  CHECK(r.code == 0);
  CHECK(r.json()->getValue<std::uint64_t>("indexed") == 2);
  CHECK(r.json()->getValue<std::uint64_t>("failed") == 1);
  CHECK(r.err.find("broken.pdf") != std::string::npos);
  CHECK(r.err.find("latin1.html") == std::string::npos);
  auto again = run_cli(tmp, data, {"index", "--json"});
  CHECK(again.json()->getValue<std::uint64_t>("previously_failed") == 1);
  CHECK(again.json()->getValue<std::uint64_t>("failed") == 0);
  auto cafe = run_cli(tmp, data, {"search", "caf\xc3\xa9", "--json"});
  CHECK(cafe.json()->getValue<std::uint64_t>("total") == 1);
}

TEST_CASE("verify names a tampered record and exits 1") {
  TempDir tmp;
  const std::string data = tmp / "data";
  tmp.write("in/a.html", "<html><body><p>" + std::string(4000, 'a') + "</p></body></html>");
  REQUIRE(run_cli(tmp, data, {"import", tmp / "in"}).code == 0);
  std::string warc;
  for (const auto& e : fs::directory_iterator(data + "/archive"))
    if (e.path().string().ends_with(".warc.gz")) warc = e.path().string();
  REQUIRE(!warc.empty());
  std::string bytes = slurp(warc);
  bytes[bytes.size() - 12] ^= 0x55;  // inside the last record's gzip data
  std::ofstream(warc, std::ios::binary | std::ios::trunc) << bytes;
  auto r = run_cli(tmp, data, {"verify"});
  CHECK(r.code == 1);
  CHECK(r.err.find("BAD <urn:uuid:") != std::string::npos);
  CHECK(r.err.find("a.html") != std::string::npos);
}

TEST_CASE("every command has --help; unknown commands exit 2") {
  TempDir tmp;
  for (const char* cmd : {"import", "verify", "index", "search"}) {
    auto r = run_cli(tmp, "", {cmd, "--help"});
    CHECK_MESSAGE(r.code == 0, cmd);
    CHECK_MESSAGE(r.out.find("Usage: cqc-archive") != std::string::npos, cmd);
  }
  CHECK(run_cli(tmp, "", {"--help"}).code == 0);
  CHECK(run_cli(tmp, "", {"frobnicate"}).code == 2);
}

TEST_CASE("CQC_ARCHIVE_HOME chooses the data folder") {
  TempDir tmp;
  tmp.write("in/x.html", "<html><body><p>x</p></body></html>");
  setenv("CQC_ARCHIVE_HOME", (tmp / "home").c_str(), 1);
  auto r = run_cli(tmp, "", {"import", tmp / "in"});
  unsetenv("CQC_ARCHIVE_HOME");
  CHECK(r.code == 0);
  CHECK(fs::exists(tmp / "home/archive/catalog.db"));
}

TEST_CASE_FIXTURE(Archived, "trust shows a trust's inspections over time with the documents behind each") {
  auto r = cli({"trust", "LPT", "--json"});
  REQUIRE(r.code == 0);
  auto o = r.json();
  CHECK(o->getObject("trust")->getValue<std::string>("code") == "RT5");
  auto inspections = o->getArray("inspections");
  std::set<std::string> starts, urls;
  std::string previous;
  for (size_t i = 0; i < inspections->size(); ++i) {
    auto in = inspections->getObject(static_cast<unsigned>(i));
    const std::string start = in->optValue<std::string>("inspected", "");
    CHECK(start >= previous);  // oldest first
    previous = start;
    starts.insert(start);
    auto docs = in->getArray("documents");
    for (size_t d = 0; d < docs->size(); ++d)
      urls.insert(docs->getObject(static_cast<unsigned>(d))->getValue<std::string>("url"));
  }
  // Every report about the trust is an inspection with its visit date, and every document
  // about the trust is listed under some inspection.
  for (const auto& row : expected) {
    if (row.at("trusts").rfind("RT5", 0) != 0) continue;
    CHECK_MESSAGE(urls.count(kBase + row.at("file")), row.at("file"));
    if (row.at("kind") == "report") CHECK_MESSAGE(starts.count(row.at("inspected")), row.at("file"));
  }
  auto unknown = cli({"trust", "Hogwarts"});
  CHECK(unknown.code == 2);
  CHECK(unknown.err.find("Hogwarts") != std::string::npos);
}

TEST_CASE_FIXTURE(Archived, "a read-only copy: verify, history, search and trust work without write access") {
  REQUIRE(index.code == 0);
  // The programs and a copy of the data, readable by everyone, writable by nobody else. As
  // root the commands run as the user nobody (root would ignore permissions); otherwise the
  // copy's write permissions are removed.
  const std::string open_dir = tmp / "ro";
  fs::create_directories(open_dir + "/bin");
  const fs::path built = fs::path(CQC_BINARY).parent_path();
  for (const char* exe : {"cqc-archive", "cqc-archive-store", "cqc-archive-full"})
    fs::copy_file(built / exe, open_dir + "/bin/" + exe);
  const std::string copy = open_dir + "/data";
  fs::copy(data, copy, fs::copy_options::recursive);
  fs::remove(copy + "/archive/catalog.db-shm");  // as a clean copy of a closed archive has none
  fs::remove(copy + "/archive/catalog.db-wal");
  const bool root = ::geteuid() == 0;
  for (const auto& e : fs::recursive_directory_iterator(tmp.path())) {
    const bool dir = e.is_directory();
    fs::permissions(e.path(), root ? (dir ? fs::perms(0755) : fs::perms(0644)) : (dir ? fs::perms(0555) : fs::perms(0444)));
  }
  fs::permissions(tmp.path(), fs::perms(0755));
  for (const char* exe : {"cqc-archive", "cqc-archive-store", "cqc-archive-full"})
    fs::permissions(open_dir + "/bin/" + exe, fs::perms(0555));
  const auto before = fs::last_write_time(copy + "/archive/catalog.db");
  auto as_reader = [&](const std::vector<std::string>& args) {
    std::string cmd = root ? "setpriv --reuid=nobody --regid=nogroup --clear-groups " : "";
    cmd += shell_quote(open_dir + "/bin/cqc-archive");
    for (const auto& a : args) cmd += " " + shell_quote(a);
    cmd += " --data " + shell_quote(copy) + " >" + shell_quote(open_dir + "/../out.txt") + " 2>" +
           shell_quote(open_dir + "/../err.txt") + " </dev/null";
    fs::permissions(tmp.path(), fs::perms(0777));  // out.txt and err.txt are written there
    const int status = std::system(cmd.c_str());
    CliRun r;
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = slurp(tmp / "out.txt");
    r.err = slurp(tmp / "err.txt");
    fs::remove(tmp / "out.txt");
    fs::remove(tmp / "err.txt");
    return r;
  };
  auto verified = as_reader({"verify"});
  CHECK_MESSAGE(verified.code == 0, verified.err);
  CHECK(verified.out.find(std::to_string(expected.size()) + " records") != std::string::npos);
  auto history = as_reader({"history", "--json", kBase + expected.front().at("file")});
  CHECK_MESSAGE(history.code == 0, history.err);
  if (history.code == 0) CHECK(history.json()->getArray("captures")->size() == 1);
  auto found = as_reader({"search", "--json", "seclusion"});
  CHECK_MESSAGE(found.code == 0, found.err);
  if (found.code == 0) CHECK(found.json()->getValue<int>("total") > 0);
  auto trust = as_reader({"trust", "RMY"});
  CHECK_MESSAGE(trust.code == 0, trust.err);

  // serve, as the same reader: searches, documents and archived originals all answer.
  const int port = free_port();
  std::string cmd = std::string(root ? "setpriv --reuid=nobody --regid=nogroup --clear-groups " : "") +
                    shell_quote(open_dir + "/bin/cqc-archive") + " serve --port " + std::to_string(port) +
                    " --data " + shell_quote(copy) + " >/dev/null 2>" + shell_quote(tmp / "serve.err");
  const pid_t server = ::fork();
  if (server == 0) {
    ::execl("/bin/sh", "sh", "-c", ("exec " + cmd).c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  auto get = [&](const std::string& target) -> std::pair<int, std::string> {
    try {
      Poco::Net::HTTPClientSession session("127.0.0.1", static_cast<Poco::UInt16>(port));
      session.setTimeout(Poco::Timespan(5, 0));
      Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_GET, target);
      session.sendRequest(request);
      Poco::Net::HTTPResponse response;
      std::ostringstream body;
      Poco::StreamCopier::copyStream(session.receiveResponse(response), body);
      return {static_cast<int>(response.getStatus()), body.str()};
    } catch (const Poco::Exception&) {
      return {0, ""};
    }
  };
  for (int i = 0; i < 100 && get("/healthz").first != 200; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  auto searched = get("/api/search?q=seclusion");
  CHECK(searched.first == 200);
  std::string id;
  if (searched.first == 200) {
    Poco::JSON::Parser parser;
    auto hits = parser.parse(searched.second).extract<Poco::JSON::Object::Ptr>()->getArray("hits");
    REQUIRE(hits->size() > 0);
    id = hits->getObject(0)->getValue<std::string>("id");
  }
  auto original = get("/documents/" + id + "/original");
  CHECK_MESSAGE(original.first == 200, slurp(tmp / "serve.err"));
  CHECK(original.second.size() > 100);
  CHECK(get("/api/documents/" + id).first == 200);
  ::kill(server, SIGTERM);
  ::waitpid(server, nullptr, 0);
  CHECK(fs::last_write_time(copy + "/archive/catalog.db") == before);
  // TempDir removes it all: give write access back.
  for (const auto& e : fs::recursive_directory_iterator(tmp.path()))
    if (e.is_directory()) fs::permissions(e.path(), fs::perms(0755));
}

TEST_CASE_FIXTURE(Archived, "export --wacz: a package replay tools can read, whose index points at its records") {
  REQUIRE(index.code == 0);
  const std::string wacz = tmp / "rmy.wacz";
  auto exported = cli({"export", "--json", "--wacz", wacz, "--trust", "RMY"});
  REQUIRE_MESSAGE(exported.code == 0, exported.err);
  const auto records = exported.json()->getValue<std::uint64_t>("records");
  const auto documents = exported.json()->getValue<std::uint64_t>("documents");
  CHECK(documents > 0);
  CHECK_FALSE(fs::exists(wacz + ".warc.gz"));
  // Unpack every part.
  std::map<std::string, std::string> parts;
  {
    std::ifstream in(wacz, std::ios::binary);
    Poco::Zip::ZipArchive zip(in);
    for (auto h = zip.headerBegin(); h != zip.headerEnd(); ++h) {
      in.clear();
      Poco::Zip::ZipInputStream entry(in, h->second);
      std::ostringstream bytes;
      Poco::StreamCopier::copyStream(entry, bytes);
      parts[h->first] = bytes.str();
    }
  }
  for (const char* name : {"archive/data.warc.gz", "indexes/index.cdx", "pages/pages.jsonl", "datapackage.json"})
    CHECK_MESSAGE(parts.count(name), name);
  // datapackage.json: each resource's digest is of its bytes.
  Poco::JSON::Parser parser;
  auto package = parser.parse(parts["datapackage.json"]).extract<Poco::JSON::Object::Ptr>();
  CHECK(package->getValue<std::string>("wacz_version") == "1.1.1");
  auto resources = package->getArray("resources");
  REQUIRE(resources->size() == 3);
  for (unsigned i = 0; i < resources->size(); ++i) {
    auto r = resources->getObject(i);
    Poco::SHA2Engine sha(Poco::SHA2Engine::SHA_256);
    const std::string& bytes = parts[r->getValue<std::string>("path")];
    sha.update(bytes.data(), static_cast<unsigned>(bytes.size()));
    CHECK(r->getValue<std::string>("hash") == "sha256:" + Poco::DigestEngine::digestToHex(sha.digest()));
    CHECK(r->getValue<std::uint64_t>("bytes") == bytes.size());
  }
  // indexes/index.cdx: sorted, one line per record, each pointing at that record.
  const std::string warc = tmp / "data.warc.gz";
  std::ofstream(warc, std::ios::binary) << parts["archive/data.warc.gz"];
  std::vector<std::string> lines;
  std::istringstream cdx(parts["indexes/index.cdx"]);
  for (std::string line; std::getline(cdx, line);) lines.push_back(line);
  CHECK(lines.size() == records);
  CHECK(std::is_sorted(lines.begin(), lines.end()));
  for (const auto& line : lines) {
    auto o = parser.parse(line.substr(line.find('{'))).extract<Poco::JSON::Object::Ptr>();
    const cqc::archive::RecordSpan span{std::stoull(o->getValue<std::string>("offset")),
                                        std::stoull(o->getValue<std::string>("length"))};
    auto rec = cqc::archive::read_record(warc, span);
    REQUIRE_MESSAGE(rec.ok(), line);
    CHECK(rec->target_uri() == o->getValue<std::string>("url"));
  }
  // pages/pages.jsonl: a header, then one page per document.
  CHECK(static_cast<std::uint64_t>(std::count(parts["pages/pages.jsonl"].begin(), parts["pages/pages.jsonl"].end(), '\n')) ==
        documents + 1);
  // And back in: the package imports into a new archive record for record.
  auto back = run_cli(tmp, tmp / "again", {"import", "--json", wacz});
  REQUIRE_MESSAGE(back.code == 0, back.err);
  CHECK(back.json()->getValue<std::uint64_t>("warc_captures") == records);
}
