// The commands cqc-archive-store leaves to cqc-archive: search and trust need Xapian, which
// the store does not load.
#include "cli/app.hpp"
#include "cli/exec_sibling.hpp"

namespace cqc::cli {

int cmd_search(const Args&, const Context&) { exec_sibling("cqc-archive", "search"); }
int cmd_trust(const Args&, const Context&) { exec_sibling("cqc-archive", "trust"); }

}  // namespace cqc::cli
