// Test helpers: raw TCP clients on loopback (POSIX sockets), for what an HTTP library will not
// do on purpose: trickle bytes, stay silent, send broken or huge heads, come from another
// loopback address (127.0.0.2 ... are all this machine).
#pragma once
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <stdexcept>
#include <string>

namespace cqc::test {

// One raw connection, closed when destroyed.
class RawConn {
 public:
  // Connects to 127.0.0.1:PORT from SOURCE (an address in 127.0.0.0/8).
  explicit RawConn(unsigned port, const std::string& source = "127.0.0.1") {
    fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in from{};
    from.sin_family = AF_INET;
    inet_pton(AF_INET, source.c_str(), &from.sin_addr);
    sockaddr_in to{};
    to.sin_family = AF_INET;
    to.sin_port = htons(static_cast<uint16_t>(port));
    inet_pton(AF_INET, "127.0.0.1", &to.sin_addr);
    if (fd_ < 0 || ::bind(fd_, reinterpret_cast<sockaddr*>(&from), sizeof from) != 0 ||
        ::connect(fd_, reinterpret_cast<sockaddr*>(&to), sizeof to) != 0)
      throw std::runtime_error("cannot connect from " + source);
  }
  ~RawConn() {
    if (fd_ >= 0) ::close(fd_);
  }
  RawConn(const RawConn&) = delete;
  RawConn& operator=(const RawConn&) = delete;
  RawConn(RawConn&& o) noexcept : fd_(o.fd_) { o.fd_ = -1; }

  // Sends BYTES; false when the server has closed the connection.
  bool send(const std::string& bytes) {
    return ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(bytes.size());
  }
  // Reads until the server closes the connection, or WAIT passes; returns what arrived.
  // closed() then says which it was.
  std::string read_all(std::chrono::milliseconds wait) {
    std::string out;
    const auto until = std::chrono::steady_clock::now() + wait;
    while (!closed_ && std::chrono::steady_clock::now() < until) read_some(out, until);
    return out;
  }
  // Reads one response whose head says Content-Length (keep-alive use), within WAIT.
  std::string read_response(std::chrono::milliseconds wait) {
    std::string out;
    const auto until = std::chrono::steady_clock::now() + wait;
    while (!closed_ && std::chrono::steady_clock::now() < until) {
      const auto end = out.find("\r\n\r\n");
      if (end != std::string::npos) {
        const auto cl = out.find("Content-Length: ");
        const std::size_t need = end + 4 + (cl == std::string::npos ? 0 : std::stoul(out.substr(cl + 16)));
        if (out.size() >= need) return out;
      }
      read_some(out, until);
    }
    return out;
  }
  bool closed() const { return closed_; }

 private:
  // Waits for bytes until UNTIL and appends what one read gives; sets closed_ at the end of
  // the stream.
  void read_some(std::string& out, std::chrono::steady_clock::time_point until) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(until - std::chrono::steady_clock::now());
    pollfd p{fd_, POLLIN, 0};
    if (left.count() <= 0 || ::poll(&p, 1, static_cast<int>(left.count())) <= 0) return;
    char buf[4096];
    const ssize_t r = ::recv(fd_, buf, sizeof buf, 0);
    if (r <= 0) closed_ = true;
    else out.append(buf, static_cast<std::size_t>(r));
  }

  int fd_ = -1;
  bool closed_ = false;
};

// The status code of the HTTP response starting RESPONSE, or 0.
inline int status_of(const std::string& response) {
  return response.rfind("HTTP/1.1 ", 0) == 0 && response.size() >= 12 ? std::stoi(response.substr(9, 3)) : 0;
}

}  // namespace cqc::test
