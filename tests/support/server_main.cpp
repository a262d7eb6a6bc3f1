// cqc-test-server: runs the loopback test server until SIGINT or SIGTERM (for benchmarks and
// manual testing).
#include <Poco/Exception.h>
#include <pthread.h>

#include <csignal>
#include <cstdlib>
#include <exception>
#include <iostream>
#include <string>

#include "tests/support/test_server.hpp"

namespace {

const char* const kUsage =
    "usage: cqc-test-server [--port P] [--docs DIR] [--no-crawl-delay] [--api-key KEY]\n"
    "                       [--threads N] [--delay-ms MS] [--huge-mb MB]\n"
    "Serves a CQC-like website, news feeds and the CQC public API on 127.0.0.1 until\n"
    "SIGINT or SIGTERM. Prints \"listening on http://127.0.0.1:PORT\" once ready.\n"
    "  --port P          port to listen on (default: any free port)\n"
    "  --docs DIR        serve DIR's files under /docs/ (e.g. build/sample)\n"
    "  --no-crawl-delay  leave Crawl-delay out of robots.txt (for benchmarks)\n"
    "  --api-key KEY     the expected Ocp-Apim-Subscription-Key (default test-key)\n"
    "  --threads N       requests handled at once (default 8)\n"
    "  --delay-ms MS     wait MS milliseconds before answering each request\n"
    "  --huge-mb MB      size of /huge and /huge-chunked in MiB (default 3)\n";

bool to_int(const std::string& text, int& value) {
  try {
    std::size_t used = 0;
    value = std::stoi(text, &used);
    return used == text.size();
  } catch (const std::exception&) {
    return false;
  }
}

}  // namespace

int main(int argc, char** argv) {
  std::string docs;
  cqc::test::TestServerOptions options;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    auto value = [&](int& out) {
      if (i + 1 >= argc || !to_int(argv[i + 1], out)) {
        std::cerr << "cqc-test-server: " << arg << " needs a number\n" << kUsage;
        std::exit(2);
      }
      ++i;
    };
    if (arg == "--help" || arg == "-h") {
      std::cout << kUsage;
      return 0;
    } else if (arg == "--port") {
      value(options.port);
    } else if (arg == "--threads") {
      value(options.threads);
    } else if (arg == "--delay-ms") {
      int ms = 0;
      value(ms);
      options.response_delay = std::chrono::milliseconds(ms);
    } else if (arg == "--huge-mb") {
      int mb = 0;
      value(mb);
      options.huge_bytes = static_cast<std::size_t>(mb) << 20;
    } else if (arg == "--docs" && i + 1 < argc) {
      docs = argv[++i];
    } else if (arg == "--api-key" && i + 1 < argc) {
      options.api_key = argv[++i];
    } else if (arg == "--no-crawl-delay") {
      options.crawl_delay = false;
    } else {
      std::cerr << "cqc-test-server: unknown or incomplete option " << arg << "\n" << kUsage;
      return 2;
    }
  }

  // Block the stop signals before any thread starts, then wait for one of them here.
  // (A shell starts background jobs with SIGINT ignored; take it back.)
  std::signal(SIGINT, SIG_DFL);
  std::signal(SIGTERM, SIG_DFL);
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  try {
    cqc::test::TestServer server(docs, options);
    std::cout << "listening on " << server.base_url() << std::endl;
    int received = 0;
    sigwait(&stop_signals, &received);
    std::cout << "stopping (" << (received == SIGINT ? "SIGINT" : "SIGTERM") << ")" << std::endl;
  } catch (const Poco::Exception& e) {
    std::cerr << "cqc-test-server: " << e.displayText() << "\n";
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "cqc-test-server: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
