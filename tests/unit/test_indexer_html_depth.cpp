// Hostile pages: containers nested absurdly deep fail fast instead of keeping gumbo busy for
// minutes (ordinary pages, however long, are not affected); a compressed body inflating past
// the index's limit fails with the reason instead of taking a worker's memory.
#include <doctest/doctest.h>

#include <Poco/DeflatingStream.h>

#include <sstream>

#include "archive/archive.hpp"
#include "indexer/extract.hpp"
#include "indexer/html_depth.hpp"
#include "indexer/index_job.hpp"
#include "temp_dir.hpp"

using namespace cqc::indexer;

TEST_CASE("container depth counts start and end tags of containers only") {
  CHECK(container_depth("<div><div><p>x</p></div><div></div></div>") == 2);
  CHECK(container_depth("<DIV class=a><Section>x</section></div>") == 2);
  CHECK(container_depth("<div/><div/><div/>") == 0);
  CHECK(container_depth("<p>a<p>b<p>c<li>d<li>e") == 0);  // implicitly closed: not counted
  CHECK(container_depth("<!-- <div><div><div> --><div></div>") == 1);
  CHECK(container_depth("<script>var s = '<div><div><div>';</script><div>") == 1);
  CHECK(container_depth("</div></div><div>") == 1);
}

TEST_CASE("200,000 nested divs fail at once with the reason; 20,000 paragraphs are extracted") {
  std::string deep = "<html><body>";
  for (int i = 0; i < 200000; ++i) deep += "<div>";
  deep += "seclusion";
  auto bad = extract(deep, "text/html");  // minutes in gumbo without the check
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().find("nests elements 200000 deep") != std::string::npos);

  std::string wide = "<html><head><title>Board papers</title></head><body><article>";
  for (int i = 0; i < 20000; ++i) wide += "<p>Minute " + std::to_string(i) + " on seclusion reviews.";
  wide += "</article></body></html>";
  auto good = extract(wide, "text/html");
  REQUIRE(good.ok());
  CHECK(good->pages.at(0).text.find("Minute 19999") != std::string::npos);
}

TEST_CASE("a page sent compressed that inflates past the index limit fails with the reason") {
  cqc::test::TempDir tmp;
  cqc::archive::Archive arc(tmp / "arc", cqc::archive::Mode::read_write);
  std::ostringstream packed;
  {
    Poco::DeflatingOutputStream z(packed, Poco::DeflatingStreamBuf::STREAM_GZIP);
    z << "<html><body><p>seclusion" << std::string(kMaxDecoded + (1u << 20), ' ') << "</p></body></html>";
    z.close();
  }
  cqc::archive::HttpExchange x;
  x.uri = "https://news.example/bomb.html";
  x.request_head = "GET /bomb.html HTTP/1.1\r\nHost: news.example\r\n\r\n";
  x.response_head = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n\r\n";
  x.body_path = tmp.write("bomb.gz", packed.str());
  auto stored = arc.store_http(x);
  IndexJob job;
  job.capture = job.payload = stored.capture;
  auto r = run_job(arc, job);
  CHECK(r.outcome == JobResult::Outcome::failed);
  CHECK(r.reason.find("decoded body larger than " + std::to_string(kMaxDecoded)) != std::string::npos);
}
