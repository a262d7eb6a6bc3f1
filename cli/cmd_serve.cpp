// `serve`: the HTTP API and web page (issue 5 completes it).
#include "cli/app.hpp"
#include "core/error.hpp"

namespace cqc::cli {

int cmd_serve(const Args&, const Context&) { throw core::Fatal("serve: not implemented yet"); }

}  // namespace cqc::cli
