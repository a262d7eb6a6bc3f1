// Pages that nest containers absurdly deep fail fast instead of keeping gumbo busy for
// minutes; ordinary pages, however long, are not affected.
#include <doctest/doctest.h>

#include "indexer/extract.hpp"
#include "indexer/html_depth.hpp"

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
