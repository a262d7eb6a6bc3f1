// Import reads a file once: the bytes stored are the bytes digested, in memory or through a
// spool file, and a file written while being read is refused by name.
#include <doctest/doctest.h>

#include <cstdlib>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <thread>

#include "archive/archive.hpp"
#include "archive/digest.hpp"
#include "archive/file_snapshot.hpp"
#include "core/error.hpp"
#include "temp_dir.hpp"

using namespace cqc;
using cqc::test::TempDir;
namespace fs = std::filesystem;

TEST_CASE("a snapshot in memory and one through a spool file hold the same bytes and digest") {
  TempDir tmp;
  std::string body;
  for (int i = 0; i < 40000; ++i) body += "line " + std::to_string(i) + " of the board papers\n";
  const std::string path = tmp.write("big.txt", body);
  fs::create_directories(tmp / "spool");
  archive::FileSnapshot memory(path, tmp / "spool");
  CHECK_FALSE(memory.spooled());
  CHECK(memory.bytes() == body);
  CHECK(memory.digest() == archive::warc_digest(body));
  {
    archive::FileSnapshot spooled(path, tmp / "spool", 1024);
    REQUIRE(spooled.spooled());
    CHECK(spooled.size() == body.size());
    CHECK(spooled.digest() == memory.digest());
    std::string copy((std::istreambuf_iterator<char>(*spooled.open_spool())), std::istreambuf_iterator<char>());
    CHECK(copy == body);
    CHECK(std::distance(fs::directory_iterator(tmp / "spool"), fs::directory_iterator()) == 1);
  }
  CHECK(fs::is_empty(tmp / "spool"));  // the spool goes with the snapshot
  CHECK_THROWS_AS(archive::FileSnapshot(tmp / "missing.txt", tmp / "spool"), core::Error);
}

TEST_CASE("a file written while it is read is reported, not stored") {
  TempDir tmp;
  const std::string path = tmp.write("growing.log", std::string(32u << 20, 'x'));
  std::atomic<bool> stop{false};
  std::thread writer([&] {
    std::ofstream out(path, std::ios::app | std::ios::binary);
    while (!stop) {
      out << "another line\n" << std::flush;
      std::this_thread::sleep_for(std::chrono::microseconds(50));
    }
  });
  archive::Archive arc(tmp / "arc", archive::Mode::read_write);
  std::string error;
  try {
    arc.import_file(path, "https://trust.example/growing.log", "text/plain");
  } catch (const core::Error& e) {
    error = e.what();
  }
  stop = true;
  writer.join();
  CHECK(error.find(path + " changed while being read") != std::string::npos);
  CHECK(arc.catalog().count() == 0);
}

TEST_CASE("a large file is stored through a spool file, byte for byte") {
  TempDir tmp;
  std::string body(9u << 20, '\0');
  for (std::size_t i = 0; i < body.size(); ++i) body[i] = static_cast<char>((i * 2654435761u) >> 24);
  const std::string path = tmp.write("big.pdf", body);
  archive::Archive arc(tmp / "arc", archive::Mode::read_write);
  auto got = arc.import_file(path, "https://cqc.example/big.pdf", "application/pdf");
  CHECK(got.capture.digest == archive::warc_digest(body));
  CHECK(arc.payload(got.capture).value() == body);
  CHECK(fs::is_empty(tmp / "arc/tmp"));
}

TEST_CASE("each session starts with a warcinfo record naming host, operator and collection") {
  TempDir tmp;
  ::setenv("CQC_ARCHIVE_OPERATOR", "archivist@newsroom.example", 1);
  std::uint64_t first_end = 0;
  std::string warc;
  {
    archive::Archive arc(tmp / "data/archive", archive::Mode::read_write);
    arc.import_file(tmp.write("a.html", "<p>a</p>"), "https://x.test/a.html", "text/html");
    first_end = arc.catalog().committed_ends().back().second;
    warc = arc.catalog().committed_ends().back().first;
  }
  archive::Archive arc(tmp / "data/archive", archive::Mode::read_write);
  auto b = arc.import_file(tmp.write("b.html", "<p>b</p>"), "https://x.test/b.html", "text/html");
  ::unsetenv("CQC_ARCHIVE_OPERATOR");
  REQUIRE(b.capture.warc_file == warc);  // the same file, went on with
  REQUIRE(b.capture.span.offset > first_end);
  auto info = archive::read_record(arc.warc_path(warc), {first_end, b.capture.span.offset - first_end});
  REQUIRE(info.ok());
  CHECK(info->get("WARC-Type") == "warcinfo");
  CHECK(info->block.find("operator: archivist@newsroom.example\r\n") != std::string::npos);
  CHECK(info->block.find("isPartOf: data\r\n") != std::string::npos);
  CHECK(info->block.find("hostname: ") != std::string::npos);
}
