// Test server options for tests that fetch: no Crawl-delay in robots.txt, so politeness
// settings alone decide the pace.
#pragma once
#include "test_server.hpp"

namespace cqc::test {

inline TestServerOptions quick_server() {
  TestServerOptions o;
  o.crawl_delay = false;
  return o;
}

}  // namespace cqc::test
