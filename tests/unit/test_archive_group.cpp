// Group commit: captures become durable together, records before catalog rows; a writer
// that dies loses the pending group whole and leaves every committed row its record.
#include <doctest/doctest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>

#include "archive/archive.hpp"
#include "archive/importer.hpp"
#include "archive/verify.hpp"
#include "temp_dir.hpp"

namespace archive = cqc::archive;
namespace fs = std::filesystem;
using cqc::test::TempDir;

namespace {

// Runs BODY in a child process and waits for it; BODY ends by calling _exit, so no
// destructor runs (as a kill would leave it).
template <class F>
void in_killed_child(F&& body) {
  pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    try {
      body();
    } catch (...) {
      ::_exit(3);
    }
    ::_exit(0);
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  REQUIRE(WIFEXITED(status));
  REQUIRE(WEXITSTATUS(status) == 0);
}

std::string doc(const TempDir& tmp, int i) {
  return tmp.write("in/d" + std::to_string(i) + ".html", "<p>document " + std::to_string(i) + "</p>");
}

std::string uri(int i) { return "https://example.test/d" + std::to_string(i); }

}  // namespace

TEST_CASE("a group's catalog rows are committed together, after its records") {
  TempDir tmp;
  archive::Archive arc(tmp / "arc", archive::Mode::read_write);
  arc.set_group_commit(100, std::chrono::hours(1));
  for (int i = 0; i < 3; ++i) arc.import_file(doc(tmp, i), uri(i), "text/html");
  CHECK(arc.pending() == 3);
  // The writer sees its own pending captures (an unchanged file is not stored twice) ...
  CHECK(arc.import_file(doc(tmp, 0), uri(0), "text/html").status == archive::ImportStatus::unchanged);
  CHECK(arc.catalog().count() == 3);
  // ... other readers see none of them until the group is committed.
  CHECK(archive::Catalog(tmp / "arc/catalog.db").count() == 0);
  arc.commit();
  CHECK(arc.pending() == 0);
  CHECK(archive::Catalog(tmp / "arc/catalog.db").count() == 3);
  CHECK(archive::verify(arc).problems.empty());
}

TEST_CASE("a full group is committed without waiting for commit()") {
  TempDir tmp;
  archive::Archive arc(tmp / "arc", archive::Mode::read_write);
  arc.set_group_commit(2, std::chrono::hours(1));
  for (int i = 0; i < 5; ++i) arc.import_file(doc(tmp, i), uri(i), "text/html");
  CHECK(arc.pending() == 1);
  CHECK(archive::Catalog(tmp / "arc/catalog.db").count() == 4);
}

TEST_CASE("a killed writer loses only its pending group, and no row lacks its record") {
  TempDir tmp;
  const std::string dir = tmp / "arc";
  for (int i = 0; i < 8; ++i) doc(tmp, i);
  in_killed_child([&] {
    archive::Archive arc(dir, archive::Mode::read_write);
    arc.set_group_commit(100, std::chrono::hours(1));
    for (int i = 0; i < 3; ++i) arc.import_file(tmp / ("in/d" + std::to_string(i) + ".html"), uri(i), "text/html");
    arc.commit();  // the first group is durable
    for (int i = 3; i < 8; ++i) arc.import_file(tmp / ("in/d" + std::to_string(i) + ".html"), uri(i), "text/html");
    ::_exit(0);
  });  // dies with 5 captures pending: their records written, their rows not committed
  archive::Archive arc(dir, archive::Mode::read_write);
  CHECK(arc.recovered_bytes() > 0);  // the pending group's records are cut off
  CHECK(arc.catalog().count() == 3);
  auto report = archive::verify(arc);
  CHECK(report.checked == 3);
  CHECK(report.problems.empty());
  // The lost captures are simply taken again.
  for (int i = 3; i < 8; ++i)
    CHECK(arc.import_file(tmp / ("in/d" + std::to_string(i) + ".html"), uri(i), "text/html").status ==
          archive::ImportStatus::stored);
  CHECK(archive::verify(arc).problems.empty());
}

