// The JSON API and the page over real HTTP on loopback, against the sample corpus.
#include <doctest/doctest.h>

#include <Poco/DateTimeFormatter.h>
#include <Poco/DateTimeParser.h>
#include <Poco/DigestEngine.h>
#include <Poco/SHA2Engine.h>

#include <Poco/JSON/Array.h>
#include <Poco/URI.h>

#include <set>
#include <sstream>

#include "http_client.hpp"

using cqc::test::http;
using cqc::test::SampleServer;

namespace {

std::string strip_paging(std::string body) {
  const auto p = body.rfind(",\"page\":");
  REQUIRE(p != std::string::npos);
  return body.substr(0, p) + "}";
}

std::vector<std::string> strings(const Poco::JSON::Array::Ptr& a) {
  std::vector<std::string> out;
  for (size_t i = 0; a && i < a->size(); ++i) out.push_back(a->getElement<std::string>(static_cast<unsigned>(i)));
  return out;
}

}  // namespace

TEST_CASE("GET /api/search returns exactly the JSON of `search --json`, plus paging") {
  auto& s = SampleServer::get();
  auto r = http(s.port(), "/api/search?q=seclusion");
  REQUIRE(r.status == 200);
  CHECK(r.head.getContentType().find("application/json") == 0);
  auto cli = cqc::test::run_cli(s.tmp, s.data, {"search", "--json", "seclusion"});
  REQUIRE(cli.code == 0);
  CHECK(strip_paging(r.body) + "\n" == cli.out);
  auto j = r.json();
  CHECK(j->getValue<int>("total") == 15);
  CHECK(j->getArray("hits")->size() == 10);
  CHECK(j->getValue<int>("page") == 1);
  CHECK(j->getValue<int>("per_page") == 10);
  CHECK(j->getValue<int>("pages") == 2);
  auto page2 = http(s.port(), "/api/search?q=seclusion&page=2&per_page=10").json();
  CHECK(page2->getArray("hits")->size() == 5);
}

TEST_CASE("filters: repeated values are OR, fields are AND, counts agree with facets") {
  auto& s = SampleServer::get();
  auto all = http(s.port(), "/api/search?q=seclusion").json();
  auto ratings = all->getObject("facets")->getArray("rating");
  REQUIRE(ratings->size() > 0);
  auto first = ratings->getObject(0);
  const std::string rating = first->getValue<std::string>("value");
  auto filtered = http(s.port(), "/api/search?q=seclusion&per_page=100&rating=" + rating).json();
  CHECK(filtered->getValue<int>("total") == first->getValue<int>("count"));
  auto hits = filtered->getArray("hits");
  for (size_t i = 0; i < hits->size(); ++i) {
    auto rs = strings(hits->getObject(static_cast<unsigned>(i))->getArray("ratings"));
    CHECK(std::find(rs.begin(), rs.end(), rating) != rs.end());
  }
  auto years = http(s.port(), "/api/search?per_page=100&year=2019&year=2020&kind=report").json();
  auto yh = years->getArray("hits");
  REQUIRE(yh->size() > 0);
  for (size_t i = 0; i < yh->size(); ++i) {
    auto h = yh->getObject(static_cast<unsigned>(i));
    const int y = h->getValue<int>("year");
    CHECK((y == 2019 || y == 2020));
    CHECK(h->getValue<std::string>("kind") == "report");
  }
  auto dated = http(s.port(), "/api/search?per_page=100&from=2018&to=2019&date=published&sort=newest").json();
  auto dh = dated->getArray("hits");
  std::string previous = "9999";
  for (size_t i = 0; i < dh->size(); ++i) {
    const std::string p = dh->getObject(static_cast<unsigned>(i))->getValue<std::string>("published");
    CHECK(p.substr(0, 4) >= "2018");
    CHECK(p.substr(0, 4) <= "2019");
    CHECK(p <= previous);
    previous = p;
  }
  auto plus = http(s.port(), "/api/search?q=%22seclusion+room%22").json();  // '+' is a space
  CHECK(plus->getValue<int>("total") > 0);
}

