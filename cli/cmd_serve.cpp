// `serve`: the HTTP API and search page (search/http), until SIGINT or SIGTERM.
#include <iostream>

#include "cli/app.hpp"
#include "search/http/server.hpp"

namespace cqc::cli {

int cmd_serve(const Args& args, const Context& ctx) {
  search::http::ServerOptions o;
  o.port = static_cast<unsigned>(args.number("port", 8080, 0, 65535));
  o.bind = args.value("bind").value_or("127.0.0.1");
  o.threads = static_cast<unsigned>(args.number("threads", 8, 1, 256));
  return search::http::serve(ctx.data_dir, o, std::cout);
}

}  // namespace cqc::cli
