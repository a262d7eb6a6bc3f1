// The index is updated (import + index by the real binary) while clients query continuously:
// no request may fail, and each new document must become searchable within seconds.
#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>

#include "http_client.hpp"

using cqc::test::http;

namespace {

const char* const kWords[] = {"quokkaalpha", "quokkabravo", "quokkacharlie", "quokkadelta", "quokkaecho"};

std::string news_page(const std::string& word, int n) {
  return "<!doctype html><html><head><title>Live update " + std::to_string(n) + " about " + word +
         "</title><meta property=\"article:published_time\" content=\"2024-0" + std::to_string(n % 9 + 1) +
         "-15\"></head><body><main><h1>Ward report " + word + "</h1><p>Inspectors found the " + word +
         " ward clean and well staffed. Seclusion was rarely used and always recorded.</p>"
         "<p>The trust said it welcomed the findings.</p></main></body></html>";
}

}  // namespace

TEST_CASE("new documents appear while the server runs, and no request fails during commits") {
  cqc::test::TempDir tmp;
  const std::string data = tmp / "data";
  cqc::test::build_sample(tmp, data);
  cqc::search::http::ServerOptions o;
  o.port = 0;
  o.front.threads = 4;
  cqc::search::http::Server server(data, o);
  server.start();
  const unsigned port = server.port();

  std::atomic<bool> stop{false};
  std::atomic<int> requests{0}, failures{0};
  std::mutex mutex;
  std::string first_failure;  // doctest macros are not thread-safe: report after joining
  auto note_failure = [&](const std::string& what) {
    ++failures;
    std::lock_guard<std::mutex> lock(mutex);
    if (first_failure.empty()) first_failure = what;
  };
  std::vector<std::thread> clients;
  for (int c = 0; c < 3; ++c) {
    clients.emplace_back([&, c] {
      const char* targets[] = {"/api/search?q=seclusion", "/api/search?q=quokka*&sort=newest", "/api/stats",
                               "/api/export?q=seclusion"};
      for (int i = 0; !stop; ++i) {
        try {
          auto r = http(port, targets[(i + c) % 4]);
          if (r.status != 200) note_failure(std::to_string(r.status) + " " + r.body);
        } catch (const std::exception& e) {
          note_failure(e.what());
        }
        ++requests;
      }
    });
  }

  double slowest = 0;
  for (int round = 0; round < 5; ++round) {
    const std::string word = kWords[round];
    tmp.write("live" + std::to_string(round) + "/page.html", news_page(word, round));
    for (int extra = 0; extra < 3; ++extra)  // more documents: more commits with --batch 1
      tmp.write("live" + std::to_string(round) + "/more" + std::to_string(extra) + ".html",
                news_page(word + "x" + std::to_string(extra), round));
    auto imp = cqc::test::run_cli(tmp, data, {"import", "--base-url", "https://live.test/r" + std::to_string(round) + "/",
                                              tmp / ("live" + std::to_string(round))});
    REQUIRE(imp.code == 0);
    const auto start = std::chrono::steady_clock::now();
    auto idx = cqc::test::run_cli(tmp, data, {"index", "--batch", "1"});
    REQUIRE(idx.code == 0);
    bool found = false;
    double waited = 0;
    while (!found && waited < 10) {
      auto r = http(port, "/api/search?q=" + word);
      REQUIRE(r.status == 200);
      found = r.json()->getValue<int>("total") >= 1;
      waited = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      if (!found) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    CHECK_MESSAGE(found, word << " not searchable after 10 s");
    slowest = std::max(slowest, waited);
  }
  stop = true;
  for (auto& t : clients) t.join();
  MESSAGE(requests.load() << " requests during 5 index runs; slowest new document appeared after "
                          << slowest << " s (including the index run)");
  CHECK_MESSAGE(failures.load() == 0, "first failure: " << first_failure);
  CHECK(requests.load() > 20);
  auto stats = http(port, "/api/stats").json();
  CHECK(stats->getValue<int>("documents") == 45 + 20);
}
