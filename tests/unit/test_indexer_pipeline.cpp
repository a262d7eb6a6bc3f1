// The indexing pipeline: extraction in worker processes (a crash, a hang or a memory blow-up
// fails that capture alone, with its reason), the same index whatever --jobs is, commits by
// size, and the job/answer messages between the writer and its workers.
#include <doctest/doctest.h>

#include <xapian.h>

#include <cstdlib>
#include <map>

#include "archive/archive.hpp"
#include "core/error.hpp"
#include "indexer/index_job.hpp"
#include "indexer/indexer.hpp"
#include "temp_dir.hpp"

using namespace cqc;
using cqc::test::TempDir;

namespace {

// Sets CQC_INDEX_TEST_FAULT (worker_pool.hpp, test_fault_point) for one scope.
struct Fault {
  explicit Fault(const std::string& spec) { ::setenv("CQC_INDEX_TEST_FAULT", spec.c_str(), 1); }
  ~Fault() { ::unsetenv("CQC_INDEX_TEST_FAULT"); }
};

std::string page(int i, std::size_t words) {
  std::string body = "<html><head><title>Ward report " + std::to_string(i) +
                     "</title></head><body><article><h1>Inspection of ward " + std::to_string(i) +
                     "</h1><p>";
  for (std::size_t w = 0; w < words; ++w) body += "staffing" + std::to_string((w * 7 + i) % 97) + " ";
  return body + "seclusion number" + std::to_string(i) + "</p></article></body></html>";
}

// An archive of N pages, of mixed sizes when MIXED (so workers finish out of order), else
// small (each well within a short time limit on a busy machine), plus one image
// (not a document) and one empty PDF (fails to extract).
void fill(archive::Archive& arc, const TempDir& tmp, int n, bool mixed = true) {
  for (int i = 0; i < n; ++i) {
    const std::string name = "page" + std::to_string(i) + ".html";
    arc.import_file(tmp.write("in/" + name, page(i, mixed && i % 4 == 0 ? 20000 : 30)),
                    "https://example.org/" + name, "text/html");
  }
  arc.import_file(tmp.write("in/logo.png", "\x89PNG\r\n\x1a\n not really"), "https://example.org/logo.png",
                  "image/png");
  arc.import_file(tmp.write("in/broken.pdf", "%PDF-1.4 truncated"), "https://example.org/broken.pdf",
                  "application/pdf");
}

// Every document of the index at DIR by docid, as Xapian serialises it.
std::map<Xapian::docid, std::string> documents(const std::string& dir) {
  Xapian::Database db(dir);
  std::map<Xapian::docid, std::string> out;
  for (auto p = db.postlist_begin(""); p != db.postlist_end(""); ++p) out[*p] = db.get_document(*p).serialise();
  return out;
}

std::string reason_for(const std::vector<indexer::IndexEvent>& events, const std::string& uri) {
  for (const auto& e : events)
    if (e.kind == indexer::IndexEvent::Kind::failed && e.uri == uri) return e.reason;
  return "";
}

}  // namespace

TEST_CASE("index: one worker or three give the same documents under the same docids") {
  TempDir tmp;
  archive::Archive arc(tmp / "arc", archive::Mode::read_write);
  fill(arc, tmp, 24);
  indexer::IndexOptions one;
  one.workers = 1;
  indexer::IndexOptions three;
  three.workers = 3;
  auto a = indexer::index_archive(arc, tmp / "one", one);
  auto b = indexer::index_archive(arc, tmp / "three", three);
  CHECK(a.indexed == 24);
  CHECK(a.failed == 1);
  CHECK(a.unsupported == 1);
  CHECK(b.indexed == a.indexed);
  CHECK(b.failed == a.failed);
  CHECK(b.text_bytes == a.text_bytes);
  auto da = documents(tmp / "one");
  auto db = documents(tmp / "three");
  CHECK(da.size() == 24);
  CHECK(da == db);
}

TEST_CASE("index: a worker that crashes, hangs, spins or runs out of memory fails its capture alone") {
  TempDir tmp;
  archive::Archive arc(tmp / "arc", archive::Mode::read_write);
  fill(arc, tmp, 6, false);
  const std::string bad = "https://example.org/page3.html";
  struct Case {
    std::string fault;
    std::string reason;
    double seconds;        // wall-clock limit
    unsigned cpu_seconds;  // CPU-time limit
  };
  for (const Case& c : {Case{"crash:page3", "extraction worker died of signal SIGABRT", 600, 60},
                        Case{"hang:page3", "extraction took longer than 5 s", 5, 60},
                        Case{"spin:page3", "extraction used more than 1 s of CPU time", 600, 1},
                        Case{"oom:page3", "extraction ran out of memory (limit 64 MiB per worker)", 600, 60}}) {
    CAPTURE(c.fault);
    const std::string dir = tmp / ("index-" + c.fault.substr(0, c.fault.find(':')));
    indexer::IndexOptions opts;
    opts.workers = 2;
    opts.job_seconds = c.seconds;
    opts.job_cpu_seconds = c.cpu_seconds;
    opts.worker_memory = 64ull << 20;
    std::vector<indexer::IndexEvent> events;
    indexer::IndexSummary sum;
    {
      Fault fault(c.fault);
      sum = indexer::index_archive(arc, dir, opts, {}, [&](const indexer::IndexEvent& e) { events.push_back(e); });
    }
    CHECK(sum.indexed == 5);  // every other page, by the replacement worker too
    CHECK(sum.failed == 2);   // page3 and the broken PDF
    INFO(reason_for(events, bad));
    CHECK(reason_for(events, bad).find(c.reason) == 0);
    CHECK(sum.documents == 5);
    // Remembered: the next run skips it unless asked to retry.
    auto again = indexer::index_archive(arc, dir, opts);
    CHECK(again.previously_failed == 2);
    CHECK(again.indexed == 0);
    opts.retry_failed = true;
    auto retry = indexer::index_archive(arc, dir, opts);
    CHECK(retry.indexed == 1);
    CHECK(retry.documents == 6);
  }
}

