// cqc-bench-search INDEX_DIR [ROUNDS [CLASS]]: opens the index once and runs a fixed set
// of query classes (rare word, common word, phrase, boolean, wildcard, each bare and with
// facet filters; date range; sort; browse) ROUNDS times each (default 50, after one warm-up
// round), each search the full answer (10 hits with snippets and pages, exact facet counts
// over the whole match set, timeline). Prints per class p50/p95/p99 in milliseconds and the
// hit count, then the same over all classes together. CLASS runs that class alone (profiling).
#include <algorithm>
#include <chrono>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "search/search.hpp"

namespace {

struct Case {
  const char* name;
  const char* query;
  const char* sort = "relevance";
};

// The words suit the benchmark corpus (/work/corpus: Debian documentation in HTML and PDF,
// every document of kind other); any index works.
const std::vector<Case> kCases = {
    {"rare", "tablespace"},
    {"rare+facets", "tablespace kind:other"},
    {"common", "file"},
    {"common+facets", "file kind:other year:2019"},
    {"phrase", "\"memory management\""},
    {"phrase+facets", "\"memory management\" kind:other"},
    {"boolean", "(memory OR disk) NOT network"},
    {"boolean+facets", "(memory OR disk) NOT network kind:other"},
    {"wildcard", "postgre*"},
    {"wildcard+facets", "postgre* kind:other"},
    {"date-range", "configuration published:2000..2019"},
    {"sort-newest", "configuration", "newest"},
    {"browse-all", ""},
};

// CPU time of this thread in milliseconds (the machine may be busy with other work).
double cpu_ms() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

double percentile(const std::vector<double>& sorted, double p) {
  return sorted[std::min(sorted.size() - 1, static_cast<size_t>(p * static_cast<double>(sorted.size())))];
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2 || std::string(argv[1]) == "--help") {
    std::fprintf(stderr, "usage: cqc-bench-search INDEX_DIR [ROUNDS [CLASS]]\n");
    return 2;
  }
  const int rounds = argc > 2 ? std::max(1, std::atoi(argv[2])) : 50;
  cqc::search::Searcher searcher(argv[1]);
  std::printf("%-16s %8s %8s %8s %8s %8s  (ms; cpu = CPU time p50; full answer, %d rounds, %llu documents)\n",
              "class", "p50", "p95", "p99", "cpu", "hits", rounds,
              static_cast<unsigned long long>(searcher.document_count()));
  std::vector<double> all, all_cpu;
  const std::string only = argc > 3 ? argv[3] : "";
  for (const Case& c : kCases) {
    if (!only.empty() && only != c.name) continue;
    cqc::search::SearchRequest req;
    req.query = c.query;
    req.sort = c.sort;
    std::vector<double> ms, cpu;
    std::uint64_t total = 0;
    for (int i = -1; i < rounds; ++i) {  // round -1 warms the caches up and is not counted
      const double c0 = cpu_ms();
      auto t0 = std::chrono::steady_clock::now();
      auto r = searcher.search(req);
      auto t1 = std::chrono::steady_clock::now();
      total = r.total;
      if (i < 0) continue;
      ms.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
      cpu.push_back(cpu_ms() - c0);
    }
    all.insert(all.end(), ms.begin(), ms.end());
    all_cpu.insert(all_cpu.end(), cpu.begin(), cpu.end());
    std::sort(ms.begin(), ms.end());
    std::sort(cpu.begin(), cpu.end());
    std::printf("%-16s %8.3f %8.3f %8.3f %8.3f %8llu\n", c.name, percentile(ms, 0.50), percentile(ms, 0.95),
                percentile(ms, 0.99), percentile(cpu, 0.50), static_cast<unsigned long long>(total));
  }
  if (all.empty()) {
    std::fprintf(stderr, "cqc-bench-search: no query class called '%s'\n", only.c_str());
    return 2;
  }
  std::sort(all.begin(), all.end());
  std::sort(all_cpu.begin(), all_cpu.end());
  std::printf("%-16s %8.3f %8.3f %8.3f %8.3f\n", "all", percentile(all, 0.50), percentile(all, 0.95),
              percentile(all, 0.99), percentile(all_cpu, 0.50));
  return 0;
}
