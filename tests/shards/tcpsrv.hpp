// Xapian's own remote server, xapian-tcpsrv (Debian package xapian-tools), run by tests on
// loopback: started on a free port, stopped, paused and resumed like a shard machine would be.
#pragma once
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <stdexcept>
#include <string>
#include <thread>

namespace cqc::test {

// A port nothing listens on now (the kernel's choice for port 0).
inline unsigned free_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof a;
  if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0 ||
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len) != 0)
    throw std::runtime_error("no free port");
  ::close(fd);
  return ntohs(a.sin_port);
}

// Whether something accepts connections on 127.0.0.1:PORT.
inline bool listening(unsigned port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  a.sin_port = htons(static_cast<uint16_t>(port));
  const bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0;
  ::close(fd);
  return ok;
}

// One xapian-tcpsrv serving DATABASE on 127.0.0.1. It forks a process per connection, so it
// runs in a process group of its own and every signal goes to the whole group.
class TcpSrv {
 public:
  explicit TcpSrv(std::string database) : database_(std::move(database)), port_(free_port()) { start(); }
  ~TcpSrv() { stop(); }
  TcpSrv(const TcpSrv&) = delete;
  TcpSrv& operator=(const TcpSrv&) = delete;

  unsigned port() const { return port_; }

  // Starts the server (again) on its port and waits until it accepts connections.
  void start() {
    pid_ = ::fork();
    if (pid_ == 0) {
      ::setpgid(0, 0);
      if (::freopen("/dev/null", "w", stdout) == nullptr || ::freopen("/dev/null", "w", stderr) == nullptr) _exit(127);
      const std::string port = std::to_string(port_);
      ::execlp("xapian-tcpsrv", "xapian-tcpsrv", "--interface", "127.0.0.1", "--port", port.c_str(), "--quiet",
               database_.c_str(), static_cast<char*>(nullptr));
      _exit(127);
    }
    ::setpgid(pid_, pid_);
    for (int i = 0; i < 500 && !listening(port_); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    if (!listening(port_)) throw std::runtime_error("xapian-tcpsrv did not start on port " + std::to_string(port_));
  }
  // Kills the server and every connection it serves (a machine gone).
  void stop() {
    if (pid_ <= 0) return;
    ::kill(-pid_, SIGCONT);
    ::kill(-pid_, SIGKILL);
    ::waitpid(pid_, nullptr, 0);
    pid_ = -1;
    for (int i = 0; i < 200 && listening(port_); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  // Freezes the server and its connections (a machine that accepts but never answers).
  void pause() { ::kill(-pid_, SIGSTOP); }
  void resume() { ::kill(-pid_, SIGCONT); }

 private:
  std::string database_;
  unsigned port_;
  pid_t pid_ = -1;
};

}  // namespace cqc::test