TEST_CASE("overall, service and key question filters; NOT/OR on filters; facets keep their context") {
  auto& s = SampleServer::get();
  auto all = http(s.port(), "/api/search?per_page=100").json();
  auto overall = all->getObject("facets")->getArray("overall");
  REQUIRE(overall->size() > 1);  // the sample has reports with different overall ratings
  const std::string rating = overall->getObject(0)->getValue<std::string>("value");
  auto one = http(s.port(), "/api/search?per_page=100&overall=" + rating).json();
  CHECK(one->getValue<int>("total") == overall->getObject(0)->getValue<int>("count"));
  auto hits = one->getArray("hits");
  for (size_t i = 0; i < hits->size(); ++i)
    CHECK(hits->getObject(static_cast<unsigned>(i))->getValue<std::string>("overall_rating") == rating);
  // Disjunctive: the overall facet under its own filter still counts every overall rating.
  auto kept = one->getObject("facets")->getArray("overall");
  REQUIRE(kept->size() == overall->size());
  for (size_t i = 0; i < kept->size(); ++i)
    CHECK(kept->getObject(static_cast<unsigned>(i))->getValue<int>("count") ==
          overall->getObject(static_cast<unsigned>(i))->getValue<int>("count"));
  // The same filter typed in the query narrows every facet, its own included.
  auto typed = http(s.port(), "/api/search?q=overall:" + rating).json();
  CHECK(typed->getValue<int>("total") == one->getValue<int>("total"));
  CHECK(typed->getObject("facets")->getArray("overall")->size() == 1);
  // NOT and OR over filters.
  auto trusts = all->getObject("facets")->getArray("trust");
  REQUIRE(trusts->size() > 1);
  const std::string a = trusts->getObject(0)->getValue<std::string>("value");
  const std::string b = trusts->getObject(1)->getValue<std::string>("value");
  const int total = all->getValue<int>("total");
  const int in_a = http(s.port(), "/api/search?q=trust:" + a).json()->getValue<int>("total");
  const int in_b = http(s.port(), "/api/search?q=trust:" + b).json()->getValue<int>("total");
  CHECK(http(s.port(), "/api/search?q=NOT+trust:" + a).json()->getValue<int>("total") == total - in_a);
  CHECK(http(s.port(), "/api/search?q=-trust:" + a).json()->getValue<int>("total") == total - in_a);
  const int either = http(s.port(), "/api/search?q=trust:" + a + "+OR+trust:" + b).json()->getValue<int>("total");
  CHECK(either >= std::max(in_a, in_b));
  CHECK(either <= in_a + in_b);
  // A key question rating from the facet filters to documents carrying it.
  auto questions = all->getObject("facets")->getArray("key_question");
  REQUIRE(questions->size() > 0);
  const std::string kq = questions->getObject(0)->getValue<std::string>("value");
  CHECK(http(s.port(), "/api/search?key_question=" + kq).json()->getValue<int>("total") ==
        questions->getObject(0)->getValue<int>("count"));
}

TEST_CASE("GET /api/documents/{id} gives metadata, text by page and captures") {
  auto& s = SampleServer::get();
  auto hit = http(s.port(), "/api/search?q=seclusion+kind:report&per_page=1").json()->getArray("hits")->getObject(0);
  const std::string id = hit->getValue<std::string>("id");
  auto r = http(s.port(), "/api/documents/" + id);
  REQUIRE(r.status == 200);
  auto d = r.json();
  CHECK(d->getValue<std::string>("id") == id);
  CHECK(d->getValue<std::string>("url") == hit->getValue<std::string>("url"));
  CHECK(d->getValue<std::string>("format") == "pdf");
  auto pages = d->getArray("pages");
  REQUIRE(pages->size() > 1);
  CHECK(pages->getObject(0)->getValue<int>("page") == 1);
  CHECK(!pages->getObject(0)->getValue<std::string>("text").empty());
  auto captures = d->getArray("captures");
  REQUIRE(captures->size() == 1);
  CHECK(captures->getObject(0)->getValue<std::string>("digest").rfind("sha1:", 0) == 0);
  CHECK(d->getValue<std::string>("original") == "/documents/" + id + "/original");
  CHECK(http(s.port(), "/api/documents/0123456789abcdef").status == 404);
  CHECK(http(s.port(), "/api/documents/not-an-id").status == 400);

  // The text comes page by page on request: following "next" gives back the same pages.
  CHECK(d->getValue<std::size_t>("pages_total") == pages->size());
  CHECK(d->get("next").isEmpty());
  std::string target = "/api/documents/" + id + "?pages=1";
  std::size_t seen = 0;
  while (!target.empty() && seen <= pages->size()) {
    auto part = http(s.port(), target).json();
    auto one = part->getArray("pages");
    REQUIRE(one->size() == 1);
    CHECK(part->getValue<std::size_t>("pages_from") == seen);
    CHECK(one->getObject(0)->getValue<std::string>("text") == pages->getObject(static_cast<unsigned>(seen))->getValue<std::string>("text"));
    ++seen;
    target = part->get("next").isEmpty() ? "" : part->getValue<std::string>("next");
  }
  CHECK(seen == pages->size());
  CHECK(http(s.port(), "/api/documents/" + id + "?from=999").json()->getArray("pages")->size() == 0);
  CHECK(http(s.port(), "/api/documents/" + id + "?pages=0").status == 400);
  CHECK(http(s.port(), "/api/documents/" + id + "?from=-1").status == 400);
  CHECK(http(s.port(), "/api/documents/" + id + "?from=1&from=2").status == 400);
}

