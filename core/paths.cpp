#include "core/paths.hpp"

#include <sys/statvfs.h>

#include <filesystem>

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

std::string full_disk_note(const std::string& path) {
  struct statvfs st{};
  // The file may not exist yet: ask about the nearest folder that does.
  std::filesystem::path at(path);
  while (statvfs(at.c_str(), &st) != 0) {
    if (!at.has_relative_path()) return "";
    at = at.parent_path();
  }
  const unsigned long long free_bytes = static_cast<unsigned long long>(st.f_bavail) * st.f_frsize;
  if (free_bytes >= (1ull << 20)) return "";
  return " (the disk holding " + path + " is full: " + std::to_string(free_bytes) + " bytes free)";
}

}  // namespace cqc::core
