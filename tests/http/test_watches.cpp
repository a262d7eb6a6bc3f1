// Saved searches over HTTP (issue 12, point 7): the results page's form saves a search, its
// page, Atom feed and JSON list its newest documents; forms from other sites are refused.
#include <doctest/doctest.h>

#include <regex>

#include "http_client.hpp"

using cqc::test::http;

namespace {

const std::vector<std::pair<std::string, std::string>> kForm = {
    {"Content-Type", "application/x-www-form-urlencoded"}};


}  // namespace

TEST_CASE("save a search from the page; its page, feed and JSON; delete it") {
  cqc::test::TempDir tmp;
  const std::string data = tmp / "data";
  cqc::test::build_sample(tmp, data);
  cqc::search::http::ServerOptions o;
  o.port = 0;
  cqc::search::http::Server server(data, o);
  server.start();
  const unsigned port = server.port();

  // The results page carries the form, with the search's parameters.
  auto page = http(port, "/?q=seclusion&kind=news&chart=share");
  CHECK(page.body.find("action=\"/watches\" method=\"post\"") != std::string::npos);
  CHECK(page.body.find("<input type=\"hidden\" name=\"kind\" value=\"news\">") != std::string::npos);

  auto saved = http(port, "/watches", "POST", "name=news-seclusion&q=seclusion&kind=news", -1, kForm);
  REQUIRE(saved.status == 303);
  CHECK(saved.head.get("Location") == "/watches/news-seclusion");
  const int total = http(port, "/api/search?q=seclusion&kind=news").json()->getValue<int>("total");

  auto json = http(port, "/api/watches/news-seclusion").json();
  CHECK(json->getValue<std::string>("query") == "seclusion");
  CHECK(json->getObject("filters")->getArray("kind")->getElement<std::string>(0) == "news");
  CHECK(static_cast<int>(json->getArray("newest")->size()) == std::min(total, 50));
  CHECK(json->getValue<std::string>("feed") == "/watches/news-seclusion/feed");

  auto feed = http(port, "/watches/news-seclusion/feed");
  REQUIRE(feed.status == 200);
  CHECK(feed.head.getContentType() == "application/atom+xml; charset=utf-8");
  CHECK(feed.body.find("<feed xmlns=\"http://www.w3.org/2005/Atom\">") != std::string::npos);
  CHECK(cqc::test::count_of(feed.body, "<entry>") == static_cast<size_t>(std::min(total, 50)));
  // Newest capture first: the entries' capture numbers go down.
  std::vector<long> captures;
  const std::regex id("\\?capture=([0-9]+)</id>");
  for (auto it = std::sregex_iterator(feed.body.begin(), feed.body.end(), id); it != std::sregex_iterator(); ++it)
    captures.push_back(std::stol((*it)[1]));
  CHECK(std::is_sorted(captures.rbegin(), captures.rend()));

  auto watch_page = http(port, "/watches/news-seclusion");
  CHECK(watch_page.status == 200);
  CHECK(watch_page.body.find("/watches/news-seclusion/feed") != std::string::npos);
  CHECK(http(port, "/watches").body.find("news-seclusion") != std::string::npos);
  CHECK(http(port, "/api/watches").json()->getArray("watches")->size() == 1);

  // Refused: a taken name, a bad name, a bad query, a form from another site, no name.
  CHECK(http(port, "/watches", "POST", "name=news-seclusion&q=x", -1, kForm).status == 400);
  CHECK(http(port, "/watches", "POST", "name=..%2Fx&q=x", -1, kForm).status == 400);
  CHECK(http(port, "/watches", "POST", "name=typo&q=titel:x", -1, kForm).status == 400);
  CHECK(http(port, "/watches", "POST", "q=x", -1, kForm).status == 400);
  auto foreign = kForm;
  foreign.emplace_back("Origin", "http://elsewhere.example");
  CHECK(http(port, "/watches", "POST", "name=evil&q=x", -1, foreign).status == 403);
  CHECK(http(port, "/watches", "POST", "name=json&q=x", -1, {{"Content-Type", "application/json"}}).status == 400);
  CHECK(http(port, "/api/watches").json()->getArray("watches")->size() == 1);

  auto gone = http(port, "/watches/news-seclusion/delete", "POST", "x=1", -1, kForm);
  CHECK(gone.status == 303);
  CHECK(http(port, "/watches/news-seclusion").status == 404);
  CHECK(http(port, "/watches/news-seclusion/feed").status == 404);
  auto wrong = http(port, "/watches", "PUT", "x");
  CHECK(wrong.status == 405);
  CHECK(wrong.head.get("Allow") == "GET, HEAD, POST");
}