TEST_CASE("GET /api/documents/{id} has a hit's key-question ratings, mentioned trusts and location") {
  auto& s = SampleServer::get();
  auto hits = http(s.port(), "/api/search?per_page=100").json()->getArray("hits");
  REQUIRE(hits->size() > 0);
  int with_kq = 0, with_mentioned = 0;
  for (size_t i = 0; i < hits->size(); ++i) {
    auto hit = hits->getObject(static_cast<unsigned>(i));
    auto d = http(s.port(), "/api/documents/" + hit->getValue<std::string>("id")).json();
    INFO(hit->getValue<std::string>("url"));
    std::ostringstream a, b;
    hit->getObject("key_question_ratings")->stringify(a);
    REQUIRE(d->getObject("key_question_ratings"));
    d->getObject("key_question_ratings")->stringify(b);
    CHECK(a.str() == b.str());
    CHECK(strings(d->getArray("mentioned_trusts")) == strings(hit->getArray("mentioned_trusts")));
    CHECK(d->has("location"));
    CHECK(d->isNull("location") == hit->isNull("location"));
    with_kq += a.str() != "{}";
    with_mentioned += hit->getArray("mentioned_trusts")->size() > 0;
  }
  CHECK(with_kq > 0);
  CHECK(with_mentioned > 0);
}

TEST_CASE("a CQC API location with ratings and no report is a rating document with its location") {
  cqc::test::TempDir tmp;
  tmp.write("docs/locations/1-2000000001.json", R"({"locationId": "1-2000000001", "providerId": "RT5",
    "name": "Agnes Unit", "organisationType": "Location",
    "currentRatings": {"reportDate": "2021-03-05",
      "overall": {"rating": "Requires improvement", "reportDate": "2021-03-05",
                  "keyQuestionRatings": [{"name": "Safe", "rating": "Inadequate"},
                                         {"name": "Caring", "rating": "Good"}]},
      "serviceRatings": [{"name": "Wards for people with a learning disability or autism",
                          "rating": "Requires improvement", "reportDate": "2021-03-05"}]}})");
  tmp.write("docs/locations/1-2000000002.json", R"({"locationId": "1-2000000002", "name": "Elsewhere",
    "currentRatings": {"overall": {"rating": "Good"}}, "reports": [{"linkId": "r-1"}]})");
  const std::string data = tmp / "data";
  REQUIRE(cqc::test::run_cli(tmp, data, {"import", "--base-url", "https://api.test/", tmp / "docs"}).code == 0);
  auto indexed = cqc::test::run_cli(tmp, data, {"index", "--json"});
  REQUIRE(indexed.code == 0);
  CHECK(indexed.json()->getValue<int>("indexed") == 1);  // the location with a report is not a document
  cqc::search::http::ServerOptions o;
  o.port = 0;
  o.front.threads = 2;
  cqc::search::http::Server server(data, o);
  server.start();
  auto hits = http(server.port(), "/api/search?q=agnes").json()->getArray("hits");
  REQUIRE(hits->size() == 1);
  auto hit = hits->getObject(0);
  CHECK(hit->getValue<std::string>("kind") == "rating");
  CHECK(hit->getValue<std::string>("location") == "Agnes Unit");
  auto d = http(server.port(), "/api/documents/" + hit->getValue<std::string>("id")).json();
  CHECK(d->getValue<std::string>("title") == "Agnes Unit \u2014 CQC ratings");
  CHECK(d->getValue<std::string>("kind") == "rating");
  CHECK(d->getValue<std::string>("format") == "cqc-api");
  CHECK(d->getValue<std::string>("location") == "Agnes Unit");
  CHECK(d->getValue<std::string>("location_id") == "1-2000000001");
  CHECK(strings(d->getArray("trusts")) == std::vector<std::string>{"RT5"});
  CHECK(d->getValue<std::string>("published") == "2021-03-05");
  auto kq = d->getObject("key_question_ratings");
  CHECK(kq->size() == 2);
  CHECK(kq->getValue<std::string>("safe") == "inadequate");
  CHECK(kq->getValue<std::string>("caring") == "good");
  CHECK(d->getArray("mentioned_trusts")->size() == 0);
  CHECK(d->getArray("pages")->getObject(0)->getValue<std::string>("text").find(
            "Overall rating: Requires improvement (2021-03-05).") != std::string::npos);
  server.stop();
}

