// The commands cqc-archive-store leaves to cqc-archive: search, trust and trend need Xapian, which
// the store does not load.
#include "cli/app.hpp"
#include "cli/exec_sibling.hpp"

namespace cqc::cli {

int cmd_search(const Args&, const Context&) { exec_sibling("cqc-archive", "search"); }
int cmd_trust(const Args&, const Context&) { exec_sibling("cqc-archive", "trust"); }
int cmd_trend(const Args&, const Context&) { exec_sibling("cqc-archive", "trend"); }
int cmd_watch(const Args&, const Context&) { exec_sibling("cqc-archive", "watch"); }

}  // namespace cqc::cli
