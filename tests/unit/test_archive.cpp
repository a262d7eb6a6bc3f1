#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "archive/archive.hpp"
#include "archive/digest.hpp"
#include "archive/importer.hpp"
#include "archive/verify.hpp"
#include "core/error.hpp"
#include "temp_dir.hpp"

using namespace cqc;
using cqc::test::TempDir;
namespace fs = std::filesystem;

TEST_CASE("WARC digests are SHA-1 in base32") {
  CHECK(archive::warc_digest("") == "sha1:3I42H3S6NNFQ2MSVX7XZKYAYSCX5QBYJ");
  CHECK(archive::warc_digest("abc") == "sha1:VGMT4NSHA2AWVOR6EVYXQUGCNSONBWE5");
}

TEST_CASE("WARC records parse and reject malformed input") {
  const std::string head = archive::format_head({{"WARC-Type", "resource"}}, 5);
  auto ok = archive::parse_record(head + "hello\r\n\r\n");
  REQUIRE(ok);
  CHECK(ok->version == "WARC/1.1");
  CHECK(ok->get("warc-type") == "resource");
  CHECK(ok->block == "hello");
  CHECK_FALSE(archive::parse_record("HTTP/1.1 200 OK\r\n\r\n"));
  CHECK_FALSE(archive::parse_record(head + "hel"));
  CHECK_FALSE(archive::parse_record(archive::format_head({}, 2) + "hello\r\n\r\n"));
}

TEST_CASE("importing stores each file byte for byte as a resource record") {
  TempDir tmp;
  static const char raw[] = "%PDF-1.4\n\x00\x01\xff binary";
  const std::string body(raw, sizeof raw - 1);
  const std::string pdf = tmp.write("in/report.pdf", body);
  archive::Archive arc(tmp / "arc", archive::Mode::read_write);
  auto r = arc.import_file(pdf, "https://example.org/report.pdf", "application/pdf");
  CHECK(r.status == archive::ImportStatus::stored);
  CHECK(r.capture.size == body.size());
  CHECK(r.capture.digest == archive::warc_digest(body));
  auto rec = arc.record(r.capture);
  REQUIRE(rec);
  CHECK(rec->get("WARC-Type") == "resource");
  CHECK(rec->get("WARC-Target-URI") == "https://example.org/report.pdf");
  CHECK(rec->get("WARC-Block-Digest") == archive::warc_digest(body));
  CHECK(rec->get("Content-Type") == "application/pdf");
  CHECK(rec->get("WARC-Record-ID").starts_with("<urn:uuid:"));
  CHECK(rec->get("WARC-Date").size() == 20);
  CHECK(rec->block == body);
  CHECK(arc.payload(r.capture).value() == body);
  CHECK(arc.catalog().count() == 1);
}

TEST_CASE("the same bytes are stored once") {
  TempDir tmp;
  const std::string a = tmp.write("a.html", "<html><title>A</title></html>");
  const std::string b = tmp.write("copy/a.html", "<html><title>A</title></html>");
  archive::Archive arc(tmp / "arc", archive::Mode::read_write);
  auto first = arc.import_file(a, "file:///a.html", "text/html");
  const auto size_after_first = fs::file_size(arc.warc_path(first.capture.warc_file));
  auto again = arc.import_file(a, "file:///a.html", "text/html");
  CHECK(again.status == archive::ImportStatus::unchanged);
  CHECK(again.capture.id == first.capture.id);
  CHECK(fs::file_size(arc.warc_path(first.capture.warc_file)) == size_after_first);
  auto dup = arc.import_file(b, "file:///copy/a.html", "text/html");
  CHECK(dup.status == archive::ImportStatus::duplicate);
  CHECK(dup.capture.record_type == "revisit");
  CHECK(dup.capture.refers_to == first.capture.id);
  CHECK(arc.payload(dup.capture).value() == "<html><title>A</title></html>");
  CHECK(arc.record(dup.capture)->block.empty());
  CHECK(arc.catalog().count() == 2);
}