TEST_CASE("GET /documents/{id}/original returns the archived bytes with their content type") {
  auto& s = SampleServer::get();
  for (const std::string kind : {"report", "news"}) {
    auto hit = http(s.port(), "/api/search?kind=" + kind + "&per_page=1").json()->getArray("hits")->getObject(0);
    const std::string url = hit->getValue<std::string>("url");
    const std::string rel = url.substr(std::string("https://sample.cqc-archive.test/").size());
    auto r = http(s.port(), "/documents/" + hit->getValue<std::string>("id") + "/original");
    REQUIRE(r.status == 200);
    CHECK(r.body == cqc::test::slurp(std::string(CQC_SAMPLE_DIR) + "/" + rel));
    if (kind == "report") {
      CHECK(r.head.getContentType() == "application/pdf");
      CHECK(!r.head.has("Content-Security-Policy"));
    } else {
      CHECK(r.head.getContentType().find("text/html") == 0);
      CHECK(r.head.get("Content-Security-Policy").find("sandbox") == 0);
    }
    // A real file name, and what it is a copy of and when (Memento, RFC 7089).
    const std::string name = rel.substr(rel.find_last_of('/') + 1);
    CHECK(r.head.get("Content-Disposition") == "inline; filename=\"" + name + "\"");
    CHECK(r.head.get("Link") == "<" + url + ">; rel=\"original\"");
    const std::string captured = r.head.get("X-Archive-Captured");  // ISO 8601, UTC
    int tz = 0;
    const Poco::DateTime when = Poco::DateTimeParser::parse(r.head.get("Memento-Datetime"), tz);
    CHECK(Poco::DateTimeFormatter::format(when, "%Y-%m-%dT%H:%M:%SZ") == captured);
    CHECK(r.head.get("X-Content-Type-Options") == "nosniff");
  }
}

TEST_CASE("GET /api/export streams every match as CSV or JSON") {
  auto& s = SampleServer::get();
  auto csv = http(s.port(), "/api/export?q=seclusion&format=csv");
  REQUIRE(csv.status == 200);
  CHECK(csv.head.getChunkedTransferEncoding());
  CHECK(csv.head.getContentType().find("text/csv") == 0);
  CHECK(csv.body.rfind("id,title,url,kind,trusts,", 0) == 0);
  size_t lines = 0;
  for (char c : csv.body) lines += c == '\n';
  CHECK(lines == 16);  // header + 15 matches, more than one page
  auto json = http(s.port(), "/api/export?q=seclusion&format=json");
  REQUIRE(json.status == 200);
  Poco::JSON::Parser p;
  auto a = p.parse(json.body).extract<Poco::JSON::Array::Ptr>();
  CHECK(a->size() == 15);
  std::set<std::string> ids;
  for (size_t i = 0; i < a->size(); ++i) ids.insert(a->getObject(static_cast<unsigned>(i))->getValue<std::string>("id"));
  CHECK(ids.size() == 15);
  auto everything = http(s.port(), "/api/export").body;  // default CSV, empty query: all 45
  lines = 0;
  for (char c : everything) lines += c == '\n';
  CHECK(lines == 46);

  // Every rating field, the capture and absolute links; the CLI writes the very same rows.
  CHECK(csv.body.find(",service_ratings,key_question_ratings,") != std::string::npos);
  CHECK(csv.body.find("Safe: Inadequate") != std::string::npos);
  CHECK(csv.body.find(",http://127.0.0.1:" + std::to_string(s.port()) + "/documents/") != std::string::npos);
  const auto cli = cqc::test::run_cli(s.tmp, s.data, {"search", "seclusion", "--format", "csv", "--link-base",
                                                      "http://127.0.0.1:" + std::to_string(s.port()) + "/"});
  REQUIRE(cli.code == 0);
  CHECK(cli.out == csv.body);
  const auto jsonl = cqc::test::run_cli(s.tmp, s.data, {"search", "--format", "jsonl"});
  lines = 0;
  for (char c : jsonl.out) lines += c == '\n';
  CHECK(lines == 45);  // no cap: every document
  CHECK(cqc::test::run_cli(s.tmp, s.data, {"search", "--format", "xml"}).code == 2);
}

