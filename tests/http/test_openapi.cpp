// docs/openapi.yaml against the live server: every route the server has is described, every
// described path and method is served, and each answers 200 with a content type the document
// names (issue 13).
#include <doctest/doctest.h>

#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "http_client.hpp"
#include "search/http/metrics.hpp"
#include "search/http/routes.hpp"

using cqc::test::http;
using cqc::test::SampleServer;

namespace {

struct Operation {
  std::string method, path;        // "GET", "/api/documents/{id}"
  std::set<std::string> ok_types;  // content types of its 200 answer
};

// The operations of the document's paths section (its own indentation: paths at 2 spaces,
// methods at 4, response codes at 8).
std::vector<Operation> read_openapi(const std::string& file) {
  std::ifstream in(file);
  REQUIRE(in);
  std::vector<Operation> out;
  std::string line, path;
  bool in_paths = false;
  const std::regex type("([a-z]+/[a-z0-9.+-]+): \\{");
  while (std::getline(in, line)) {
    if (line == "paths:") in_paths = true;
    else if (!line.empty() && line[0] != ' ') in_paths = false;
    if (!in_paths) continue;
    if (line.rfind("  /", 0) == 0 && line.back() == ':') path = line.substr(2, line.size() - 3);
    else if (line == "    get:" || line == "    post:") out.push_back({line == "    get:" ? "GET" : "POST", path, {}});
    else if (!out.empty() && line.find("'200':") != std::string::npos)
      for (auto it = std::sregex_iterator(line.begin(), line.end(), type); it != std::sregex_iterator(); ++it)
        out.back().ok_types.insert((*it)[1]);
  }
  return out;
}

std::string pattern(const std::string& path) { return std::regex_replace(path, std::regex("\\{[a-z]+\\}"), "{}"); }

}  // namespace

TEST_CASE("docs/openapi.yaml describes exactly the routes the server has, and each answers as described") {
  const auto ops = read_openapi(std::string(CQC_SOURCE_DIR) + "/docs/openapi.yaml");
  REQUIRE(ops.size() > 20);
  std::set<std::pair<std::string, std::string>> documented;
  for (const auto& op : ops) documented.emplace(op.method, pattern(op.path));

  auto& s = SampleServer::get();
  cqc::search::http::Router router;
  cqc::search::http::ReaderPool pool(s.data);
  cqc::search::http::Metrics metrics;
  cqc::search::http::register_routes(router, pool, metrics, {});
  std::set<std::pair<std::string, std::string>> served;
  for (const auto& r : router.routes()) served.insert(r);
  CHECK(documented == served);

  // Every documented GET answers 200 on the sample, with a documented content type.
  const std::string id =
      http(s.port(), "/api/search?q=seclusion&kind=report&per_page=1").json()->getArray("hits")->getObject(0)->getValue<std::string>("id");
  REQUIRE(http(s.port(), "/watches", "POST", "name=openapi-check&q=seclusion", -1,
               {{"Content-Type", "application/x-www-form-urlencoded"}}).status == 303);
  for (const auto& op : ops) {
    if (op.method != "GET" || op.path == "/documents/{id}/diff") continue;  // one version in the sample: 404
    std::string target = std::regex_replace(op.path, std::regex("\\{id\\}"), id);
    target = std::regex_replace(target, std::regex("\\{code\\}"), "RT5");
    target = std::regex_replace(target, std::regex("\\{name\\}"), "openapi-check");
    CAPTURE(target);
    auto r = http(s.port(), target);
    CHECK(r.status == 200);
    const std::string type = r.head.getContentType().substr(0, r.head.getContentType().find(';'));
    CHECK_MESSAGE(op.ok_types.count(type) == 1, type);
  }
  http(s.port(), "/watches/openapi-check/delete", "POST", "x=1", -1, {{"Content-Type", "application/x-www-form-urlencoded"}});

  // The schemas' required fields are in the answers.
  auto result = http(s.port(), "/api/search?q=seclusion").json();
  for (const char* key : {"total", "hits", "facets", "timeline", "did_you_mean", "page", "per_page", "pages"})
    CHECK_MESSAGE(result->has(key), key);
  auto problem = http(s.port(), "/api/search?per_page=0").json();
  for (const char* key : {"type", "title", "status", "detail", "error"}) CHECK_MESSAGE(problem->has(key), key);
}
