// The archive handed on and used elsewhere: a read-only copy used by a user who cannot
// write it (CLI and server), and a selection exported as a WACZ package.
#include <doctest/doctest.h>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

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
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <thread>

#include "archive/warc.hpp"
#include "archived.hpp"

using namespace cqc::test;
namespace fs = std::filesystem;

namespace {

// A TCP port nothing listens on now (the kernel's choice).
int free_port() {
  Poco::Net::ServerSocket probe(Poco::Net::SocketAddress("127.0.0.1", 0));
  const int port = probe.address().port();
  probe.close();
  return port;
}

}  // namespace

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
