// The archive commands cqc-archive leaves to cqc-archive-store, which links the catalog
// (Poco::Data, SQLite) that search and trust never touch.
#include "cli/app.hpp"
#include "cli/exec_sibling.hpp"

namespace cqc::cli {

int cmd_import(const Args&, const Context&) { exec_sibling("cqc-archive-store", "import"); }
int cmd_verify(const Args&, const Context&) { exec_sibling("cqc-archive-store", "verify"); }

}  // namespace cqc::cli
