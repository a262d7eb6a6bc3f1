// Progress lines on stderr for long work, only when stderr is a terminal.
#pragma once
#include <chrono>
#include <cstdint>
#include <string>

namespace cqc::cli {

class Progress {
 public:
  // LABEL starts each line ("indexing"); ENABLED false makes every call a no-op.
  Progress(std::string label, bool enabled);
  // Redraws "LABEL DONE/TOTAL (PCT%) EXTRA" at most ten times a second.
  void update(std::uint64_t done, std::uint64_t total, const std::string& extra = "");
  // Clears the line.
  void finish();

 private:
  std::string label_;
  bool enabled_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point last_{};
};

}  // namespace cqc::cli
