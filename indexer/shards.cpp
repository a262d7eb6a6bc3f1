#include "indexer/shards.hpp"

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/error.hpp"

namespace cqc::indexer {
namespace fs = std::filesystem;
namespace {

constexpr const char* kStub = "XAPIANDB";

std::string shard_name(std::size_t k) { return "shard" + std::to_string(k); }

}  // namespace

std::size_t shard_count(const std::string& index_dir) {
  std::error_code ec;
  const fs::path dir(index_dir);
  if (!fs::exists(dir, ec)) return 0;
  if (!fs::is_directory(dir, ec)) throw core::Fatal("index " + index_dir + " is not a folder");
  if (fs::exists(dir / kStub, ec)) {
    std::ifstream in(dir / kStub);
    if (!in) throw core::Fatal("cannot read " + (dir / kStub).string());
    std::size_t n = 0;
    for (std::string line; std::getline(in, line);) {
      if (line.empty() || line[0] == '#') continue;
      if (line != "auto " + shard_name(n))
        throw core::Fatal((dir / kStub).string() + " line \"" + line + "\" is not \"auto " + shard_name(n) +
                          "\": not a stub written by cqc-archive index");
      ++n;
    }
    if (n == 0) throw core::Fatal((dir / kStub).string() + " lists no shards");
    return n;
  }
  if (fs::exists(dir / "iamglass", ec)) return 1;
  if (fs::is_empty(dir, ec)) return 0;
  throw core::Fatal("index " + index_dir + " holds files but no Xapian database");
}

std::vector<std::string> shard_paths(const std::string& index_dir, std::size_t n) {
  if (n <= 1) return {index_dir};
  std::vector<std::string> out;
  for (std::size_t k = 0; k < n; ++k) out.push_back((fs::path(index_dir) / shard_name(k)).string());
  return out;
}

void create_stub(const std::string& index_dir, std::size_t n) {
  const fs::path dir(index_dir);
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) throw core::Fatal("cannot create index folder " + index_dir + ": " + ec.message());
  std::ostringstream text;
  for (std::size_t k = 0; k < n; ++k) text << "auto " << shard_name(k) << "\n";
  const fs::path tmp = dir / (std::string(kStub) + ".tmp");
  {
    std::ofstream out(tmp, std::ios::trunc);
    out << text.str();
    out.flush();
    if (!out) throw core::Fatal("cannot write " + tmp.string());
  }
  fs::rename(tmp, dir / kStub, ec);
  if (ec) throw core::Fatal("cannot write " + (dir / kStub).string() + ": " + ec.message());
}

std::size_t shard_of(std::string_view id, std::size_t n) {
  std::uint64_t h = 14695981039346656037ull;
  for (unsigned char c : id) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return n <= 1 ? 0 : static_cast<std::size_t>(h % n);
}

}  // namespace cqc::indexer
