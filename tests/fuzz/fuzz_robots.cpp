// Fuzz target "robots": fetch::RobotsRules (fetch/robots.hpp) parsing a robots.txt body for
// our product token, then allowed() for a few fixed paths and for every value written in the
// body (so the fuzzer's own patterns are matched against paths that look like them).
// Input: the body. parse() takes anything (HTML error pages, binary) and throws nothing, so
// nothing is caught. Checked: /robots.txt is always allowed, Crawl-delay is finite and not
// negative, allow_all / disallow_all behave as named.
#include <cmath>
#include <string>
#include <vector>

#include "core/text.hpp"
#include "fetch/robots.hpp"
#include "tests/fuzz/fuzz_target.hpp"

CQC_FUZZ_TARGET(robots) {
  using namespace cqc;
  const std::string_view input = fuzz::bytes(data, size);
  std::vector<std::string_view> paths = {"/", "", "/robots.txt", "/reports/2019/RT5.pdf",
                                         "/a/b?x=1", "/%7Euser/p%2fq", "/news/caf\xc3\xa9"};
  size_t values = 0;
  for (std::string_view line : core::split(input, '\n')) {
    const size_t colon = line.find(':');
    if (colon != std::string_view::npos && values++ < 64) paths.push_back(core::trim(line.substr(colon + 1)));
  }
  for (std::string_view token : {"cqc-archive/0.1 (+https://example.org/bot)", "*"}) {
    const fetch::RobotsRules rules = fetch::RobotsRules::parse(input, token);
    if (auto delay = rules.crawl_delay())
      CQC_FUZZ_CHECK(std::isfinite(*delay) && *delay >= 0, "Crawl-delay negative or not finite");
    CQC_FUZZ_CHECK(rules.allowed("/robots.txt"), "/robots.txt disallowed");
    for (std::string_view p : paths) (void)rules.allowed(p);
  }
  static const fetch::RobotsRules all = fetch::RobotsRules::allow_all();
  static const fetch::RobotsRules none = fetch::RobotsRules::disallow_all();
  for (std::string_view p : paths) {
    CQC_FUZZ_CHECK(all.allowed(p), "allow_all disallowed a path");
    // (a %-escape may spell /robots.txt, which is always allowed)
    CQC_FUZZ_CHECK(!none.allowed(p) || p == "/robots.txt" || p.find('%') != std::string_view::npos,
                   "disallow_all allowed a path");
  }
  return 0;
}