TEST_CASE("GET /api/stats and /healthz") {
  auto& s = SampleServer::get();
  auto st = http(s.port(), "/api/stats").json();
  CHECK(st->getValue<int>("documents") == 45);
  CHECK(st->getValue<int>("captures") == 45);
  CHECK(st->getValue<int>("revision") >= 1);
  CHECK(st->getArray("years")->size() == 12);
  int kinds = 0;
  for (const auto& [kind, count] : *st->getObject("kinds")) kinds += count.convert<int>();
  CHECK(kinds == 45);
  auto h = http(s.port(), "/healthz");
  CHECK(h.status == 200);
  CHECK(h.json()->getValue<std::string>("status") == "ok");
}

TEST_CASE("the page and its assets are served from the binary, with a strict CSP") {
  auto& s = SampleServer::get();
  auto page = http(s.port(), "/?q=seclusion&rating=inadequate");
  REQUIRE(page.status == 200);
  CHECK(page.head.getContentType() == "text/html; charset=utf-8");
  CHECK(page.body.find("<script src=\"/app.js\"") != std::string::npos);
  CHECK(page.head.get("Content-Security-Policy").find("script-src 'self'") != std::string::npos);
  auto js = http(s.port(), "/app.js");
  CHECK(js.status == 200);
  CHECK(js.head.getContentType().find("text/javascript") == 0);
  CHECK(js.body.find(".innerHTML") == std::string::npos);
  CHECK(js.body.find("insertAdjacentHTML") == std::string::npos);
  CHECK(http(s.port(), "/style.css").head.getContentType().find("text/css") == 0);
}

TEST_CASE("persistent connections: several requests on one keep-alive session") {
  auto& s = SampleServer::get();
  Poco::Net::HTTPClientSession session("127.0.0.1", static_cast<Poco::UInt16>(s.port()));
  session.setKeepAlive(true);
  for (int i = 0; i < 5; ++i) {
    Poco::Net::HTTPRequest req("GET", "/api/search?q=restraint", Poco::Net::HTTPMessage::HTTP_1_1);
    req.setKeepAlive(true);
    session.sendRequest(req);
    Poco::Net::HTTPResponse resp;
    std::string body;
    Poco::StreamCopier::copyToString(session.receiveResponse(resp), body);
    CHECK(resp.getStatus() == 200);
    CHECK(resp.getKeepAlive());
  }
}

