// A fresh temporary folder per test, removed afterwards unless CQC_KEEP_TEST_DIRS is set.
#pragma once
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

namespace cqc::test {

class TempDir {
 public:
  TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "cqc-test-XXXXXX").string();
    path_ = ::mkdtemp(tmpl.data());
  }
  ~TempDir() {
    if (!std::getenv("CQC_KEEP_TEST_DIRS")) std::filesystem::remove_all(path_);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  // The folder's path.
  const std::string& path() const { return path_; }
  // PATH/NAME.
  std::string operator/(const std::string& name) const { return path_ + "/" + name; }
  // Writes BYTES to PATH/NAME (creating folders) and returns the file's path.
  std::string write(const std::string& name, const std::string& bytes) const {
    const std::string p = *this / name;
    std::filesystem::create_directories(std::filesystem::path(p).parent_path());
    std::ofstream(p, std::ios::binary) << bytes;
    return p;
  }

 private:
  std::string path_;
};

// The whole content of the file at PATH.
inline std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

}  // namespace cqc::test
