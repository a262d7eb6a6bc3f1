// Other tools' WARC files: uncompressed ones are read record by record, with a damaged
// stretch skipped by its offset, and their records are read back from their spans.
#include <doctest/doctest.h>

#include <fstream>

#include "archive/archive.hpp"
#include "archive/digest.hpp"
#include "archive/warc_reader.hpp"
#include "temp_dir.hpp"

using namespace cqc;
using cqc::test::TempDir;

namespace {

std::string record(const std::string& type, const std::string& uri, const std::string& block,
                   const std::string& content_type) {
  archive::WarcHeaders h{{"WARC-Type", type},
                         {"WARC-Record-ID", archive::new_record_id()},
                         {"WARC-Date", "2024-05-01T08:00:00Z"},
                         {"WARC-Target-URI", uri},
                         {"WARC-Block-Digest", archive::warc_digest(block)},
                         {"Content-Type", content_type}};
  return archive::format_head(h, block.size()) + block + "\r\n\r\n";
}

}  // namespace

TEST_CASE("an uncompressed WARC file: every record found, a damaged stretch skipped by offset") {
  TempDir tmp;
  const std::string page = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 31\r\n\r\n<html><p>Ward 4 notes</p></html>";
  const std::string first = record("response", "https://x.test/a.html", page.substr(0, page.size() - 1),
                                   "application/http; msgtype=response");
  const std::string garbage = "this is not a record\r\n";
  const std::string second = record("resource", "https://x.test/notes.txt", "Notes on ward 4", "text/plain");
  const std::string path = tmp.write("plain.warc", first + "\r\n" + garbage + second);
  std::vector<archive::ScannedRecord> seen;
  archive::scan_warc(path, [&](const archive::ScannedRecord& r) { seen.push_back(r); });
  REQUIRE(seen.size() == 3);
  CHECK(seen[0].record.ok());
  CHECK_FALSE(seen[1].record.ok());
  CHECK(seen[1].record.error().find("offset " + std::to_string(first.size() + 2)) != std::string::npos);
  REQUIRE(seen[2].record.ok());
  CHECK(seen[2].span.offset == first.size() + 2 + garbage.size());
  CHECK(seen[2].record->block == "Notes on ward 4");

  archive::Archive arc(tmp / "arc", archive::Mode::read_write);
  auto sum = arc.import_warc(path);
  CHECK(sum.captures == 2);
  CHECK(sum.skipped == 1);
  auto notes = arc.catalog().history("https://x.test/notes.txt");
  REQUIRE(notes.size() == 1);
  CHECK(arc.payload(notes[0]).value() == "Notes on ward 4");
}
