// The commands cqc-archive and cqc-archive-store leave to cqc-archive-full: they need the
// HTML, PDF and HTTP libraries (gumbo, poppler, curl and theirs), whose loading and
// relocation cost tens of milliseconds at every start. Each replaces this process with
// cqc-archive-full from the same folder, given the same command line; the process id stays
// the same (signals still reach it).
#include "cli/app.hpp"
#include "cli/exec_sibling.hpp"

namespace cqc::cli {

int cmd_index(const Args&, const Context&) { exec_sibling("cqc-archive-full", "index"); }
int cmd_fetch(const Args&, const Context&) { exec_sibling("cqc-archive-full", "fetch"); }
int cmd_refresh(const Args&, const Context&) { exec_sibling("cqc-archive-full", "refresh"); }
int cmd_history(const Args&, const Context&) { exec_sibling("cqc-archive-full", "history"); }
int cmd_serve(const Args&, const Context&) { exec_sibling("cqc-archive-full", "serve"); }
int cmd_export(const Args&, const Context&) { exec_sibling("cqc-archive-full", "export"); }

}  // namespace cqc::cli
