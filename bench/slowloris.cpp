// cqc-bench-slowloris: a fixed-rate load with latency percentiles, beside many slow
// connections (bench/slowloris.sh runs it). Open loop: request i is due at start + i/RATE and
// its latency is counted from then, so a stalled server cannot hide its stall by slowing the
// client (no coordinated omission). The slow connections come from 127.0.0.2 and up (at most
// 50 per address), each sending a request head one byte per --slow-interval-ms and never
// finishing it; one closed by the server is opened again at once.
//
// Usage: cqc-bench-slowloris --port P --paths FILE --rate R [--seconds S] [--slow N]
//          [--slow-interval-ms MS] [--clients C]
// Prints one line: RESULT rate achieved p50 p90 p99 p999 max errors slow_open slow_reopened.
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

struct Options {
  unsigned port = 0;
  std::string paths_file;
  double rate = 100;
  double seconds = 30;
  unsigned slow = 0;
  unsigned slow_interval_ms = 1000;
  unsigned clients = 16;
};

// A non-blocking connection to 127.0.0.1:PORT from SOURCE, or -1.
int slow_connect(unsigned port, const std::string& source) {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in from{}, to{};
  from.sin_family = to.sin_family = AF_INET;
  inet_pton(AF_INET, source.c_str(), &from.sin_addr);
  inet_pton(AF_INET, "127.0.0.1", &to.sin_addr);
  to.sin_port = htons(static_cast<uint16_t>(port));
  if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr*>(&from), sizeof from) != 0 ||
      ::connect(fd, reinterpret_cast<sockaddr*>(&to), sizeof to) != 0) {
    if (fd >= 0) ::close(fd);
    return -1;
  }
  const std::string start = "GET /api/search?q=seclusion HTTP/1.1\r\nHost: bench\r\nX-Slow: ";
  (void)::send(fd, start.data(), start.size(), MSG_NOSIGNAL);
  return fd;
}

// Keeps N slow connections open until STOP; counts how many had to be opened again.
void run_slow(const Options& o, const std::atomic<bool>& stop, std::atomic<unsigned>& open,
              std::atomic<unsigned>& reopened) {
  std::vector<int> fds(o.slow, -1);
  auto source = [](unsigned i) { return "127.0.0." + std::to_string(2 + i / 50); };
  for (unsigned i = 0; i < o.slow; ++i) fds[i] = slow_connect(o.port, source(i));
  while (!stop) {
    unsigned alive = 0;
    for (unsigned i = 0; i < o.slow; ++i) {
      if (fds[i] >= 0) {
        pollfd p{fds[i], POLLIN, 0};
        char buf[512];
        const bool closed = ::poll(&p, 1, 0) > 0 && ::recv(fds[i], buf, sizeof buf, MSG_DONTWAIT) <= 0;
        if (closed || ::send(fds[i], "x", 1, MSG_NOSIGNAL | MSG_DONTWAIT) != 1) {
          ::close(fds[i]);
          fds[i] = -1;
        }
      }
      if (fds[i] < 0) {
        fds[i] = slow_connect(o.port, source(i));
        ++reopened;
      }
      alive += fds[i] >= 0;
    }
    open = alive;
    std::this_thread::sleep_for(std::chrono::milliseconds(o.slow_interval_ms));
  }
  for (int fd : fds)
    if (fd >= 0) ::close(fd);
}

double percentile(const std::vector<double>& sorted, double p) {
  if (sorted.empty()) return 0;
  return sorted[std::min(sorted.size() - 1, static_cast<std::size_t>(p * static_cast<double>(sorted.size())))];
}

Options parse(int argc, char** argv) {
  Options o;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string k = argv[i], v = argv[i + 1];
    if (k == "--port") o.port = static_cast<unsigned>(std::stoul(v));
    else if (k == "--paths") o.paths_file = v;
    else if (k == "--rate") o.rate = std::stod(v);
    else if (k == "--seconds") o.seconds = std::stod(v);
    else if (k == "--slow") o.slow = static_cast<unsigned>(std::stoul(v));
    else if (k == "--slow-interval-ms") o.slow_interval_ms = static_cast<unsigned>(std::stoul(v));
    else if (k == "--clients") o.clients = static_cast<unsigned>(std::stoul(v));
    else throw std::runtime_error("unknown option " + k);
  }
  if (o.port == 0 || o.paths_file.empty() || o.rate <= 0) throw std::runtime_error("need --port, --paths and --rate");
  return o;
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  std::vector<std::string> paths;
  try {
    o = parse(argc, argv);
    std::ifstream in(o.paths_file);
    for (std::string line; std::getline(in, line);)
      if (!line.empty()) paths.push_back(line);
    if (paths.empty()) throw std::runtime_error("no paths in " + o.paths_file);
  } catch (const std::exception& e) {
    std::cerr << "cqc-bench-slowloris: " << e.what() << "\n(see the usage at the top of bench/slowloris.cpp)\n";
    return 2;
  }
  std::atomic<bool> stop{false};
  std::atomic<unsigned> slow_open{0}, slow_reopened{0};
  std::thread slow([&] { run_slow(o, stop, slow_open, slow_reopened); });
  if (o.slow) std::this_thread::sleep_for(std::chrono::seconds(2));  // let them all connect
  const unsigned opened_at_start = slow_open;

  const auto total = static_cast<std::uint64_t>(o.rate * o.seconds);
  std::atomic<std::uint64_t> next{0}, errors{0};
  std::mutex m;
  std::vector<double> latencies;
  const Clock::time_point start = Clock::now();
  std::vector<std::thread> clients;
  for (unsigned c = 0; c < o.clients; ++c) {
    clients.emplace_back([&] {
      Poco::Net::HTTPClientSession session("127.0.0.1", static_cast<Poco::UInt16>(o.port));
      session.setTimeout(Poco::Timespan(10, 0));
      std::vector<double> mine;
      for (std::uint64_t i; (i = next++) < total;) {
        const auto due = start + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(static_cast<double>(i) / o.rate));
        std::this_thread::sleep_until(due);
        try {
          Poco::Net::HTTPRequest req("GET", paths[i % paths.size()], Poco::Net::HTTPMessage::HTTP_1_1);
          session.sendRequest(req);
          Poco::Net::HTTPResponse resp;
          std::string body;
          Poco::StreamCopier::copyToString(session.receiveResponse(resp), body);
          if (resp.getStatus() != Poco::Net::HTTPResponse::HTTP_OK) ++errors;
        } catch (const Poco::Exception&) {
          ++errors;
          session.reset();
        }
        mine.push_back(std::chrono::duration<double, std::milli>(Clock::now() - due).count());
      }
      std::lock_guard<std::mutex> lock(m);
      latencies.insert(latencies.end(), mine.begin(), mine.end());
    });
  }
  for (auto& t : clients) t.join();
  const double took = std::chrono::duration<double>(Clock::now() - start).count();
  const unsigned open_at_end = slow_open;
  stop = true;
  slow.join();
  std::sort(latencies.begin(), latencies.end());
  std::printf("RESULT rate=%.0f achieved=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f p999_ms=%.2f max_ms=%.2f "
              "errors=%llu slow_open=%u/%u slow_reopened=%u\n",
              o.rate, static_cast<double>(latencies.size()) / took, percentile(latencies, 0.5),
              percentile(latencies, 0.9), percentile(latencies, 0.99), percentile(latencies, 0.999),
              latencies.empty() ? 0 : latencies.back(), static_cast<unsigned long long>(errors.load()),
              std::min(opened_at_start, open_at_end), o.slow, slow_reopened.load());
  return 0;
}
