// A pool of forked worker processes that run one request at a time each, fed over Unix
// sockets: the indexer's sandbox for extraction (hostile input may crash, hang or exhaust
// memory in a worker; the parent records the failure and goes on with a fresh worker).
// Internal to the indexer.
#pragma once
#include <sys/types.h>

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace cqc::indexer {

// Limits every worker runs under.
struct WorkerLimits {
  unsigned workers = 1;               // processes, at least 1
  double job_seconds = 600;           // wall-clock time one request may take; 0 = no limit
  unsigned cpu_seconds = 120;         // CPU time one request may use (RLIMIT_CPU); 0 = none
  std::uint64_t memory_bytes = 0;     // address space a worker may add to what it inherits
                                      // at fork (RLIMIT_AS); 0 = no limit
};

// Runs in a worker for each request and returns its answer. It may throw: std::bad_alloc
// ends the worker (reported as out of memory), any other exception is reported with its
// message. It must not touch state the parent writes (the catalog, the Xapian database).
using WorkerHandler = std::function<std::string(const std::string& request)>;

class WorkerPool {
 public:
  // One finished request: RESPONSE when ok, else FAILURE says why (the worker died, was
  // killed for taking too long, ran out of memory, or the handler threw).
  struct Done {
    std::uint64_t tag = 0;
    bool ok = false;
    std::string response;
    std::string failure;
  };

  // A pool of LIMITS.workers workers running HANDLER, each forked when first given a request
  // (and again after it died or was killed). Use it while the process has one thread (a
  // child inherits only the forking thread; locks other threads held stay held there). Each
  // worker first closes every inherited file descriptor but its socket and stdin/out/err (so
  // it holds no Xapian lock, database or catalog handle), restores default signal actions,
  // dies with its parent (PR_SET_PDEATHSIG) and leaves with _exit (no destructors, no
  // flushes). submit throws core::Fatal if no process can be created.
  WorkerPool(WorkerHandler handler, WorkerLimits limits);
  // Kills and reaps every worker.
  ~WorkerPool();
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  // True when some worker has no request.
  bool has_idle() const;
  // Requests being worked on.
  std::size_t busy() const;
  // Hands REQUEST, known by TAG, to an idle worker (precondition: has_idle()). A worker that
  // died while idle is replaced and the request given to its replacement.
  void submit(std::uint64_t tag, const std::string& request);
  // Waits until at least one request finishes or WAIT passes (returns early with nothing
  // when no request is busy), enforcing the time limit: a worker past it is killed and
  // replaced. Returns the requests that finished, in the order noticed.
  std::vector<Done> wait(std::chrono::milliseconds wait);

 private:
  struct Worker {
    pid_t pid = -1;
    int fd = -1;
    bool busy = false;
    std::uint64_t tag = 0;
    std::chrono::steady_clock::time_point started;
    std::string inbox;  // bytes of the answer received so far
  };
  void spawn(Worker& w);
  // Reaps W's process (killing it first when KILL) and says how it ended.
  std::string reap(Worker& w, bool kill_first);
  // Reads what W's socket holds; true when its answer is complete or the worker is gone.
  bool drain(Worker& w, std::vector<Done>& done);

  WorkerHandler handler_;
  WorkerLimits limits_;
  pid_t parent_ = -1;
  std::vector<Worker> workers_;
};

// Test seam, compiled in always: when the environment variable CQC_INDEX_TEST_FAULT is
// "KIND:MARKER" and TEXT contains MARKER, the calling worker misbehaves as KIND says —
// "crash" (abort: SIGABRT), "hang" (sleeps for ever), "spin" (computes for ever), "oom"
// (allocates until the memory limit stops it). Does nothing otherwise. Used by tests to prove one bad capture fails
// alone; never set it in production.
void test_fault_point(const std::string& text);

}  // namespace cqc::indexer