TEST_CASE("import_paths walks folders in order and names missing paths") {
  TempDir tmp;
  tmp.write("docs/b.html", "<html>b</html>");
  tmp.write("docs/a/c.pdf", "%PDF-1.4 c");
  tmp.write("docs/.hidden", "secret");
  archive::Archive arc(tmp / "arc", archive::Mode::read_write);
  archive::ImportOptions opts;
  opts.base_url = "https://example.org/sample/";
  auto sum = archive::import_paths(arc, {tmp / "docs", tmp / "missing.pdf"}, opts);
  CHECK(sum.files == 2);
  CHECK(sum.stored == 2);
  CHECK(sum.failed == 1);
  REQUIRE(sum.errors.size() == 1);
  CHECK(sum.errors[0].find("missing.pdf") != std::string::npos);
  auto all = arc.catalog().all();
  REQUIRE(all.size() == 2);
  CHECK(all[0].uri == "https://example.org/sample/a/c.pdf");
  CHECK(all[0].mime == "application/pdf");
  CHECK(all[1].uri == "https://example.org/sample/b.html");
  CHECK(all[1].mime == "text/html");
  CHECK(archive::file_uri("/tmp/a b#c.pdf") == "file:///tmp/a%20b%23c.pdf");
}

TEST_CASE("verify finds a corrupted record and names it") {
  TempDir tmp;
  const std::string f = tmp.write("x.html", std::string(5000, 'x'));
  const std::string g = tmp.write("y.html", std::string(5000, 'y'));
  std::string warc;
  archive::Capture bad;
  {
    archive::Archive arc(tmp / "arc", archive::Mode::read_write);
    arc.import_file(f, "file:///x.html", "text/html");
    bad = arc.import_file(g, "file:///y.html", "text/html").capture;
    warc = arc.warc_path(bad.warc_file);
    CHECK(archive::verify(arc).problems.empty());
  }
  // Replace the second record with a valid gzip member holding a different block.
  std::string bytes = cqc::test::slurp(warc);
  {
    TempDir other;
    archive::Archive arc2(other / "arc", archive::Mode::read_write);
    const std::string z = other.write("z.html", std::string(5000, 'z'));
    auto c = arc2.import_file(z, "file:///y.html", "text/html").capture;
    std::string member = cqc::test::slurp(arc2.warc_path(c.warc_file)).substr(c.span.offset, c.span.length);
    bytes = bytes.substr(0, bad.span.offset) + member;
  }
  std::ofstream(warc, std::ios::binary | std::ios::trunc) << bytes;
  archive::Archive arc(tmp / "arc", archive::Mode::read_only);
  auto report = archive::verify(arc);
  CHECK(report.checked == 2);
  REQUIRE(report.problems.size() == 1);
  CHECK(report.problems[0].capture.record_id == bad.record_id);
}

TEST_CASE("a torn append left by a killed writer is truncated on the next open") {
  TempDir tmp;
  const std::string f = tmp.write("x.html", "<p>x</p>");
  std::string warc;
  std::uintmax_t good_size = 0;
  {
    archive::Archive arc(tmp / "arc", archive::Mode::read_write);
    auto c = arc.import_file(f, "file:///x.html", "text/html").capture;
    warc = arc.warc_path(c.warc_file);
    good_size = fs::file_size(warc);
  }
  std::ofstream(warc, std::ios::binary | std::ios::app) << std::string("\x1f\x8b\x08half a record", 16);
  archive::Archive arc(tmp / "arc", archive::Mode::read_write);
  CHECK(arc.recovered_bytes() == 16);
  CHECK(fs::file_size(warc) == good_size);
  const std::string g = tmp.write("y.html", "<p>y</p>");
  arc.import_file(g, "file:///y.html", "text/html");
  CHECK(archive::verify(arc).problems.empty());
}

TEST_CASE("one writer at a time; read-only needs an existing archive") {
  TempDir tmp;
  archive::Archive writer(tmp / "arc", archive::Mode::read_write);
  CHECK_THROWS_AS(archive::Archive(tmp / "arc", archive::Mode::read_write), core::Fatal);
  CHECK_NOTHROW(archive::Archive(tmp / "arc", archive::Mode::read_only));
  CHECK_THROWS_WITH_AS(archive::Archive(tmp / "nothing", archive::Mode::read_only),
                       doctest::Contains("no archive at"), core::Fatal);
}
