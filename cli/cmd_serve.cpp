// `serve`: the HTTP API and search page (search/http), until SIGINT or SIGTERM.
#include <sys/resource.h>

#include <algorithm>
#include <filesystem>
#include <iostream>

#include "cli/app.hpp"
#include "cli/search_args.hpp"
#include "core/error.hpp"
#include "search/http/server.hpp"

namespace cqc::cli {
namespace {

// Raises the soft open-file limit to the hard one and returns how many connections fit
// under it (descriptors for the index, archive and listening socket kept aside).
unsigned connections_that_fit() {
  rlimit rl{};
  if (getrlimit(RLIMIT_NOFILE, &rl) != 0) return 900;
  if (rl.rlim_cur < rl.rlim_max) {
    rl.rlim_cur = rl.rlim_max;
    setrlimit(RLIMIT_NOFILE, &rl);
    getrlimit(RLIMIT_NOFILE, &rl);
  }
  const rlim_t room = rl.rlim_cur > 1024 ? rl.rlim_cur - 512 : rl.rlim_cur / 2;
  return static_cast<unsigned>(std::min<rlim_t>(room, 1u << 20));
}

}  // namespace

int cmd_serve(const Args& args, const Context& ctx) {
  search::http::ServerOptions o;
  o.port = static_cast<unsigned>(args.number("port", 8080, 0, 65535));
  o.bind = args.value("bind").value_or("127.0.0.1");
  auto& f = o.front;
  f.threads = static_cast<unsigned>(args.number("threads", f.threads, 1, 256));
  f.per_client = static_cast<unsigned>(args.number("per-client", f.per_client, 1, 1 << 20));
  f.max_connections = static_cast<unsigned>(args.number("max-connections", f.max_connections, 1, 1 << 20));
  f.head_timeout_s = static_cast<unsigned>(args.number("head-timeout", f.head_timeout_s, 1, 3600));
  f.idle_timeout_s = static_cast<unsigned>(args.number("idle-timeout", f.idle_timeout_s, 1, 3600));
  const unsigned fit = connections_that_fit();
  if (f.max_connections > fit) {
    std::cerr << "serve: --max-connections lowered from " << f.max_connections << " to " << fit
              << " (the open-file limit, ulimit -n)\n";
    f.max_connections = fit;
  }
  o.access_log = !args.flag("no-access-log");
  o.log_json = ctx.log_json;
  o.index = index_options(args, ctx.data_dir);
  // The diff page runs this very program (cqc-archive-full) as `history --diff`.
  std::error_code ec;
  o.program = std::filesystem::read_symlink("/proc/self/exe", ec).string();
  return search::http::serve(ctx.data_dir, o, std::cout);
}

}  // namespace cqc::cli
