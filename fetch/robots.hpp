// robots.txt (RFC 9309): which paths our crawler may fetch from a host, and how fast.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cqc::fetch {

class RobotsRules {
 public:
  // Parses robots.txt BODY for PRODUCT_TOKEN (our user-agent's product name, e.g.
  // "cqc-archive"): the group naming it (case-insensitive), else the "*" group. Unknown
  // lines are ignored; BODY may be anything (HTML error pages, binary).
  static RobotsRules parse(std::string_view body, std::string_view product_token);
  // Everything allowed (robots.txt answered 4xx).
  static RobotsRules allow_all();
  // Everything disallowed (robots.txt answered 5xx or was unreachable).
  static RobotsRules disallow_all();

  // Whether PATH (path + query, e.g. "/a/b?x=1") may be fetched: the longest matching
  // allow/disallow rule wins, allow on a tie; '*' and '$' as in RFC 9309; "/robots.txt" is
  // always allowed.
  bool allowed(std::string_view path) const;
  // Crawl-delay in seconds from the matched group, if any.
  std::optional<double> crawl_delay() const { return crawl_delay_; }

 private:
  struct Rule {
    bool allow;
    std::string pattern;
  };
  std::vector<Rule> rules_;
  bool disallow_everything_ = false;
  std::optional<double> crawl_delay_;
};

}  // namespace cqc::fetch
