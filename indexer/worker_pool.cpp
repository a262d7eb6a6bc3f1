#include "indexer/worker_pool.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <memory>
#include <new>
#include <thread>

#include "core/error.hpp"

namespace cqc::indexer {
namespace {

// A frame: 8-byte little-endian payload length, one status byte (1 ok, 0 failure), payload.
constexpr std::size_t kHead = 9;
// A worker's exit status when the handler ran out of memory (std::bad_alloc).
constexpr int kOutOfMemoryExit = 86;

std::string frame_head(std::uint64_t size, bool ok) {
  std::string h(kHead, '\0');
  for (int i = 0; i < 8; ++i) h[i] = static_cast<char>((size >> (8 * i)) & 0xff);
  h[8] = ok ? 1 : 0;
  return h;
}

std::uint64_t frame_size(const std::string& buf) {
  std::uint64_t n = 0;
  for (int i = 7; i >= 0; --i) n = (n << 8) | static_cast<unsigned char>(buf[i]);
  return n;
}

// Sends every byte of A then B (blocking). False when the other end is gone.
bool send_all(int fd, const std::string& a, const std::string& b) {
  for (const std::string* part : {&a, &b}) {
    std::size_t off = 0;
    while (off < part->size()) {
      ssize_t n = ::send(fd, part->data() + off, part->size() - off, MSG_NOSIGNAL);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) return false;
      off += static_cast<std::size_t>(n);
    }
  }
  return true;
}

// Reads exactly N bytes into OUT (blocking). False at end of stream or on error.
bool recv_exact(int fd, std::string& out, std::size_t n) {
  out.resize(n);
  std::size_t off = 0;
  while (off < n) {
    ssize_t got = ::recv(fd, out.data() + off, n - off, 0);
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) return false;
    off += static_cast<std::size_t>(got);
  }
  return true;
}

// The worker's address space now, from /proc/self/statm (0 if unknown).
std::uint64_t address_space_now() {
  std::ifstream in("/proc/self/statm");
  std::uint64_t pages = 0;
  in >> pages;
  return pages * static_cast<std::uint64_t>(sysconf(_SC_PAGESIZE));
}

// The body of a worker: answers requests until its parent closes the socket.
// Lets the next request use CPU_SECONDS more CPU time: past it the kernel sends SIGXCPU,
// which ends the worker.
void limit_cpu(unsigned cpu_seconds) {
  rusage ru{};
  rlimit lim{};
  if (!cpu_seconds || ::getrusage(RUSAGE_SELF, &ru) != 0 || ::getrlimit(RLIMIT_CPU, &lim) != 0) return;
  const rlim_t used = static_cast<rlim_t>(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) + 1;
  lim.rlim_cur = used + cpu_seconds;
  if (lim.rlim_max != RLIM_INFINITY && lim.rlim_cur > lim.rlim_max) lim.rlim_cur = lim.rlim_max;
  ::setrlimit(RLIMIT_CPU, &lim);
}

[[noreturn]] void worker_main(int fd, const WorkerHandler& handler, unsigned cpu_seconds) {
  std::string head, request;
  for (;;) {
    if (!recv_exact(fd, head, kHead) || !recv_exact(fd, request, frame_size(head))) _exit(0);
    limit_cpu(cpu_seconds);
    std::string answer;
    bool ok = true;
    try {
      answer = handler(request);
    } catch (const std::bad_alloc&) {
      _exit(kOutOfMemoryExit);
    } catch (const std::exception& e) {
      ok = false;
      answer = e.what();
    } catch (...) {
      ok = false;
      answer = "unknown exception";
    }
    if (!send_all(fd, frame_head(answer.size(), ok), answer)) _exit(0);
  }
}

std::string signal_name(int sig) {
  const char* abbrev = sigabbrev_np(sig);
  const char* desc = strsignal(sig);
  return std::string("signal ") + (abbrev ? std::string("SIG") + abbrev : std::to_string(sig)) +
         " (" + (desc ? desc : "unknown") + ")";
}

}  // namespace

