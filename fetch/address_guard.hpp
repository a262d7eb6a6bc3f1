// Refusing connections to loopback, private, link-local and other internal addresses at
// connect time (after DNS), except to HOST:PORT pairs the user allowed explicitly.
#pragma once
#include <sys/socket.h>

#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace cqc::fetch {

class AllowList {
 public:
  // Adds "HOST:PORT" (HOST an IPv4/IPv6 literal — IPv6 in brackets — or a name resolved
  // now). Failure names the entry when it is malformed or the name does not resolve.
  core::Result<bool> add(std::string_view host_port);
  // Whether the address ADDR (IPv4 or IPv6, port included) is one of the allowed pairs.
  bool contains(const sockaddr* addr) const;
  bool empty() const { return entries_.empty(); }

 private:
  struct Entry {
    std::string ip;  // numeric form
    int port;
  };
  std::vector<Entry> entries_;
};

// True for addresses a crawler must not reach: 0.0.0.0/8, 10/8, 100.64/10, 127/8,
// 169.254/16, 172.16/12, 192.0.0/24, 192.168/16, 198.18/15, multicast, 240/4, broadcast;
// ::, ::1, fc00::/7, fe80::/10, multicast ff00::/8, and IPv4-mapped/compatible/NAT64
// (::ffff:a.b.c.d, 64:ff9b::/96) forms of the IPv4 ranges.
bool is_internal_address(const sockaddr* addr);

// The connect-time decision: allowed when the address is not internal, or is allowed.
bool connect_allowed(const sockaddr* addr, const AllowList& allow);

// The numeric form "ip:port" (IPv6 as "[ip]:port") of ADDR, for messages.
std::string describe_address(const sockaddr* addr);

}  // namespace cqc::fetch
