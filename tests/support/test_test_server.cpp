// Checks the loopback test server with Poco's HTTP client: validators and 304s, the fake CQC
// API (key, fields, paging, reports), redirects, error routes, gzip, big and slow bodies, the
// request log and the concurrency counter.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <Poco/InflatingStream.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>
#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <memory>
#include <pugixml.hpp>
#include <regex>
#include <sstream>
#include <thread>
#include <vector>

#include "tests/support/test_server.hpp"

using cqc::test::HeaderMap;
using cqc::test::TestServer;
using cqc::test::TestServerOptions;

namespace {

struct Reply {
  int status = 0;
  HeaderMap headers;
  std::string body;
  bool has(const std::string& name) const { return headers.count(name) > 0; }
  std::string operator[](const std::string& name) const {
    auto it = headers.find(name);
    return it == headers.end() ? std::string() : it->second;
  }
};

using Headers = std::vector<std::pair<std::string, std::string>>;

Reply fetch(const TestServer& server, const std::string& target, const Headers& headers = {},
            const std::string& method = "GET") {
  Poco::Net::HTTPClientSession session("127.0.0.1", static_cast<Poco::UInt16>(server.port()));
  session.setTimeout(Poco::Timespan(5, 0));
  Poco::Net::HTTPRequest request(method, target, Poco::Net::HTTPMessage::HTTP_1_1);
  for (const auto& [name, value] : headers) request.set(name, value);
  session.sendRequest(request);
  Poco::Net::HTTPResponse response;
  std::istream& in = session.receiveResponse(response);
  Reply reply;
  reply.status = response.getStatus();
  for (const auto& [name, value] : response) reply.headers[name] = value;
  Poco::StreamCopier::copyToString(in, reply.body);
  return reply;
}

std::string gunzip(const std::string& bytes) {
  std::istringstream in(bytes);
  Poco::InflatingInputStream inflater(in, Poco::InflatingStreamBuf::STREAM_GZIP);
  std::string out;
  Poco::StreamCopier::copyToString(inflater, out);
  return out;
}

bool is_gzip(const std::string& bytes) {
  return bytes.size() > 2 && static_cast<unsigned char>(bytes[0]) == 0x1f &&
         static_cast<unsigned char>(bytes[1]) == 0x8b;
}

Poco::JSON::Object::Ptr json(const std::string& text) {
  return Poco::JSON::Parser().parse(text).extract<Poco::JSON::Object::Ptr>();
}

const Headers kKey = {{"Ocp-Apim-Subscription-Key", "test-key"}};

std::vector<std::string> names(const Poco::JSON::Array::Ptr& list) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < list->size(); ++i)
    out.push_back(list->getObject(i)->getValue<std::string>("name"));
  return out;
}

}  // namespace

TEST_CASE("documents carry validators and honour conditional requests") {
  TestServer server;
  const std::string path = "/docs/builtin/news-1.html";
  Reply r = fetch(server, path);
  CHECK(r.status == 200);
  CHECK(r["Content-Type"] == "text/html; charset=utf-8");
  CHECK(r["Content-Length"] == std::to_string(r.body.size()));
  CHECK(r.has("Date"));
  const std::string etag = r["ETag"];
  CHECK(std::regex_match(etag, std::regex("\"[0-9a-f]{20}\"")));
  CHECK(etag == server.document_etag(path));
  CHECK(r["Last-Modified"] == "Fri, 13 Sep 2019 09:00:00 GMT");

  Reply same = fetch(server, path, {{"If-None-Match", etag}});
  CHECK(same.status == 304);
  CHECK(same["ETag"] == etag);
  CHECK(same.body.empty());
  CHECK(fetch(server, path, {{"If-None-Match", "\"other\", W/" + etag}}).status == 304);
  CHECK(fetch(server, path, {{"If-None-Match", "\"other\""}}).status == 200);
  CHECK(fetch(server, path, {{"If-Modified-Since", r["Last-Modified"]}}).status == 304);
  CHECK(fetch(server, path, {{"If-Modified-Since", "Thu, 12 Sep 2019 09:00:00 GMT"}}).status ==
        200);

  Reply head = fetch(server, path, {}, "HEAD");
  CHECK(head.status == 200);
  CHECK(head["Content-Length"] == std::to_string(r.body.size()));
  CHECK(head.body.empty());
  CHECK(fetch(server, path, {}, "POST").status == 405);

  server.set_document(path, "<html><body>changed</body></html>", "text/html; charset=utf-8");
  Reply changed = fetch(server, path, {{"If-None-Match", etag}});
  CHECK(changed.status == 200);
  CHECK(changed.body == "<html><body>changed</body></html>");
  CHECK(changed["ETag"] != etag);
  CHECK(fetch(server, path, {{"If-Modified-Since", r["Last-Modified"]}}).status == 200);
  server.set_document(path, "<html><body>changed</body></html>", "text/html; charset=utf-8");
  CHECK(fetch(server, path)["ETag"] == changed["ETag"]);  // same bytes: same validators

  server.set_document("/docs/extra/new.html", "<html><title>New</title></html>", "text/html");
  CHECK(fetch(server, "/sitemap.xml").body.find(server.url("/docs/extra/new.html")) !=
        std::string::npos);
  CHECK(server.remove_document("/docs/extra/new.html"));
  CHECK(fetch(server, "/docs/extra/new.html").status == 404);
}

