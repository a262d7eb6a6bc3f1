// cqc_fuzz_regressions: every fuzz target (tests/fuzz/fuzz_*.cpp, built with
// CQC_FUZZ_DRIVER) run once on each file of FUZZ_DIR/corpus/<target>/ and
// FUZZ_DIR/regressions/<target>/, so the normal (gcc) build and ctest (fuzz_regressions)
// replay the seeds and every input that once crashed, without clang or libFuzzer.
//   cqc_fuzz_regressions FUZZ_DIR               all targets, all files
//   cqc_fuzz_regressions FUZZ_DIR TARGET FILE... one target on the given files
// A crash or broken invariant aborts (naming the file first); exit 1 for bad usage or a
// target without seeds.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

extern "C" {
int cqc_fuzz_query(const std::uint8_t* data, std::size_t size);
int cqc_fuzz_html(const std::uint8_t* data, std::size_t size);
int cqc_fuzz_pdf(const std::uint8_t* data, std::size_t size);
int cqc_fuzz_warc(const std::uint8_t* data, std::size_t size);
int cqc_fuzz_http_message(const std::uint8_t* data, std::size_t size);
int cqc_fuzz_listing(const std::uint8_t* data, std::size_t size);
int cqc_fuzz_robots(const std::uint8_t* data, std::size_t size);
int cqc_fuzz_request_head(const std::uint8_t* data, std::size_t size);
}

namespace {

namespace fs = std::filesystem;

struct Target {
  const char* name;
  int (*run)(const std::uint8_t*, std::size_t);
};

constexpr Target kTargets[] = {
    {"query", cqc_fuzz_query},       {"html", cqc_fuzz_html},
    {"pdf", cqc_fuzz_pdf},           {"warc", cqc_fuzz_warc},
    {"http_message", cqc_fuzz_http_message}, {"listing", cqc_fuzz_listing},
    {"robots", cqc_fuzz_robots},           {"request_head", cqc_fuzz_request_head},
};

// Runs TARGET on the file at PATH (its name printed first, so a crash names it).
void run_file(const Target& target, const fs::path& path) {
  std::fprintf(stderr, "%s %s\n", target.name, path.c_str());
  std::ifstream in(path, std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  target.run(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
}

// The regular files in DIR, sorted by name; none when DIR does not exist.
std::vector<fs::path> files_in(const fs::path& dir) {
  std::vector<fs::path> out;
  if (!fs::is_directory(dir)) return out;
  for (const auto& entry : fs::directory_iterator(dir))
    if (entry.is_regular_file() && !entry.path().filename().string().starts_with(".")) out.push_back(entry.path());
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s FUZZ_DIR [TARGET FILE...]\n", argv[0]);
    return 1;
  }
  const fs::path root = argv[1];
  if (argc > 2) {
    const std::string name = argv[2];
    for (const Target& t : kTargets) {
      if (name != t.name) continue;
      for (int i = 3; i < argc; ++i) run_file(t, argv[i]);
      return 0;
    }
    std::fprintf(stderr, "unknown target %s\n", name.c_str());
    return 1;
  }
  int status = 0;
  for (const Target& t : kTargets) {
    const std::vector<fs::path> seeds = files_in(root / "corpus" / t.name);
    const std::vector<fs::path> crashes = files_in(root / "regressions" / t.name);
    for (const fs::path& p : seeds) run_file(t, p);
    for (const fs::path& p : crashes) run_file(t, p);
    std::printf("%-13s %3zu seeds, %3zu regressions: ok\n", t.name, seeds.size(), crashes.size());
    if (seeds.empty()) {
      std::fprintf(stderr, "no seeds in %s\n", (root / "corpus" / t.name).c_str());
      status = 1;
    }
  }
  return status;
}
