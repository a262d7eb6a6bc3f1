// Plain text files are documents (their first line the title); robots.txt is not.
#include <doctest/doctest.h>

#include "indexer/extract.hpp"
#include "indexer/index_job.hpp"
#include "temp_dir.hpp"

using namespace cqc;

TEST_CASE("text/plain: one page, the first line as title, the charset decoded") {
  auto e = indexer::extract("\r\n  Ward 7 seclusion audit\r\n\r\nThe room was used 14 times.\r\n", "text/plain");
  REQUIRE(e.ok());
  CHECK(e->format == "text");
  CHECK(e->title == "Ward 7 seclusion audit");
  REQUIRE(e->pages.size() == 1);
  CHECK(e->pages[0].number == 0);
  CHECK(e->pages[0].text == "Ward 7 seclusion audit\n\nThe room was used 14 times.");
  auto latin = indexer::extract("Caf\xe9 review", "text/plain; charset=iso-8859-1");
  REQUIRE(latin.ok());
  CHECK(latin->title == "Caf\xc3\xa9 review");
  CHECK_FALSE(indexer::extract(" \n\t\n", "text/plain").ok());
}

TEST_CASE("index: a .txt file becomes a document, robots.txt is not one") {
  test::TempDir tmp;
  archive::Archive arc(tmp / "arc", archive::Mode::read_write);
  auto notes = arc.import_file(tmp.write("in/notes.txt", "Board notes\n\nSeclusion was discussed."),
                               "https://trust.example/notes.txt", "text/plain");
  auto robots = arc.import_file(tmp.write("in/robots.txt", "User-agent: *\nDisallow: /private/\n"),
                                "https://trust.example/robots.txt", "text/plain");
  indexer::IndexJob job;
  job.capture = job.payload = notes.capture;
  auto r = indexer::run_job(arc, job);
  CHECK(r.outcome == indexer::JobResult::Outcome::indexed);
  job.capture = job.payload = robots.capture;
  r = indexer::run_job(arc, job);
  CHECK(r.outcome == indexer::JobResult::Outcome::unsupported);
  CHECK(r.reason == "robots.txt is not a document");
}
