// cqc-bench-search INDEX_DIR [ROUNDS]: opens the index once and runs a fixed mixed query set
// ROUNDS times (default 50), printing per-query-kind median and p99 latency in milliseconds.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "search/search.hpp"

int main(int argc, char** argv) {
  if (argc < 2 || std::string(argv[1]) == "--help") {
    std::fprintf(stderr, "usage: cqc-bench-search INDEX_DIR [ROUNDS]\n");
    return 2;
  }
  const int rounds = argc > 2 ? std::atoi(argv[2]) : 50;
  cqc::search::Searcher searcher(argv[1]);
  const std::vector<std::pair<const char*, const char*>> cases = {
      {"word", "seclusion"},
      {"word+filters", "seclusion rating:requires-improvement kind:report"},
      {"phrase", "\"seclusion room\""},
      {"boolean", "(seclusion OR restraint) NOT maternity"},
      {"wildcard", "seclu*"},
      {"browse-all", ""},
      {"date-range", "staffing inspected:2016..2019"},
  };
  std::printf("%-14s %8s %8s %8s  (ms, %d rounds, %llu documents)\n", "query", "median", "p99", "hits",
              rounds, static_cast<unsigned long long>(searcher.document_count()));
  for (const auto& [name, query] : cases) {
    cqc::search::SearchRequest req;
    req.query = query;
    std::vector<double> ms;
    std::uint64_t total = 0;
    for (int i = 0; i < rounds; ++i) {
      auto t0 = std::chrono::steady_clock::now();
      auto r = searcher.search(req);
      auto t1 = std::chrono::steady_clock::now();
      total = r.total;
      ms.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
    }
    std::sort(ms.begin(), ms.end());
    std::printf("%-14s %8.2f %8.2f %8llu\n", name, ms[ms.size() / 2],
                ms[std::min(ms.size() - 1, ms.size() * 99 / 100)], static_cast<unsigned long long>(total));
  }
  return 0;
}