void test_fault_point(const std::string& text) {
  const char* spec = std::getenv("CQC_INDEX_TEST_FAULT");
  if (!spec) return;
  std::string s(spec);
  auto colon = s.find(':');
  if (colon == std::string::npos || colon + 1 == s.size()) return;
  if (text.find(s.substr(colon + 1)) == std::string::npos) return;
  const std::string kind = s.substr(0, colon);
  if (kind == "crash") std::abort();
  if (kind == "hang")
    for (;;) std::this_thread::sleep_for(std::chrono::hours(1));
  if (kind == "spin") {
    volatile std::uint64_t n = 0;
    for (;;) n = n + 1;
  }
  if (kind == "oom") {
    std::vector<std::unique_ptr<char[]>> blocks;
    for (;;) {
      blocks.emplace_back(new char[16 << 20]);
      std::memset(blocks.back().get(), 1, 16 << 20);
    }
  }
}

WorkerPool::WorkerPool(WorkerHandler handler, WorkerLimits limits)
    : handler_(std::move(handler)), limits_(limits), parent_(getpid()) {
  workers_.resize(std::max(1u, limits_.workers));  // started by their first request
}

WorkerPool::~WorkerPool() {
  for (Worker& w : workers_)
    if (w.pid > 0) reap(w, true);
}

void WorkerPool::spawn(Worker& w) {
  int sv[2];
  if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) != 0)
    throw core::Fatal(std::string("cannot create an extraction worker socket: ") + std::strerror(errno));
  pid_t pid = ::fork();
  if (pid < 0) {
    ::close(sv[0]);
    ::close(sv[1]);
    throw core::Fatal(std::string("cannot start an extraction worker: ") + std::strerror(errno));
  }
  if (pid == 0) {
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (::getppid() != parent_) _exit(0);  // the parent died before prctl
    // Default signal actions: a crash must end the worker, not run a handler of the parent's
    // (a test framework's, say) in it.
    for (int sig = 1; sig < NSIG; ++sig)
      if (sig != SIGKILL && sig != SIGSTOP) ::signal(sig, SIG_DFL);
    // Only the socket stays open: no Xapian lock, database or catalog descriptor.
    if (sv[1] != 3 && ::dup2(sv[1], 3) != 3) _exit(1);
    if (::close_range(4, ~0U, 0) != 0)
      for (int fd = 4; fd < 65536; ++fd) ::close(fd);
    if (limits_.memory_bytes) {
      rlimit lim{};
      lim.rlim_cur = lim.rlim_max = address_space_now() + limits_.memory_bytes;
      ::setrlimit(RLIMIT_AS, &lim);
    }
    worker_main(3, handler_, limits_.cpu_seconds);
  }
  ::close(sv[1]);
  w = Worker{};
  w.pid = pid;
  w.fd = sv[0];
}

std::string WorkerPool::reap(Worker& w, bool kill_first) {
  if (kill_first) ::kill(w.pid, SIGKILL);
  ::close(w.fd);
  int status = 0;
  while (::waitpid(w.pid, &status, 0) < 0 && errno == EINTR) {
  }
  w.pid = -1;
  w.fd = -1;
  if (WIFSIGNALED(status) && WTERMSIG(status) == SIGXCPU)
    return "extraction used more than " + std::to_string(limits_.cpu_seconds) + " s of CPU time";
  if (WIFSIGNALED(status)) return "extraction worker died of " + signal_name(WTERMSIG(status));
  if (WIFEXITED(status) && WEXITSTATUS(status) == kOutOfMemoryExit)
    return "extraction ran out of memory (limit " +
           std::to_string(limits_.memory_bytes >> 20) + " MiB per worker)";
  return "extraction worker exited with status " + std::to_string(WEXITSTATUS(status));
}

bool WorkerPool::has_idle() const {
  return std::any_of(workers_.begin(), workers_.end(), [](const Worker& w) { return !w.busy; });
}

