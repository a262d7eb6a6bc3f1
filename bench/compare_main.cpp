// cqc-bench-compare MODE ENGINE LOCATION QUERIES [BUDGET_MS] [MAX_ROUNDS] [MIN_ROUNDS]: the in-process half
// of bench/compare.sh. Opens one engine once (ours = cqc-archive's index folder, xapian =
// omindex database(s) comma-separated, fts5 = SQLite file) and, for every query of the file:
//   latency  NAME CLASS TOTAL P50 P95 P99 ROUNDS  (ms; each query repeated after one warm-up
//            until BUDGET_MS (default 3000) is spent, at least MIN_ROUNDS (20), at most MAX_ROUNDS (200))
//   top      NAME TOTAL PATH  per top-10 hit ("-" when none)
//   matches  NAME PATH        per match of the query text, no filters (not for ours)
//   lengths  PATH LENGTH      per document, Xapian's document length (xapian only; QUERIES unused)
// Output is tab-separated on stdout; errors name the engine, file or query and exit 1.
#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>
#include <vector>

#include "bench/compare_engines.hpp"

namespace {

double percentile(std::vector<double> ms, double p) {
  std::sort(ms.begin(), ms.end());
  const auto i = static_cast<size_t>(p * static_cast<double>(ms.size() - 1) + 0.5);
  return ms[std::min(i, ms.size() - 1)];
}

}  // namespace

int main(int argc, char** argv) {
  const std::string usage = "usage: cqc-bench-compare latency|top|matches|lengths ours|xapian|fts5 LOCATION QUERIES [BUDGET_MS] [MAX_ROUNDS] [MIN_ROUNDS]\n";
  if (argc < 5 || std::string(argv[1]) == "--help") {
    std::fputs(usage.c_str(), argc >= 2 && std::string(argv[1]) == "--help" ? stdout : stderr);
    return argc >= 2 && std::string(argv[1]) == "--help" ? 0 : 2;
  }
  const std::string mode = argv[1];
  const double budget = argc > 5 ? std::atof(argv[5]) : 3000;
  const int max_rounds = argc > 6 ? std::atoi(argv[6]) : 200;
  const size_t min_rounds = argc > 7 ? static_cast<size_t>(std::atoi(argv[7])) : 20;
  try {
    auto engine = cqc::bench::open_engine(argv[2], argv[3]);
    if (mode == "lengths") {
      for (const auto& line : engine->lengths()) std::printf("%s\n", line.c_str());
      return 0;
    }
    const auto queries = cqc::bench::read_queries(argv[4]);
    for (const auto& q : queries) {
      if (mode == "latency") {
        engine->run(q);  // warm-up
        std::vector<double> ms;
        unsigned long long total = 0;
        double spent = 0;
        while (ms.size() < min_rounds || (spent < budget && static_cast<int>(ms.size()) < max_rounds)) {
          const auto t0 = std::chrono::steady_clock::now();
          total = engine->run(q).total;
          ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
          spent += ms.back();
        }
        std::printf("%s\t%s\t%llu\t%.3f\t%.3f\t%.3f\t%zu\n", q.name.c_str(), q.cls.c_str(), total, percentile(ms, 0.5),
                    percentile(ms, 0.95), percentile(ms, 0.99), ms.size());
      } else if (mode == "top") {
        const auto a = engine->run(q);
        if (a.top.empty()) std::printf("%s\t%llu\t-\n", q.name.c_str(), a.total);
        for (const auto& p : a.top) std::printf("%s\t%llu\t%s\n", q.name.c_str(), a.total, p.c_str());
      } else if (mode == "matches") {
        for (const auto& p : engine->all_matches(q)) std::printf("%s\t%s\n", q.name.c_str(), p.c_str());
      } else {
        std::fputs(usage.c_str(), stderr);
        return 2;
      }
      std::fflush(stdout);
    }
  } catch (const Xapian::Error& e) {
    std::fprintf(stderr, "cqc-bench-compare %s %s %s: %s\n", argv[1], argv[2], argv[3], e.get_description().c_str());
    return 1;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "cqc-bench-compare %s %s %s: %s\n", argv[1], argv[2], argv[3], e.what());
    return 1;
  }
  return 0;
}
