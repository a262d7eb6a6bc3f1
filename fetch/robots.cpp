// robots.txt per RFC 9309: groups, longest-match allow/disallow with '*' and '$',
// percent-encoding normalised, plus the non-standard Crawl-delay.
#include "fetch/robots.hpp"

#include <cctype>
#include <charconv>
#include <cmath>

#include "core/text.hpp"

namespace cqc::fetch {
namespace {

// RFC 9309 §2.5: crawlers must parse at least 500 KiB; we parse exactly that much.
constexpr size_t kMaxRobotsBytes = 500 * 1024;

bool unreserved(unsigned char c) {
  return std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~';
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// One canonical form for rule patterns and request paths (RFC 9309 §2.2.2): %XX of an
// unreserved character is decoded, other %XX get upper-case hex digits, and octets outside
// printable US-ASCII are percent-encoded.
std::string normalise(std::string_view in) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(in.size());
  for (size_t i = 0; i < in.size(); ++i) {
    auto c = static_cast<unsigned char>(in[i]);
    if (c == '%' && i + 2 < in.size() && hex_value(in[i + 1]) >= 0 && hex_value(in[i + 2]) >= 0) {
      auto decoded = static_cast<unsigned char>(hex_value(in[i + 1]) * 16 + hex_value(in[i + 2]));
      if (unreserved(decoded)) {
        out += static_cast<char>(decoded);
      } else {
        out += '%';
        out += kHex[decoded >> 4];
        out += kHex[decoded & 15];
      }
      i += 2;
    } else if (c <= 0x20 || c >= 0x7F) {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

// The product-token part of a user-agent value or of our own user-agent: the leading run of
// letters, '-' and '_' ("cqc-archive/1.0 (+https://...)" -> "cqc-archive"), lower-cased.
std::string product_name(std::string_view value) {
  value = core::trim(value);
  size_t n = 0;
  while (n < value.size() &&
         (std::isalpha(static_cast<unsigned char>(value[n])) || value[n] == '-' || value[n] == '_'))
    ++n;
  return core::to_lower(value.substr(0, n));
}

// Whether PATTERN ('*' = any run of octets, a final '$' = end of path) matches PATH from its
// start. Iterative wildcard matching with backtracking to the last '*' (no recursion).
bool pattern_matches(std::string_view pattern, std::string_view path) {
  bool anchored = !pattern.empty() && pattern.back() == '$';
  if (anchored) pattern.remove_suffix(1);
  size_t p = 0, s = 0;
  size_t star = std::string_view::npos, star_s = 0;
  while (s < path.size()) {
    if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      star_s = s;
    } else if (p < pattern.size() && pattern[p] == path[s]) {
      ++p;
      ++s;
    } else if (p == pattern.size() && !anchored) {
      return true;  // pattern exhausted: a prefix match
    } else if (star != std::string_view::npos) {
      p = star + 1;
      s = ++star_s;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

// Crawl-delay value: a non-negative finite number, or nothing.
std::optional<double> parse_delay(std::string_view value) {
  double d = 0;
  auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), d);
  if (ec != std::errc() || end != value.data() + value.size() || !std::isfinite(d) || d < 0)
    return std::nullopt;
  return d;
}

}  // namespace

RobotsRules RobotsRules::parse(std::string_view body, std::string_view product_token) {
  if (body.size() > kMaxRobotsBytes) {
    body = body.substr(0, kMaxRobotsBytes);
    // Drop a line cut in half: a truncated rule would mean something else.
    size_t last_eol = body.find_last_of("\r\n");
    body = last_eol == std::string_view::npos ? std::string_view() : body.substr(0, last_eol);
  }
  if (body.starts_with("\xEF\xBB\xBF")) body.remove_prefix(3);
  const std::string me = product_name(product_token);

  // Walk the groups, collecting the rules of groups naming us and of "*" groups.
  struct Collected {
    std::vector<Rule> rules;
    std::optional<double> delay;
    bool seen = false;
  } named, star;
  bool in_agents = false;  // the previous group line was a user-agent line
  bool group_named = false, group_star = false;
  size_t pos = 0;
  while (pos < body.size()) {
    size_t eol = body.find_first_of("\r\n", pos);
    if (eol == std::string_view::npos) eol = body.size();
    std::string_view line = body.substr(pos, eol - pos);
    pos = eol + 1;
    if (size_t hash = line.find('#'); hash != std::string_view::npos) line = line.substr(0, hash);
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    std::string key = core::to_lower(core::trim(line.substr(0, colon)));
    std::string_view value = core::trim(line.substr(colon + 1));

    if (key == "user-agent") {
      if (!in_agents) group_named = group_star = false;  // a new group starts
      in_agents = true;
      if (value == "*") {
        group_star = true;
      } else if (!me.empty() && product_name(value) == me) {
        group_named = true;
      }
      if (group_named) named.seen = true;
      if (group_star) star.seen = true;
      continue;
    }
    const bool is_rule = key == "allow" || key == "disallow";
    if (!is_rule && key != "crawl-delay") continue;  // sitemap and unknown lines
    in_agents = false;
    for (Collected* c : {group_named ? &named : nullptr, group_star ? &star : nullptr}) {
      if (!c) continue;
      if (key == "crawl-delay") {
        if (!c->delay) c->delay = parse_delay(value);
      } else if (!value.empty()) {  // an empty Disallow (or Allow) is no rule
        // Patterns start with '/' or '*'; "page.html" is read as "/page.html" (as Google does).
        const bool rooted = value[0] == '/' || value[0] == '*';
        std::string pattern = normalise(rooted ? std::string(value) : "/" + std::string(value));
        c->rules.push_back({key == "allow", std::move(pattern)});
      }
    }
  }

  // Groups naming us win; merged if several. Else the "*" groups; else no rules.
  const Collected& chosen = named.seen ? named : star;
  RobotsRules out;
  out.rules_ = chosen.rules;
  out.crawl_delay_ = chosen.delay;
  return out;
}

RobotsRules RobotsRules::allow_all() { return RobotsRules(); }

RobotsRules RobotsRules::disallow_all() {
  RobotsRules out;
  out.disallow_everything_ = true;
  return out;
}

bool RobotsRules::allowed(std::string_view path) const {
  std::string p = normalise(path.empty() ? std::string_view("/") : path);
  if (p == "/robots.txt") return true;
  if (disallow_everything_) return false;
  // Longest matching pattern wins; on equal length, allow wins.
  const Rule* best = nullptr;
  for (const Rule& r : rules_) {
    if (!pattern_matches(r.pattern, p)) continue;
    if (!best || r.pattern.size() > best->pattern.size() ||
        (r.pattern.size() == best->pattern.size() && r.allow && !best->allow))
      best = &r;
  }
  return !best || best->allow;
}

}  // namespace cqc::fetch