TEST_CASE("robots.txt disallows /private/ and has a Crawl-delay unless disabled") {
  TestServer server;
  Reply robots = fetch(server, "/robots.txt");
  CHECK(robots.status == 200);
  CHECK(robots["Content-Type"] == "text/plain; charset=utf-8");
  CHECK(robots.body.find("User-agent: *\nDisallow: /private/\nCrawl-delay: 1\n") == 0);
  CHECK(fetch(server, "/private/secret.html").status == 200);

  TestServerOptions options;
  options.crawl_delay = false;
  TestServer fast("", options);
  CHECK(fetch(fast, "/robots.txt").body.find("Crawl-delay") == std::string::npos);
}

TEST_CASE("sitemaps and feeds are well-formed") {
  TestServer server;
  const std::string ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
  pugi::xml_document doc;
  Reply sitemap = fetch(server, "/sitemap.xml");
  REQUIRE(doc.load_string(sitemap.body.c_str()));
  CHECK(std::string(doc.child("urlset").attribute("xmlns").value()) == ns);
  int urls = 0, with_lastmod = 0;
  for (auto url : doc.child("urlset").children("url")) {
    ++urls;
    with_lastmod += url.child("lastmod") ? 1 : 0;
  }
  CHECK(urls == 4);
  CHECK(with_lastmod == 3);

  Reply index = fetch(server, "/sitemap_index.xml");
  REQUIRE(doc.load_string(index.body.c_str()));
  std::vector<std::string> locs;
  for (auto s : doc.child("sitemapindex").children("sitemap")) locs.push_back(s.child_value("loc"));
  CHECK(locs == std::vector<std::string>{server.url("/sitemap-news.xml.gz"),
                                         server.url("/sitemap-reports.xml")});

  Reply gz = fetch(server, "/sitemap-news.xml.gz");
  CHECK(gz["Content-Type"] == "application/gzip");
  CHECK_FALSE(gz.has("Content-Encoding"));
  REQUIRE(is_gzip(gz.body));
  REQUIRE(doc.load_string(gunzip(gz.body).c_str()));
  CHECK(std::distance(doc.child("urlset").children("url").begin(),
                      doc.child("urlset").children("url").end()) == 3);

  REQUIRE(doc.load_string(fetch(server, "/sitemap-reports.xml").body.c_str()));
  CHECK(std::string(doc.child("urlset").child("url").child_value("loc")) ==
        server.url("/docs/builtin/report.pdf"));

  Reply rss = fetch(server, "/feed.rss");
  CHECK(rss["Content-Type"] == "application/rss+xml; charset=utf-8");
  REQUIRE(doc.load_string(rss.body.c_str()));
  auto item = doc.child("rss").child("channel").child("item");
  CHECK(std::string(item.child_value("title")) ==
        "Norfolk and Suffolk mental health trust remains inadequate | Test News");
  CHECK(std::string(item.child_value("link")) == server.url("/docs/builtin/news-2.html"));
  CHECK(std::string(item.child_value("pubDate")) == "Tue, 21 Feb 2023 09:00:00 GMT");
  CHECK(std::string(item.child_value("guid")) == server.url("/docs/builtin/news-2.html"));

  REQUIRE(doc.load_string(fetch(server, "/feed.atom").body.c_str()));
  auto entry = doc.child("feed").child("entry");
  CHECK(std::string(entry.child("link").attribute("href").value()) ==
        server.url("/docs/builtin/news-2.html"));
  CHECK(std::string(entry.child("link").attribute("rel").value()) == "alternate");
  CHECK(std::string(entry.child_value("updated")) == "2023-02-21T09:00:00Z");
  CHECK(!std::string(entry.child_value("id")).empty());
}