TEST_CASE("GET /documents/{id} is the document page: facts, marked text, captures; no script needed") {
  auto& s = SampleServer::get();
  auto hit = http(s.port(), "/api/search?q=seclusion+kind:report&per_page=1").json()->getArray("hits")->getObject(0);
  const std::string id = hit->getValue<std::string>("id");
  const auto api = http(s.port(), "/api/documents/" + id).json();
  const auto r = http(s.port(), "/documents/" + id + "?q=seclusion");
  REQUIRE(r.status == 200);
  CHECK(r.head.getContentType() == "text/html; charset=utf-8");
  CHECK(r.head.get("Content-Security-Policy").find("script-src") == std::string::npos);  // none allowed
  CHECK(r.body.find("<mark id=\"first-match\">") != std::string::npos);
  CHECK(r.body.find("<mark>seclusion</mark>") != std::string::npos);
  CHECK(r.body.find("href=\"#first-match\"") != std::string::npos);
  const std::string digest = api->getArray("captures")->getObject(0)->getValue<std::string>("digest");
  CHECK(r.body.find(digest) != std::string::npos);
  CHECK(r.body.find("/documents/" + id + "/original#page=1") != std::string::npos);
  // Without a query nothing is marked; markup in the query or text is escaped, never run.
  const auto plain = http(s.port(), "/documents/" + id);
  CHECK(plain.body.find("<mark") == std::string::npos);
  const auto hostile = http(s.port(), "/documents/" + id + "?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E");
  CHECK(hostile.status == 200);
  CHECK(hostile.body.find("<script") == std::string::npos);
  CHECK(http(s.port(), "/documents/ffffffffffffffff").status == 404);
  CHECK(http(s.port(), "/documents/" + id + "?colour=red").status == 400);
}

TEST_CASE("a trust's rating history: /api/trusts/{code} is `trust --json`; /trusts/{code} charts it") {
  auto& s = SampleServer::get();
  const auto api = http(s.port(), "/api/trusts/RMY");
  REQUIRE(api.status == 200);
  const auto cli = cqc::test::run_cli(s.tmp, s.data, {"trust", "RMY", "--json"});
  REQUIRE(cli.code == 0);
  std::ostringstream a, c;
  api.json()->stringify(a);
  cli.json()->stringify(c);
  CHECK(a.str() == c.str());  // one implementation, the same data
  CHECK(http(s.port(), "/api/trusts/Norfolk%20and%20Suffolk%20NHS%20Foundation%20Trust").json()->getObject("trust")->getValue<std::string>("code") == "RMY");
  CHECK(http(s.port(), "/api/trusts/NOPE999").status == 404);

  const auto page = http(s.port(), "/trusts/RMY");
  REQUIRE(page.status == 200);
  CHECK(page.head.getContentType() == "text/html; charset=utf-8");
  auto inspections = api.json()->getArray("inspections");
  REQUIRE(inspections->size() > 1);
  // Every rated inspection is a column of the chart, each overall rating a coloured cell.
  for (unsigned i = 0; i < inspections->size(); ++i) {
    auto in = inspections->getObject(i);
    const std::string overall = in->getValue<std::string>("overall_rating");
    if (!overall.empty() && !in->getValue<std::string>("inspected").empty())
      CHECK(page.body.find("<th scope=\"col\">" + in->getValue<std::string>("inspected").substr(0, 7) + "</th>") != std::string::npos);
  }
  CHECK(page.body.find("<td class=\"rating-inadequate\">Inadequate</td>") != std::string::npos);
  CHECK(page.body.find("name=\"trust\" value=\"RMY\"") != std::string::npos);  // the scoped search box
  CHECK(page.body.find("Formerly: Norfolk and Waveney Mental Health NHS Foundation Trust") != std::string::npos);
  const std::string first_doc = inspections->getObject(0)->getArray("documents")->getObject(0)->getValue<std::string>("id");
  CHECK(page.body.find("href=\"/documents/" + first_doc + "\"") != std::string::npos);
}

