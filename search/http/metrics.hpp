// What the server has done, for /metrics in the Prometheus text format (issue 13): requests
// and latency histograms per route, and the access log line of each request.
#pragma once
#include <array>
#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <ostream>
#include <string>

namespace cqc::search::http {

class Metrics {
 public:
  // Latency buckets, in seconds (the last is +Inf).
  static constexpr std::array<double, 13> kBuckets = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                                      0.1,    0.25,  0.5,    1,     2.5,   10};

  // Counts one answered request of ROUTE (the route's pattern, "/api/search",
  // "/documents/{}"; "(none)" when no route matched) with STATUS, taking SECONDS.
  void record(const std::string& route, int status, double seconds);

  // The counters and histograms, in the Prometheus text exposition format (0.0.4).
  void write(std::ostream& out) const;

 private:
  struct Route {
    std::map<int, std::uint64_t> by_status;
    std::array<std::uint64_t, kBuckets.size() + 1> buckets{};  // not cumulative
    double sum = 0;
    std::uint64_t count = 0;
  };
  mutable std::mutex mutex_;
  std::map<std::string, Route> routes_;
};

// Where and how the access log is written: one line per request on OUT (the server's
// stderr), as text or as a JSON object per line.
struct AccessLog {
  std::ostream* out = nullptr;  // nullptr: no access log
  bool json = false;
  std::mutex* mutex = nullptr;  // serialises lines from the request threads
};

// One access log line: time, client, method, target, status, bytes (-1: unknown), seconds.
void write_access_line(const AccessLog& log, const std::string& client, const std::string& method,
                       const std::string& target, int status, long long bytes, double seconds);

}  // namespace cqc::search::http
