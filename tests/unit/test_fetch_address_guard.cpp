// The connect-time address guard: internal ranges, IPv4 inside IPv6, the --allow list.
#include <arpa/inet.h>
#include <doctest/doctest.h>
#include <netinet/in.h>

#include <cstring>
#include <string>

#include "fetch/address_guard.hpp"

using namespace cqc::fetch;

namespace {

// A socket address for a numeric IPv4 or IPv6 literal and a port.
struct Addr {
  sockaddr_storage storage{};
  Addr(const std::string& ip, int port) {
    if (ip.find(':') == std::string::npos) {
      sockaddr_in in{};
      in.sin_family = AF_INET;
      in.sin_port = htons(static_cast<uint16_t>(port));
      REQUIRE(inet_pton(AF_INET, ip.c_str(), &in.sin_addr) == 1);
      std::memcpy(&storage, &in, sizeof in);
    } else {
      sockaddr_in6 in6{};
      in6.sin6_family = AF_INET6;
      in6.sin6_port = htons(static_cast<uint16_t>(port));
      REQUIRE(inet_pton(AF_INET6, ip.c_str(), &in6.sin6_addr) == 1);
      std::memcpy(&storage, &in6, sizeof in6);
    }
  }
  const sockaddr* get() const { return reinterpret_cast<const sockaddr*>(&storage); }
};

}  // namespace

TEST_CASE("address guard: internal and public addresses") {
  struct Case {
    const char* ip;
    bool internal;
  };
  const Case cases[] = {
      // IPv4 ranges, with their edges
      {"0.0.0.0", true},
      {"0.255.255.255", true},
      {"1.0.0.0", false},
      {"10.0.0.1", true},
      {"10.255.255.255", true},
      {"11.0.0.0", false},
      {"100.63.255.255", false},
      {"100.64.0.1", true},
      {"100.127.255.255", true},
      {"100.128.0.0", false},
      {"127.0.0.1", true},
      {"127.53.1.2", true},
      {"169.254.169.254", true},
      {"169.255.0.1", false},
      {"172.15.255.255", false},
      {"172.16.0.1", true},
      {"172.31.255.255", true},
      {"172.32.0.0", false},
      {"192.0.0.8", true},
      {"192.0.1.1", false},
      {"192.0.2.1", false},
      {"192.168.1.1", true},
      {"192.169.0.1", false},
      {"198.17.255.255", false},
      {"198.18.0.1", true},
      {"198.19.255.255", true},
      {"198.20.0.0", false},
      {"224.0.0.251", true},
      {"239.255.255.250", true},
      {"240.0.0.1", true},
      {"255.255.255.255", true},
      {"8.8.8.8", false},
      {"151.101.2.132", false},
      {"223.255.255.255", false},
      // IPv6
      {"::", true},
      {"::1", true},
      {"fc00::1", true},
      {"fd12:3456::1", true},
      {"fe80::1", true},
      {"febf::1", true},
      {"fec0::1", false},
      {"ff02::1", true},
      {"2001:db8::1", false},
      {"2a00:1450:4009:81f::200e", false},
      // IPv4 inside IPv6: mapped, compatible, NAT64
      {"::ffff:127.0.0.1", true},
      {"::ffff:10.1.2.3", true},
      {"::ffff:169.254.169.254", true},
      {"::ffff:8.8.8.8", false},
      {"::127.0.0.1", true},
      {"::192.168.0.1", true},
      {"::8.8.8.8", false},
      {"64:ff9b::127.0.0.1", true},
      {"64:ff9b::a00:1", true},
      {"64:ff9b::8.8.8.8", false},
      {"64:ff9b:1::127.0.0.1", false},
  };
  for (const Case& c : cases) {
    CAPTURE(c.ip);
    Addr a(c.ip, 443);
    CHECK(is_internal_address(a.get()) == c.internal);
    CHECK(connect_allowed(a.get(), AllowList()) == !c.internal);
  }
  CHECK(is_internal_address(nullptr));
  sockaddr unix_addr{};
  unix_addr.sa_family = AF_UNIX;
  CHECK(is_internal_address(&unix_addr));
}

TEST_CASE("address guard: only the exact allowed HOST:PORT pairs get through") {
  AllowList allow;
  CHECK(allow.empty());
  REQUIRE(allow.add("127.0.0.1:8080").ok());
  REQUIRE(allow.add("[::1]:9090").ok());
  CHECK_FALSE(allow.empty());

  struct Case {
    const char* ip;
    int port;
    bool allowed;
  };
  const Case cases[] = {
      {"127.0.0.1", 8080, true},
      {"127.0.0.1", 8081, false},         // another port on an allowed host
      {"127.0.0.2", 8080, false},         // another loopback address
      {"::ffff:127.0.0.1", 8080, true},   // the same address via a dual-stack socket
      {"::ffff:127.0.0.1", 9999, false},  // v4-mapped loopback, port not allowed
      {"::1", 9090, true},
      {"::1", 8080, false},
      {"10.0.0.5", 8080, false},
      {"64:ff9b::7f00:1", 8080, false},  // NAT64 form is a different host: refused
      {"93.184.215.14", 80, true},       // public addresses need no allowing
  };
  for (const Case& c : cases) {
    CAPTURE(c.ip);
    CAPTURE(c.port);
    CHECK(connect_allowed(Addr(c.ip, c.port).get(), allow) == c.allowed);
  }
  CHECK_FALSE(connect_allowed(nullptr, allow));
}

TEST_CASE("address guard: parsing --allow entries") {
  AllowList names;
  REQUIRE(names.add("localhost:8080").ok());  // resolved now: every address is added
  CHECK(names.contains(Addr("127.0.0.1", 8080).get()));
  CHECK_FALSE(names.contains(Addr("127.0.0.1", 80).get()));

  AllowList v6;
  REQUIRE(v6.add("[0:0:0:0:0:0:0:1]:443").ok());  // compared in canonical form
  CHECK(v6.contains(Addr("::1", 443).get()));

  struct Case {
    const char* entry;
    const char* reason_part;
  };
  const Case bad[] = {
      {"127.0.0.1", "HOST:PORT"},
      {"127.0.0.1:", "port"},
      {"127.0.0.1:0", "port"},
      {"127.0.0.1:65536", "port"},
      {"127.0.0.1:80x", "port"},
      {":8080", "no host"},
      {"::1:8080", "brackets"},
      {"[::1]8080", "[IPv6]:PORT"},
      {"[::1:8080", "[IPv6]:PORT"},
      {"[localhost]:80", "not an IPv6 address"},
      {"no-such-host.invalid:80", "cannot resolve"},
  };
  for (const Case& c : bad) {
    CAPTURE(c.entry);
    AllowList list;
    auto r = list.add(c.entry);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().find(c.entry) != std::string::npos);  // names the entry
    CHECK(r.error().find(c.reason_part) != std::string::npos);
    CHECK(list.empty());
  }
}

TEST_CASE("address guard: addresses described for messages") {
  CHECK(describe_address(Addr("192.0.2.10", 443).get()) == "192.0.2.10:443");
  CHECK(describe_address(Addr("2001:db8::5", 8443).get()) == "[2001:db8::5]:8443");
  CHECK(describe_address(Addr("::ffff:127.0.0.1", 80).get()) == "[::ffff:127.0.0.1]:80");
  CHECK(describe_address(nullptr) == "(no address)");
}