TEST_CASE("GET /api/documents/{id}/cite: text, BibTeX and CSL-JSON with digests that prove the bytes") {
  auto& s = SampleServer::get();
  auto hit = http(s.port(), "/api/search?q=seclusion+kind:report&per_page=1").json()->getArray("hits")->getObject(0);
  const std::string id = hit->getValue<std::string>("id");
  const std::string url = hit->getValue<std::string>("url");
  const std::string bytes = cqc::test::slurp(std::string(CQC_SAMPLE_DIR) + "/" +
                                             url.substr(std::string("https://sample.cqc-archive.test/").size()));
  Poco::SHA2Engine sha(Poco::SHA2Engine::SHA_256);
  sha.update(bytes.data(), static_cast<unsigned>(bytes.size()));
  const std::string sha256 = Poco::DigestEngine::digestToHex(sha.digest());

  const auto text = http(s.port(), "/api/documents/" + id + "/cite?format=text&page=2");
  REQUIRE(text.status == 200);
  CHECK(text.head.getContentType() == "text/plain; charset=utf-8");
  for (const std::string& part : {sha256, url, hit->getValue<std::string>("title"), std::string("page 2"),
                                  std::string("Care Quality Commission")})
    CHECK_MESSAGE(text.body.find(part) != std::string::npos, part);
  // The permalink names the capture, and gives back exactly the cited bytes.
  const auto at = text.body.find("/documents/" + id + "/original?capture=");
  REQUIRE(at != std::string::npos);
  const std::string permalink = text.body.substr(at, text.body.find_first_of("# ", at) - at);
  CHECK(http(s.port(), permalink).body == bytes);

  const auto bib = http(s.port(), "/api/documents/" + id + "/cite?format=bibtex");
  CHECK(bib.body.rfind("@techreport{cqc-" + id + "-", 0) == 0);
  CHECK(bib.body.find("url = {" + url + "}") != std::string::npos);
  CHECK(bib.body.find(sha256) != std::string::npos);

  const auto csl = http(s.port(), "/api/documents/" + id + "/cite?format=csl-json");
  CHECK(csl.head.getContentType() == "application/vnd.citationstyles.csl+json");
  Poco::JSON::Parser parser;
  auto item = parser.parse(csl.body).extract<Poco::JSON::Array::Ptr>()->getObject(0);
  CHECK(item->getValue<std::string>("type") == "report");
  CHECK(item->getValue<std::string>("URL") == url);
  CHECK(item->getValue<std::string>("note").find(sha256) != std::string::npos);
  auto issued = item->getObject("issued")->getArray("date-parts")->getArray(0);
  CHECK(std::to_string(issued->getElement<int>(0)) == hit->getValue<std::string>("published").substr(0, 4));

  CHECK(http(s.port(), "/api/documents/" + id + "/cite?format=ris").status == 400);
  CHECK(http(s.port(), "/api/documents/" + id + "/cite?capture=999999").status == 404);
}

TEST_CASE("trend: per bucket, the matches and the archive's documents agree with searches") {
  auto& s = SampleServer::get();
  auto run = [&](const std::vector<std::string>& args) {
    auto r = cqc::test::run_cli(s.tmp, s.data, args);
    REQUIRE_MESSAGE(r.code == 0, r.err);
    return r;
  };
  auto total = [&](const std::vector<std::string>& words) {
    std::vector<std::string> args = {"search", "--json", "--limit", "0"};
    args.insert(args.end(), words.begin(), words.end());
    return run(args).json()->getValue<std::uint64_t>("total");
  };
  auto years = run({"trend", "seclusion", "--json"}).json()->getArray("buckets");
  REQUIRE(years->size() >= 10);
  for (unsigned i = 0; i < years->size(); ++i) {
    auto b = years->getObject(i);
    const std::string y = b->getValue<std::string>("bucket");
    CAPTURE(y);
    CHECK(b->getValue<std::uint64_t>("matching") == total({"seclusion", "year:" + y}));
    CHECK(b->getValue<std::uint64_t>("documents") == total({"year:" + y}));
  }
  auto trusts = run({"trend", "seclusion", "--by", "trust", "--json"}).json()->getArray("buckets");
  REQUIRE(trusts->size() > 0);
  auto first = trusts->getObject(0);
  CHECK(first->getValue<std::uint64_t>("matching") == total({"seclusion", "trust:" + first->getValue<std::string>("bucket")}));
  // Months: every month from the first to the last, none skipped, and no match lost.
  auto months = run({"trend", "seclusion", "--by", "month", "--json"}).json()->getArray("buckets");
  std::uint64_t matched = 0;
  for (unsigned i = 0; i < months->size(); ++i) matched += months->getObject(i)->getValue<std::uint64_t>("matching");
  CHECK(matched >= 1);
  CHECK(matched <= total({"seclusion"}));
  const std::string m0 = months->getObject(0)->getValue<std::string>("bucket");
  const std::string m1 = months->getObject(months->size() - 1)->getValue<std::string>("bucket");
  const int span = (std::stoi(m1.substr(0, 4)) - std::stoi(m0.substr(0, 4))) * 12 + std::stoi(m1.substr(5)) - std::stoi(m0.substr(5)) + 1;
  CHECK(static_cast<int>(months->size()) == span);
  CHECK(cqc::test::run_cli(s.tmp, s.data, {"trend", "--by", "week"}).code == 2);
}
