// The search page rendered on the server (issue 12, point 10): what a browser without
// JavaScript gets, followed link by link over real HTTP, and checked against the JSON API.
#include <doctest/doctest.h>

#include <regex>
#include <string>
#include <vector>

#include "http_client.hpp"

using cqc::test::http;
using cqc::test::SampleServer;

namespace {

// The announced total: "N documents match", 0 for "No documents match".
int announced(const std::string& html) {
  std::smatch m;
  if (!std::regex_search(html, m, std::regex("id=\"status\"[^>]*>([0-9,]+) documents? match"))) return 0;
  std::string digits = m[1];
  std::erase(digits, ',');
  return std::stoi(digits);
}

// Every href (entities decoded) of elements whose class is CLASS.
std::vector<std::string> links(const std::string& html, const std::string& cls) {
  std::vector<std::string> out;
  const std::regex re("<a class=\"" + cls + "\" data-nav href=\"([^\"]*)\"");
  for (auto it = std::sregex_iterator(html.begin(), html.end(), re); it != std::sregex_iterator(); ++it) {
    std::string href = (*it)[1];
    for (size_t p; (p = href.find("&amp;")) != std::string::npos;) href.replace(p, 5, "&");
    out.push_back(href);
  }
  return out;
}


}  // namespace

TEST_CASE("GET / renders the results, facets, chart and pager a browser without script can follow") {
  auto& s = SampleServer::get();
  const auto page = http(s.port(), "/?q=seclusion");
  REQUIRE(page.status == 200);
  const auto api = http(s.port(), "/api/search?q=seclusion").json();
  const int total = api->getValue<int>("total");
  CHECK(announced(page.body) == total);
  CHECK(cqc::test::count_of(page.body, "<li class=\"hit\"") == static_cast<size_t>(std::min(total, 10)));
  CHECK(page.body.find("value=\"seclusion\"") != std::string::npos);  // the box keeps the query
  // Each facet link leads to a page whose total is the count the link showed.
  const auto facets = links(page.body, "facet");
  REQUIRE(facets.size() > 3);
  const std::regex counted("data-count=\"([0-9]+)\"");
  std::smatch m;
  const std::string first_facet = page.body.substr(page.body.find("<a class=\"facet\""));
  REQUIRE(std::regex_search(first_facet, m, counted));
  const auto filtered = http(s.port(), facets.front());
  CHECK(announced(filtered.body) == std::stoi(m[1]));
  CHECK(cqc::test::count_of(filtered.body, "class=\"chip\"") == 1);
  // The chip removes the filter again.
  const auto chips = links(filtered.body, "chip");
  REQUIRE(chips.size() == 1);
  CHECK(announced(http(s.port(), chips.front()).body) == total);
  // The pager's next link shows the next ten.
  if (total > 10) {
    const auto next = links(page.body, "page-btn");
    REQUIRE(!next.empty());
    const auto second = http(s.port(), next.back());
    CHECK(cqc::test::count_of(second.body, "<li class=\"hit\"") == static_cast<size_t>(std::min(total - 10, 10)));
    CHECK(second.body.find("showing 11–") != std::string::npos);
  }
  // Year bars toggle the year filter, and the others stay, greyed.
  const std::regex bar("<a data-nav href=\"([^\"]*)\" class=\"bar\"");
  REQUIRE(std::regex_search(page.body, m, bar));
  std::string href = m[1];
  for (size_t p; (p = href.find("&amp;")) != std::string::npos;) href.replace(p, 5, "&");
  const auto year = http(s.port(), href);
  CHECK(year.body.find("aria-current=\"true\" class=\"bar\"") != std::string::npos);
  CHECK(year.body.find("class=\"bar unselected\"") != std::string::npos);
}

TEST_CASE("the page shows a bad query's message with 400, and offers corrections") {
  auto& s = SampleServer::get();
  const auto bad = http(s.port(), "/?q=titel:seclusion");
  CHECK(bad.status == 400);
  CHECK(bad.body.find("did you mean &#39;title:&#39;") != std::string::npos);
  CHECK(bad.body.find("id=\"q\"") != std::string::npos);  // the form is there to fix it
  CHECK(http(s.port(), "/?chart=pie").status == 400);
  CHECK(http(s.port(), "/?show=nothing").status == 400);
  CHECK(http(s.port(), "/?colour=red").status == 400);
  const auto typo = http(s.port(), "/?q=seclsuion");
  REQUIRE(typo.status == 200);
  CHECK(typo.body.find("Did you mean <a data-nav href=\"/?q=seclusion\">seclusion</a>") != std::string::npos);
  CHECK(http(s.port(), "/api/search?q=seclsuion").json()->getValue<std::string>("did_you_mean") == "seclusion");
  // Accents fold: the accented query finds what the plain one does.
  CHECK(http(s.port(), "/api/search?q=seclusi%C3%B3n").json()->getValue<int>("total") ==
        http(s.port(), "/api/search?q=seclusion").json()->getValue<int>("total"));
}
