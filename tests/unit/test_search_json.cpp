// to_json writes valid JSON with every string escaped, unknowns as null.
#include <doctest/doctest.h>

#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include "search/search.hpp"

using namespace cqc;

TEST_CASE("to_json escapes strings and writes unknown values as null") {
  search::SearchResult r;
  r.total = 3;
  search::Hit h;
  h.id = "0123456789abcdef";
  h.title = "Quote \" backslash \\ newline \n tab \t bell \x07 caf\xC3\xA9 \xE2\x80\x94 </script>";
  h.url = "https://x.test/a?b=1&c=2";
  h.kind = "report";
  h.trusts = {"RT5"};
  h.trust_names = {"Leicestershire \"Partnership\""};
  h.key_question_ratings = {{"safe", "good"}, {"effective", "inadequate"}, {"safe", "requires-improvement"}};
  h.page = 4;
  h.snippet = "the <mark>seclusion</mark> room…";
  h.score = 1.25;
  h.provenance = {{"inspected", "cover page"}};
  r.hits.push_back(h);
  r.facets = {{"trust", {{"RT5", "Leicestershire", 2}}}, {"year", {}}};
  r.timeline = {{2019, 1, 4, 0.25}};
  Poco::JSON::Parser p;
  auto o = p.parse(search::to_json(r)).extract<Poco::JSON::Object::Ptr>();
  CHECK(o->getValue<int>("total") == 3);
  auto hit = o->getArray("hits")->getObject(0);
  CHECK(hit->getValue<std::string>("title") == h.title);
  CHECK(hit->getValue<std::string>("snippet") == h.snippet);
  CHECK(hit->getArray("trust_names")->getElement<std::string>(0) == h.trust_names[0]);
  CHECK(hit->get("location").isEmpty());  // null
  CHECK(hit->get("published").isEmpty());
  CHECK(hit->get("year").isEmpty());
  CHECK(hit->getValue<int>("page") == 4);
  CHECK(hit->getValue<double>("score") == 1.25);
  auto kq = hit->getObject("key_question_ratings");
  CHECK(kq->size() == 2);
  CHECK(kq->getValue<std::string>("safe") == "requires-improvement");  // the last rating given
  CHECK(hit->getObject("provenance")->getValue<std::string>("inspected") == "cover page");
  auto trust = o->getObject("facets")->getArray("trust")->getObject(0);
  CHECK(trust->getValue<std::string>("label") == "Leicestershire");
  CHECK(trust->getValue<int>("count") == 2);
  CHECK(o->getObject("facets")->getArray("year")->size() == 0);
  auto year = o->getArray("timeline")->getObject(0);
  CHECK(year->getValue<int>("year") == 2019);
  CHECK(year->getValue<double>("share") == 0.25);
}