TEST_CASE("the API wants the subscription key") {
  TestServer server;
  Reply missing = fetch(server, "/public/v1/providers/RT5");
  CHECK(missing.status == 401);
  Reply wrong = fetch(server, "/public/v1/providers/RT5", {{"Ocp-Apim-Subscription-Key", "nope"}});
  CHECK(wrong.status == 401);
  CHECK(wrong["Content-Type"] == "application/json; charset=utf-8");
  auto body = json(wrong.body);
  CHECK(body->getValue<int>("statusCode") == 401);
  CHECK(body->getValue<std::string>("message") ==
        "Access denied due to invalid subscription key. Make sure to provide a valid key for an "
        "active subscription.");
  CHECK(fetch(server, "/public/v1/providers/RT5", kKey).status == 200);
  CHECK(fetch(server, "/public/v1/providers/XYZ", kKey).status == 404);
}

TEST_CASE("API provider and location use the real field names; historic order differs") {
  TestServer server;
  auto p = json(fetch(server, "/public/v1/providers/RT5", kKey).body);
  CHECK(p->getValue<std::string>("providerId") == "RT5");
  CHECK(p->getValue<std::string>("organisationType") == "Provider");
  CHECK(p->getValue<std::string>("ownershipType") == "NHS Body");
  CHECK(p->getValue<std::string>("type") == "NHS Healthcare Organisation");
  CHECK(p->getValue<std::string>("name") == "Leicestershire Partnership NHS Trust");
  CHECK(p->getArray("locationIds")->size() == 3);
  auto current = p->getObject("currentRatings");
  auto overall = current->getObject("overall");
  CHECK(overall->getValue<std::string>("rating") == "Requires improvement");
  CHECK(overall->getValue<std::string>("reportDate") == "2019-09-13");
  const std::string link = overall->getValue<std::string>("reportLinkId");
  CHECK(std::regex_match(
      link, std::regex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")));
  auto kq_current = names(overall->getArray("keyQuestionRatings"));
  CHECK(kq_current ==
        std::vector<std::string>{"Safe", "Effective", "Caring", "Responsive", "Well-led"});
  auto services = current->getArray("serviceRatings");
  CHECK(services->getObject(0)->getValue<std::string>("name") ==
        "Acute wards for adults of working age and psychiatric intensive care units");
  CHECK(services->getObject(1)->getValue<std::string>("reportDate") ==
        "2018-03-27");  // older service rating

  auto historic = p->getArray("historicRatings")->getObject(0);
  CHECK(historic->getValue<std::string>("organisationId") == "RT5");
  auto kq_historic = names(historic->getObject("overall")->getArray("keyQuestionRatings"));
  CHECK(kq_historic.size() == 5);
  CHECK(kq_historic != kq_current);
  for (std::size_t i = 0; i < 5; ++i) CHECK(kq_historic[i] != kq_current[i]);
  CHECK(names(historic->getArray("serviceRatings"))[0] != names(services)[0]);

  auto report = p->getArray("reports")->getObject(0);
  CHECK(report->getValue<std::string>("linkId") == link);
  CHECK(report->getValue<std::string>("reportUri") == "/reports/" + link);
  CHECK(report->getValue<std::string>("reportType") == "Provider");
  CHECK(report->getValue<std::string>("firstVisitDate") == "2019-06-11");

  auto l = json(fetch(server, "/public/v1/locations/RT5X1", kKey).body);
  CHECK(l->getValue<std::string>("locationId") == "RT5X1");
  CHECK(l->getValue<std::string>("providerId") == "RT5");
  CHECK(l->getValue<std::string>("registrationStatus") == "Registered");
  CHECK(l->getArray("reports")->getObject(0)->getValue<std::string>("reportType") == "Location");
  CHECK(l->getArray("reports")->getObject(0)->getValue<std::string>("linkId") != link);
  CHECK(TestServer::api_reports().size() == 15);
}

TEST_CASE("API awkward cases: a rated location with no report, an impossible date pair") {
  TestServer server;
  auto rated = json(fetch(server, "/public/v1/locations/RT5X3", kKey).body);
  CHECK(rated->getValue<std::string>("providerId") == "RT5");
  CHECK_FALSE(rated->has("reports"));
  CHECK_FALSE(rated->has("lastReport"));
  auto overall = rated->getObject("currentRatings")->getObject("overall");
  CHECK(overall->getValue<std::string>("rating") == "Requires improvement");
  CHECK(overall->getArray("keyQuestionRatings")->size() == 5);

  auto odd = json(fetch(server, "/public/v1/locations/RMY03", kKey).body);
  auto report = odd->getArray("reports")->getObject(0);
  CHECK(report->getValue<std::string>("reportDate") == "2023-04-01");
  CHECK(report->getValue<std::string>("firstVisitDate") == "2023-05-02");
}

TEST_CASE("API lists are paged") {
  TestServer server;
  auto first = json(fetch(server, "/public/v1/providers?page=1&perPage=1", kKey).body);
  CHECK(first->getValue<int>("total") == 2);
  CHECK(first->getValue<int>("totalPages") == 2);
  CHECK(first->getValue<int>("page") == 1);
  CHECK(first->getValue<int>("perPage") == 1);
  CHECK(first->getValue<std::string>("firstPageUri") == "/providers?page=1&perPage=1");
  CHECK(first->getValue<std::string>("nextPageUri") == "/providers?page=2&perPage=1");
  CHECK_FALSE(first->has("previousPageUri"));
  CHECK(first->getArray("providers")->getObject(0)->getValue<std::string>("providerId") == "RT5");
  auto second = json(fetch(server, "/public/v1/providers?page=2&perPage=1", kKey).body);
  CHECK_FALSE(second->has("nextPageUri"));
  CHECK(second->getValue<std::string>("previousPageUri") == "/providers?page=1&perPage=1");
  CHECK(second->getArray("providers")->getObject(0)->getValue<std::string>("providerName") ==
        "Norfolk and Suffolk NHS Foundation Trust");
  auto all = json(fetch(server, "/public/v1/locations", kKey).body);
  CHECK(all->getArray("locations")->size() == 6);
  CHECK(fetch(server, "/public/v1/providers?page=0", kKey).status == 400);
}

TEST_CASE("API reports follow the Accept header") {
  TestServer server;
  const std::string target = "/public/v1/reports/aa446b23-1f37-4a1b-b733-86137f3c09e4";
  Headers pdf = kKey, text = kKey, html = kKey;
  pdf.emplace_back("Accept", "application/pdf");
  text.emplace_back("Accept", "text/plain");
  html.emplace_back("Accept", "text/html");
  Reply r = fetch(server, target, pdf);
  CHECK(r.status == 200);
  CHECK(r["Content-Type"] == "application/pdf");
  CHECK(r.body.rfind("%PDF-1.4", 0) == 0);
  CHECK(r.body.find("%%EOF") != std::string::npos);
  CHECK(r.has("ETag"));
  Reply t = fetch(server, target, text);
  CHECK(t["Content-Type"] == "text/plain; charset=utf-8");
  CHECK(t.body.find("Bradgate Mental Health Unit") != std::string::npos);
  CHECK(fetch(server, target, html).status == 406);
  CHECK(fetch(server, "/public/v1/reports/00000000-0000-0000-0000-000000000000", pdf).status ==
        404);
}

TEST_CASE("redirect routes send the documented Location headers") {
  TestServer server;
  Reply r = fetch(server, "/redirect/3");
  CHECK(r.status == 302);
  CHECK(r["Location"] == server.url("/redirect/2"));
  CHECK(fetch(server, "/redirect/1")["Location"] == server.url("/docs/builtin/news-1.html"));
  CHECK(fetch(server, "/redirect-loop")["Location"] == "/redirect-loop-2");
  CHECK(fetch(server, "/redirect-loop-2")["Location"] == "/redirect-loop");
  CHECK(fetch(server, "/redirect-to-file")["Location"] == "file:///etc/passwd");
  CHECK(fetch(server, "/redirect-to-port")["Location"] ==
        "http://127.0.0.1:" + std::to_string(server.port() + 1) + "/x");
  CHECK(fetch(server, "/redirect-to-private")["Location"] == "http://10.0.0.1/x");
  CHECK(fetch(server, "/redirect-relative")["Location"] == "../docs/builtin/news-1.html");
  CHECK(fetch(server, "/redirect-301").status == 301);
}

TEST_CASE("rate limit, flaky and failing routes") {
  TestServer server;
  Reply limited = fetch(server, "/rate-limited");
  CHECK(limited.status == 429);
  CHECK(limited["Retry-After"] == "1");
  CHECK(fetch(server, "/rate-limited").status == 200);
  Reply flaky = fetch(server, "/flaky");
  CHECK(flaky.status == 503);
  CHECK_FALSE(flaky.has("Retry-After"));
  CHECK(fetch(server, "/flaky").status == 503);
  CHECK(fetch(server, "/flaky").status == 200);
  CHECK(fetch(server, "/always-500").status == 500);
  CHECK(fetch(server, "/always-500").status == 500);
  CHECK(fetch(server, "/status/410").status == 410);
  server.reset_counters();
  CHECK(fetch(server, "/rate-limited").status == 429);
}

TEST_CASE("the gzip page is sent as gzip bytes") {
  TestServer server;
  Reply r = fetch(server, "/gzip.html");
  CHECK(r["Content-Encoding"] == "gzip");
  CHECK(r["Content-Type"] == "text/html; charset=utf-8");
  CHECK(r["Content-Length"] == std::to_string(r.body.size()));
  REQUIRE(is_gzip(r.body));
  CHECK(gunzip(r.body).find("<h1>Compressed page</h1>") != std::string::npos);
}

TEST_CASE("huge bodies, with and without Content-Length") {
  TestServer server;
  Reply fixed = fetch(server, "/huge");
  CHECK(fixed["Content-Length"] == std::to_string(3 * 1024 * 1024));
  CHECK(fixed.body.size() == 3u * 1024u * 1024u);
  Reply chunked = fetch(server, "/huge-chunked");
  CHECK(chunked["Transfer-Encoding"] == "chunked");
  CHECK_FALSE(chunked.has("Content-Length"));
  CHECK(chunked.body.size() == 3u * 1024u * 1024u);
}

TEST_CASE("slow and stalled responses end promptly when the server is destroyed") {
  for (const std::string path : {"/slow", "/stall"}) {
    CAPTURE(path);
    auto server = std::make_unique<TestServer>();
    Poco::Net::HTTPClientSession session("127.0.0.1", static_cast<Poco::UInt16>(server->port()));
    session.setTimeout(Poco::Timespan(2, 0));
    Poco::Net::HTTPRequest request("GET", path, Poco::Net::HTTPMessage::HTTP_1_1);
    session.sendRequest(request);
    Poco::Net::HTTPResponse response;
    std::istream& in = session.receiveResponse(response);
    CHECK(response.getStatus() == 200);
    if (path == "/slow") {
      CHECK(response.getContentLength() == 600);
      auto start = std::chrono::steady_clock::now();
      char bytes[4];
      in.read(bytes, sizeof bytes);
      auto took = std::chrono::steady_clock::now() - start;
      CHECK(in.gcount() == 4);
      CHECK(took >= std::chrono::milliseconds(100));  // 20 bytes per second
    }
    auto start = std::chrono::steady_clock::now();
    server.reset();
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(1));
  }
}

TEST_CASE("the request log records method, target, headers and status") {
  TestServer server;
  fetch(server, "/bench/7.html?x=1", {{"User-Agent", "cqc-archive-test/1.0"}});
  auto log = server.requests();
  REQUIRE(log.size() == 1);
  CHECK(log[0].method == "GET");
  CHECK(log[0].target == "/bench/7.html?x=1");
  CHECK(log[0].path == "/bench/7.html");
  CHECK(log[0].headers.at("user-agent") == "cqc-archive-test/1.0");
  CHECK(log[0].status == 200);
  CHECK(server.count("/bench/7.html") == 1);
  CHECK(server.count("/private/secret.html") == 0);

  server.clear_log();
  CHECK(server.requests().empty());
}

TEST_CASE("the concurrency counter sees requests in flight together") {
  auto server = std::make_unique<TestServer>();
  const int port = server->port();
  std::vector<std::thread> clients;
  for (int i = 0; i < 4; ++i) {
    clients.emplace_back([port] {
      try {
        Poco::Net::HTTPClientSession session("127.0.0.1", static_cast<Poco::UInt16>(port));
        session.setTimeout(Poco::Timespan(10, 0));
        Poco::Net::HTTPRequest request("GET", "/delay/10000", Poco::Net::HTTPMessage::HTTP_1_1);
        session.sendRequest(request);
        Poco::Net::HTTPResponse response;
        session.receiveResponse(response);
      } catch (const Poco::Exception&) {
        // the server is destroyed while the request waits
      }
    });
  }
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(3);
  while (server->max_concurrent() < 4 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  CHECK(server->max_concurrent() == 4);
  CHECK(server->count("/delay/10000") == 4);
  CHECK(server->requests().front().status == 0);  // still being handled
  server.reset();                                 // ends the waits at once
  for (auto& c : clients) c.join();
}

TEST_CASE("benchmark documents and their list") {
  TestServer server;
  Reply page = fetch(server, "/bench/99999.html");
  CHECK(page.status == 200);
  CHECK(page.body.find("Bench document 99999") != std::string::npos);
  CHECK(fetch(server, "/bench/100000.html").status == 404);
  Reply list = fetch(server, "/bench/list.txt?n=3");
  CHECK(list.body == server.url("/bench/0.html") + "\n" + server.url("/bench/1.html") + "\n" +
                         server.url("/bench/2.html") + "\n");
  CHECK(fetch(server, "/bench/list.txt?n=abc").status == 400);
}

TEST_CASE("the sample corpus is served under /docs/ and by the API") {
#ifdef CQC_SAMPLE_DIR
  const std::filesystem::path dir = CQC_SAMPLE_DIR;
  if (!std::filesystem::exists(dir / "reports" / "rt5-2019-06-report.pdf")) {
    MESSAGE("sample corpus not built; skipped");
    return;
  }
  TestServer server(dir.string());
  Reply pdf = fetch(server, "/docs/reports/rt5-2019-06-report.pdf");
  CHECK(pdf.status == 200);
  CHECK(pdf["Content-Type"] == "application/pdf");
  CHECK(pdf["Last-Modified"] == "Sat, 01 Jun 2019 09:00:00 GMT");
  std::ifstream file(dir / "reports" / "rt5-2019-06-report.pdf", std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  CHECK(pdf.body == bytes);
  Headers accept = kKey;
  accept.emplace_back("Accept", "application/pdf");
  CHECK(fetch(server, "/public/v1/reports/46f23a0f-4d77-439b-aaf6-7cd0b52da698", accept).body ==
        bytes);
  Reply news = fetch(server, "/docs/news/rt5-2019-welcomes-cqc-report.html");
  CHECK(news["Last-Modified"] == "Fri, 13 Sep 2019 09:00:00 GMT");
  pugi::xml_document doc;
  REQUIRE(doc.load_string(fetch(server, "/feed.rss").body.c_str()));
  auto items = doc.child("rss").child("channel").children("item");
  CHECK(std::distance(items.begin(), items.end()) == 20);
#else
  MESSAGE("CQC_SAMPLE_DIR not defined; skipped");
#endif
}
