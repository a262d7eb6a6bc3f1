#include "core/paths.hpp"

#include <cstdlib>

namespace cqc::core {

std::string data_dir(const std::string& explicit_dir) {
  if (!explicit_dir.empty()) return explicit_dir;
  if (const char* h = std::getenv("CQC_ARCHIVE_HOME"); h && *h) return h;
  if (const char* x = std::getenv("XDG_DATA_HOME"); x && *x) return std::string(x) + "/cqc-archive";
  const char* home = std::getenv("HOME");
  return std::string(home && *home ? home : ".") + "/.local/share/cqc-archive";
}

std::string archive_dir(const std::string& data) { return data + "/archive"; }
std::string index_dir(const std::string& data) { return data + "/index"; }

}  // namespace cqc::core