std::size_t WorkerPool::busy() const {
  return static_cast<std::size_t>(
      std::count_if(workers_.begin(), workers_.end(), [](const Worker& w) { return w.busy; }));
}

void WorkerPool::submit(std::uint64_t tag, const std::string& request) {
  auto it = std::find_if(workers_.begin(), workers_.end(), [](const Worker& w) { return !w.busy; });
  if (it == workers_.end()) throw core::Error("no idle extraction worker");
  Worker& w = *it;
  if (w.pid < 0) spawn(w);
  for (int attempt = 0; !send_all(w.fd, frame_head(request.size(), true), request); ++attempt) {
    reap(w, true);  // died while idle: replace it once
    spawn(w);
    if (attempt == 1) throw core::Fatal("extraction workers die as soon as they start");
  }
  w.busy = true;
  w.tag = tag;
  w.started = std::chrono::steady_clock::now();
  w.inbox.clear();
}

bool WorkerPool::drain(Worker& w, std::vector<Done>& done) {
  char buf[1 << 16];
  for (;;) {
    ssize_t n = ::recv(w.fd, buf, sizeof buf, MSG_DONTWAIT);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) break;
    if (n <= 0) {  // the worker is gone: its request failed
      done.push_back({w.tag, false, "", reap(w, false)});
      spawn(w);
      return true;
    }
    if (w.inbox.size() < kHead && w.inbox.size() + n >= kHead) {  // the size is known: room for all
      std::string head = w.inbox + std::string(buf, kHead - w.inbox.size());
      w.inbox.reserve(kHead + frame_size(head));
    }
    w.inbox.append(buf, static_cast<std::size_t>(n));
    if (w.inbox.size() >= kHead && w.inbox.size() - kHead >= frame_size(w.inbox)) break;
  }
  if (w.inbox.size() < kHead || w.inbox.size() - kHead < frame_size(w.inbox)) return false;
  Done d;
  d.tag = w.tag;
  d.ok = w.inbox[8] == 1;
  w.inbox.erase(0, kHead);
  (d.ok ? d.response : d.failure) = std::move(w.inbox);
  done.push_back(std::move(d));
  w.busy = false;
  w.inbox.clear();
  return true;
}

std::vector<WorkerPool::Done> WorkerPool::wait(std::chrono::milliseconds wait) {
  std::vector<Done> done;
  using clock = std::chrono::steady_clock;
  const auto until = clock::now() + wait;
  const auto limit = std::chrono::duration_cast<clock::duration>(
      std::chrono::duration<double>(limits_.job_seconds));
  while (done.empty() && busy() > 0) {
    auto now = clock::now();
    auto next = until;
    std::vector<pollfd> fds;
    std::vector<Worker*> polled;
    for (Worker& w : workers_) {
      if (!w.busy) continue;
      if (limits_.job_seconds > 0 && now - w.started >= limit) {  // too long: kill, replace
        reap(w, true);
        char secs[32];
        std::snprintf(secs, sizeof secs, "%g", limits_.job_seconds);
        done.push_back({w.tag, false, "", std::string("extraction took longer than ") + secs + " s"});
        spawn(w);
        continue;
      }
      if (limits_.job_seconds > 0) next = std::min(next, w.started + limit);
      fds.push_back({w.fd, POLLIN, 0});
      polled.push_back(&w);
    }
    if (!done.empty() || fds.empty()) break;
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(next - now).count();
    int ready = ::poll(fds.data(), fds.size(), static_cast<int>(std::clamp<long long>(ms + 1, 0, 60000)));
    if (ready < 0 && errno != EINTR) throw core::Fatal(std::string("poll: ") + std::strerror(errno));
    for (std::size_t i = 0; ready > 0 && i < fds.size(); ++i)
      if (fds[i].revents) drain(*polled[i], done);
    if (done.empty() && clock::now() >= until) break;
  }
  return done;
}

}  // namespace cqc::indexer
