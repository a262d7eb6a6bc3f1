// The connect-time address guard: internal IPv4/IPv6 ranges (including IPv4 embedded in
// IPv6) are refused unless the exact HOST:PORT was allowed with --allow.
#include "fetch/address_guard.hpp"

#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>

#include <cstdint>
#include <cstring>

#include "core/text.hpp"

namespace cqc::fetch {
namespace {

// IPv4 address A (host byte order) in a range a crawler must not reach.
bool internal_v4(uint32_t a) {
  struct Net {
    uint32_t base;
    int bits;
  };
  static constexpr Net kNets[] = {
      {0x00000000, 8},   // 0.0.0.0/8 "this network"
      {0x0A000000, 8},   // 10/8 private
      {0x64400000, 10},  // 100.64/10 carrier-grade NAT
      {0x7F000000, 8},   // 127/8 loopback
      {0xA9FE0000, 16},  // 169.254/16 link-local (cloud metadata)
      {0xAC100000, 12},  // 172.16/12 private
      {0xC0000000, 24},  // 192.0.0/24 IETF protocol assignments
      {0xC0A80000, 16},  // 192.168/16 private
      {0xC6120000, 15},  // 198.18/15 benchmarking
      {0xE0000000, 4},   // 224/4 multicast
      {0xF0000000, 4},   // 240/4 reserved, including 255.255.255.255 broadcast
  };
  for (const Net& n : kNets)
    if ((a >> (32 - n.bits)) == (n.base >> (32 - n.bits))) return true;
  return false;
}

uint32_t v4_from_bytes(const uint8_t* b) {
  return (uint32_t{b[0]} << 24) | (uint32_t{b[1]} << 16) | (uint32_t{b[2]} << 8) | b[3];
}

bool zeros(const uint8_t* b, size_t n) {
  for (size_t i = 0; i < n; ++i)
    if (b[i] != 0) return false;
  return true;
}

// Whether B (16 bytes) is ::ffff:a.b.c.d, an IPv4-mapped address.
bool v4_mapped(const uint8_t* b) { return zeros(b, 10) && b[10] == 0xFF && b[11] == 0xFF; }

bool internal_v6(const uint8_t* b) {
  if (zeros(b, 15) && (b[15] == 0 || b[15] == 1)) return true;  // :: and ::1
  if ((b[0] & 0xFE) == 0xFC) return true;                       // fc00::/7 unique local
  if (b[0] == 0xFE && (b[1] & 0xC0) == 0x80) return true;       // fe80::/10 link-local
  if (b[0] == 0xFF) return true;                                // ff00::/8 multicast
  if (v4_mapped(b) || zeros(b, 12))
    return internal_v4(v4_from_bytes(b + 12));                   // mapped, compatible
  static constexpr uint8_t kNat64[] = {0x00, 0x64, 0xFF, 0x9B};  // 64:ff9b::/96
  if (std::memcmp(b, kNat64, 4) == 0 && zeros(b + 4, 8)) return internal_v4(v4_from_bytes(b + 12));
  return false;
}

// The numeric IP of ADDR (IPv4-mapped IPv6 shown as IPv4, so "127.0.0.1:80" covers a
// dual-stack socket's "::ffff:127.0.0.1") and its port; "" for other families.
std::string numeric_ip(const sockaddr* addr, int* port, bool unmap = true) {
  char buf[INET6_ADDRSTRLEN] = "";
  if (addr && addr->sa_family == AF_INET) {
    sockaddr_in in;
    std::memcpy(&in, addr, sizeof in);
    if (port) *port = ntohs(in.sin_port);
    inet_ntop(AF_INET, &in.sin_addr, buf, sizeof buf);
  } else if (addr && addr->sa_family == AF_INET6) {
    sockaddr_in6 in6;
    std::memcpy(&in6, addr, sizeof in6);
    if (port) *port = ntohs(in6.sin6_port);
    const auto* b = reinterpret_cast<const uint8_t*>(&in6.sin6_addr);
    if (unmap && v4_mapped(b))
      inet_ntop(AF_INET, b + 12, buf, sizeof buf);
    else
      inet_ntop(AF_INET6, &in6.sin6_addr, buf, sizeof buf);
  }
  return buf;
}

}  // namespace

core::Result<bool> AllowList::add(std::string_view host_port) {
  const std::string entry(core::trim(host_port));
  auto fail = [&](const std::string& why) {
    return core::Failure{"--allow " + entry + ": " + why};
  };
  std::string host, port_text;
  bool bracketed = !entry.empty() && entry[0] == '[';
  if (bracketed) {  // [IPv6]:PORT
    size_t close = entry.find(']');
    if (close == std::string::npos || close + 1 >= entry.size() || entry[close + 1] != ':')
      return fail("expected [IPv6]:PORT");
    host = entry.substr(1, close - 1);
    port_text = entry.substr(close + 2);
  } else {
    size_t colon = entry.rfind(':');
    if (colon == std::string::npos) return fail("expected HOST:PORT");
    host = entry.substr(0, colon);
    port_text = entry.substr(colon + 1);
    if (host.find(':') != std::string::npos) return fail("an IPv6 address must be in brackets");
  }
  if (host.empty()) return fail("no host");
  if (port_text.empty() || port_text.size() > 5 ||
      port_text.find_first_not_of("0123456789") != std::string::npos)
    return fail("the port must be a number from 1 to 65535");
  const int port = std::stoi(port_text);
  if (port < 1 || port > 65535) return fail("the port must be a number from 1 to 65535");

  // Numeric hosts and names alike; a name adds every address it resolves to now.
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = bracketed ? AI_NUMERICHOST : 0;
  addrinfo* found = nullptr;
  if (int rc = getaddrinfo(host.c_str(), nullptr, &hints, &found); rc != 0)
    return fail(bracketed ? "not an IPv6 address"
                          : std::string("cannot resolve: ") + gai_strerror(rc));
  for (addrinfo* ai = found; ai; ai = ai->ai_next) {
    std::string ip = numeric_ip(ai->ai_addr, nullptr);
    if (ip.empty()) continue;
    bool known = false;
    for (const Entry& e : entries_) known = known || (e.ip == ip && e.port == port);
    if (!known) entries_.push_back({ip, port});
  }
  freeaddrinfo(found);
  return true;
}

bool AllowList::contains(const sockaddr* addr) const {
  int port = -1;
  std::string ip = numeric_ip(addr, &port);
  if (ip.empty()) return false;
  for (const Entry& e : entries_)
    if (e.ip == ip && e.port == port) return true;
  return false;
}

bool is_internal_address(const sockaddr* addr) {
  if (!addr) return true;
  if (addr->sa_family == AF_INET) {
    sockaddr_in in;
    std::memcpy(&in, addr, sizeof in);
    return internal_v4(ntohl(in.sin_addr.s_addr));
  }
  if (addr->sa_family == AF_INET6) {
    sockaddr_in6 in6;
    std::memcpy(&in6, addr, sizeof in6);
    return internal_v6(reinterpret_cast<const uint8_t*>(&in6.sin6_addr));
  }
  return true;  // unknown families (AF_UNIX, ...) are never a web server
}

bool connect_allowed(const sockaddr* addr, const AllowList& allow) {
  return addr && (!is_internal_address(addr) || allow.contains(addr));
}

std::string describe_address(const sockaddr* addr) {
  if (!addr) return "(no address)";
  int port = 0;
  std::string ip = numeric_ip(addr, &port, false);
  if (ip.empty()) return "(address family " + std::to_string(addr->sa_family) + ")";
  if (addr->sa_family == AF_INET6) ip = "[" + ip + "]";
  return ip + ":" + std::to_string(port);
}

}  // namespace cqc::fetch