TEST_CASE("index: commits follow the bytes of text written, not a count of documents") {
  TempDir tmp;
  archive::Archive arc(tmp / "arc", archive::Mode::read_write);
  fill(arc, tmp, 12);
  indexer::IndexOptions big;  // 64 MiB: all in one commit, then the version commit
  big.compact = false;        // a compacted database's revisions start again at 1
  indexer::index_archive(arc, tmp / "big", big);
  CHECK(Xapian::Database(tmp / "big").get_revision() == 2);
  indexer::IndexOptions small;
  small.commit_bytes = 1;  // every document is over it
  small.compact = false;
  small.workers = 1;
  indexer::index_archive(arc, tmp / "small", small);
  // One commit per page (the failed PDF and the image, first by URI, carry no text and go
  // with the first page), then the version.
  CHECK(Xapian::Database(tmp / "small").get_revision() == 13);
  indexer::IndexOptions counted;
  counted.batch = 5;  // the optional count bound: after 5, 10 and at the end (14 captures)
  counted.compact = false;
  indexer::index_archive(arc, tmp / "counted", counted);
  CHECK(Xapian::Database(tmp / "counted").get_revision() == 4);
}

TEST_CASE("index: a re-run with no new capture reports the last run's documents as unchanged") {
  TempDir tmp;
  archive::Archive arc(tmp / "arc", archive::Mode::read_write);
  fill(arc, tmp, 5, false);
  auto first = indexer::index_archive(arc, tmp / "index", {});
  CHECK(first.indexed == 5);
  auto again = indexer::index_archive(arc, tmp / "index", {});
  CHECK(again.captures == first.captures);
  CHECK(again.indexed == 0);
  CHECK(again.unchanged == 5);
  CHECK(again.previously_failed == 1);
  CHECK(again.unsupported == 1);
  CHECK(again.documents == 5);
  // A new capture (a new page, and new bytes for an old one) is seen by the next run.
  arc.import_file(tmp.write("in/new.html", page(50, 30)), "https://example.org/new.html", "text/html");
  arc.import_file(tmp.write("in/page1b.html", page(51, 30)), "https://example.org/page1.html", "text/html");
  auto third = indexer::index_archive(arc, tmp / "index", {});
  CHECK(third.indexed == 2);
  CHECK(third.unchanged == 4);
  CHECK(third.documents == 6);
  auto fourth = indexer::index_archive(arc, tmp / "index", {});
  CHECK(fourth.unchanged == 6);
  CHECK(fourth.previously_failed == 1);
  indexer::IndexOptions retry;
  retry.retry_failed = true;  // asks for the full pass
  auto fifth = indexer::index_archive(arc, tmp / "index", retry);
  CHECK(fifth.unchanged == 6);
  CHECK(fifth.failed == 1);
}

TEST_CASE("index jobs: what the writer sends and the worker answers survives the socket") {
  indexer::IndexJob job;
  job.capture.id = 7;
  job.capture.uri = "https://example.org/a";
  job.capture.record_type = "revisit";
  job.capture.status = -1;
  job.capture.span = {123, 456};
  job.payload.warc_file = "x.warc.gz";
  job.payload.refers_to = 3;
  job.api_metadata = std::string("{\"a\":1}\0z", 9);
  auto back = indexer::decode_job(indexer::encode_job(job));
  CHECK(back.capture.id == 7);
  CHECK(back.capture.uri == job.capture.uri);
  CHECK(back.capture.record_type == "revisit");
  CHECK(back.capture.status == -1);
  CHECK(back.capture.span.offset == 123);
  CHECK(back.capture.span.length == 456);
  CHECK(back.payload.warc_file == "x.warc.gz");
  CHECK(back.payload.refers_to == 3);
  CHECK(back.api_metadata == job.api_metadata);

  indexer::JobResult r;
  r.outcome = indexer::JobResult::Outcome::indexed;
  r.warning = "w";
  r.text_bytes = 99;
  r.document = "doc";
  const std::string bytes = indexer::encode_result(r);
  auto rb = indexer::decode_result(bytes);
  CHECK(rb.outcome == r.outcome);
  CHECK(rb.warning == "w");
  CHECK(rb.text_bytes == 99);
  CHECK(rb.document == "doc");
  CHECK_THROWS_AS(indexer::decode_result(bytes.substr(0, bytes.size() - 1)), core::Error);
  CHECK_THROWS_AS(indexer::decode_job(bytes + "x"), core::Error);
}
