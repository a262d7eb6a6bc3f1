#include "search/http/metrics.hpp"

#include <Poco/JSON/Object.h>

#include <cstdio>
#include <ctime>

namespace cqc::search::http {
namespace {

std::string label(const std::string& value) {
  std::string out;
  for (char c : value) {
    if (c == '\\' || c == '"') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out;
}

std::string number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.9g", v);
  return buf;
}

std::string iso_now() {
  const auto now = std::chrono::system_clock::now();
  const std::time_t t = std::chrono::system_clock::to_time_t(now);
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[40];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S", &tm);
  char out[48];
  std::snprintf(out, sizeof out, "%s.%03dZ", buf, static_cast<int>(ms));
  return out;
}

}  // namespace

void Metrics::record(const std::string& route, int status, double seconds) {
  std::size_t b = 0;
  while (b < kBuckets.size() && seconds > kBuckets[b]) ++b;
  std::lock_guard<std::mutex> lock(mutex_);
  Route& r = routes_[route];
  ++r.by_status[status];
  ++r.buckets[b];
  r.sum += seconds;
  ++r.count;
}

void Metrics::write(std::ostream& out) const {
  std::lock_guard<std::mutex> lock(mutex_);
  out << "# HELP cqc_http_requests_total Requests answered, by route and status.\n"
         "# TYPE cqc_http_requests_total counter\n";
  for (const auto& [route, r] : routes_)
    for (const auto& [status, n] : r.by_status)
      out << "cqc_http_requests_total{route=\"" << label(route) << "\",status=\"" << status << "\"} " << n << '\n';
  out << "# HELP cqc_http_request_duration_seconds Time to answer a request, by route.\n"
         "# TYPE cqc_http_request_duration_seconds histogram\n";
  for (const auto& [route, r] : routes_) {
    std::uint64_t cumulative = 0;
    for (std::size_t b = 0; b <= kBuckets.size(); ++b) {
      cumulative += r.buckets[b];
      out << "cqc_http_request_duration_seconds_bucket{route=\"" << label(route) << "\",le=\""
          << (b < kBuckets.size() ? number(kBuckets[b]) : "+Inf") << "\"} " << cumulative << '\n';
    }
    out << "cqc_http_request_duration_seconds_sum{route=\"" << label(route) << "\"} " << number(r.sum) << '\n';
    out << "cqc_http_request_duration_seconds_count{route=\"" << label(route) << "\"} " << r.count << '\n';
  }
}

void write_access_line(const AccessLog& log, const std::string& client, const std::string& method,
                       const std::string& target, int status, long long bytes, double seconds) {
  if (!log.out) return;
  std::string line;
  if (log.json) {
    Poco::JSON::Object o(Poco::JSON_PRESERVE_KEY_ORDER);
    o.set("time", iso_now());
    o.set("client", client);
    o.set("method", method);
    o.set("target", target);
    o.set("status", status);
    o.set("bytes", bytes);
    o.set("ms", seconds * 1000.0);
    std::ostringstream s;
    o.stringify(s);
    line = s.str();
  } else {
    char ms[32];
    std::snprintf(ms, sizeof ms, "%.2fms", seconds * 1000.0);
    line = iso_now() + " " + client + " " + method + " " + target + " " + std::to_string(status) + " " +
           (bytes < 0 ? "-" : std::to_string(bytes)) + " " + ms;
  }
  std::lock_guard<std::mutex> lock(*log.mutex);
  *log.out << line << '\n' << std::flush;
}

}  // namespace cqc::search::http
