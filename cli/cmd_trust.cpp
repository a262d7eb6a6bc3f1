// `trust`: a trust's inspections over time (issue 4 completes it).
#include "cli/app.hpp"
#include "core/error.hpp"

namespace cqc::cli {

int cmd_trust(const Args&, const Context&) { throw core::Fatal("trust: not implemented yet"); }

}  // namespace cqc::cli
