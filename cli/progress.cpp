#include "cli/progress.hpp"

#include <cstdio>

namespace cqc::cli {

Progress::Progress(std::string label, bool enabled) : label_(std::move(label)), enabled_(enabled) {}

void Progress::update(std::uint64_t done, std::uint64_t total, const std::string& extra) {
  if (!enabled_) return;
  auto now = std::chrono::steady_clock::now();
  if (drawn_ && done != total && now - last_ < std::chrono::milliseconds(100)) return;
  last_ = now;
  drawn_ = true;
  unsigned pct = total ? static_cast<unsigned>(done * 100 / total) : 100;
  std::fprintf(stderr, "\r\033[K%s %llu/%llu (%u%%) %s", label_.c_str(),
               static_cast<unsigned long long>(done), static_cast<unsigned long long>(total), pct,
               extra.c_str());
  std::fflush(stderr);
}

void Progress::finish() {
  if (enabled_ && drawn_) std::fprintf(stderr, "\r\033[K");
  drawn_ = false;
}

}  // namespace cqc::cli