TEST_CASE("closing the archive commits the pending group and leaves no stray bytes") {
  TempDir tmp;
  const std::string dir = tmp / "arc";
  {
    archive::Archive arc(dir, archive::Mode::read_write);
    arc.set_group_commit(100, std::chrono::hours(1));
    for (int i = 0; i < 4; ++i) arc.import_file(doc(tmp, i), uri(i), "text/html");
  }
  archive::Archive arc(dir, archive::Mode::read_write);
  CHECK(arc.recovered_bytes() == 0);
  CHECK(arc.catalog().count() == 4);
  CHECK(archive::verify(arc).problems.empty());
}

TEST_CASE("re-import reads only files whose size or times changed") {
  TempDir tmp;
  const std::string a = tmp.write("in/a.html", "<p>first version</p>");
  tmp.write("in/b.html", "<p>never changes</p>");
  archive::Archive arc(tmp / "arc", archive::Mode::read_write);
  archive::ImportOptions o;
  o.base_url = "https://example.test/";
  auto first = archive::import_paths(arc, {tmp / "in"}, o);
  CHECK(first.stored == 2);
  CHECK(first.skipped == 0);

  auto again = archive::import_paths(arc, {tmp / "in"}, o);
  CHECK(again.unchanged == 2);
  CHECK(again.skipped == 2);  // neither file opened

  // Same size, new content, a later modification time: read and stored again.
  const auto before = fs::last_write_time(a);
  tmp.write("in/a.html", "<p>other version</p>");
  fs::last_write_time(a, before + std::chrono::seconds(1));
  auto changed = archive::import_paths(arc, {tmp / "in"}, o);
  CHECK(changed.stored == 1);
  CHECK(changed.skipped == 1);  // b.html only
  CHECK(arc.catalog().history("https://example.test/a.html").size() == 2);

  // Another target URI for the same files is a new import: they are read.
  archive::ImportOptions other = o;
  other.base_url = "https://mirror.example.test/";
  CHECK(archive::import_paths(arc, {tmp / "in"}, other).skipped == 0);

  // rehash reads everything.
  archive::ImportOptions rehash = o;
  rehash.rehash = true;
  auto forced = archive::import_paths(arc, {tmp / "in"}, rehash);
  CHECK(forced.skipped == 0);
  CHECK(forced.unchanged == 2);
}

TEST_CASE("a catalog from before file states is upgraded and keeps working") {
  TempDir tmp;
  const std::string dir = tmp / "arc";
  tmp.write("in/a.html", "<p>a</p>");
  {
    archive::Archive arc(dir, archive::Mode::read_write);
    archive::import_paths(arc, {tmp / "in"}, {});
  }
  {  // what an older cqc-archive leaves: schema version 2, no import_files table
    archive::Catalog cat(dir + "/catalog.db");
    (void)cat;
  }
  std::string cmd = "sqlite3 '" + dir + "/catalog.db' 'DROP TABLE import_files; PRAGMA user_version=2;'";
  if (std::system(cmd.c_str()) != 0) return;  // no sqlite3 shell: nothing to simulate with
  archive::Archive arc(dir, archive::Mode::read_write);
  auto r = archive::import_paths(arc, {tmp / "in"}, {});
  CHECK(r.unchanged == 1);
  CHECK(r.skipped == 0);  // nothing remembered yet: read once
  CHECK(archive::import_paths(arc, {tmp / "in"}, {}).skipped == 1);
}

TEST_CASE("record ids are distinct random version 4 UUIDs") {
  const std::string a = archive::new_record_id(), b = archive::new_record_id();
  CHECK(a != b);
  REQUIRE(a.size() == 47);  // "<urn:uuid:" + 36 + ">"
  CHECK(a.starts_with("<urn:uuid:"));
  CHECK(a.back() == '>');
  const std::string u = a.substr(10, 36);
  for (size_t i : {8u, 13u, 18u, 23u}) CHECK(u[i] == '-');
  CHECK(u[14] == '4');                                         // version
  CHECK(std::string("89ab").find(u[19]) != std::string::npos);  // RFC 4122 variant
  CHECK(u.find_first_not_of("0123456789abcdef-") == std::string::npos);
}
