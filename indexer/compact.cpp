#include "indexer/compact.hpp"

#include <stdio.h>  // renameat2 (glibc 2.28)
#include <fcntl.h>  // AT_FDCWD
#include <xapian.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include "core/error.hpp"
#include "indexer/shard_writer.hpp"
#include "indexer/shards.hpp"

namespace cqc::indexer {
namespace fs = std::filesystem;
namespace {

std::uintmax_t folder_bytes(const std::string& dir) {
  std::uintmax_t total = 0;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::recursive_directory_iterator(); it.increment(ec))
    if (it->is_regular_file(ec)) total += it->file_size(ec);
  return total;
}

// Xapian metadata of the first database: the index's size in bytes right after compaction.
constexpr const char* kCompactedBytes = "compacted-bytes";

}  // namespace

bool compaction_due(const std::string& dir, double growth, std::uintmax_t min_bytes) {
  std::string recorded;
  try {
    recorded = Xapian::Database(dir).get_metadata(kCompactedBytes);
  } catch (const Xapian::Error&) {
    return false;  // no index (yet): nothing to compact
  }
  if (recorded.empty()) return false;
  const double compacted = std::strtod(recorded.c_str(), nullptr);
  const auto now = static_cast<double>(folder_bytes(dir));
  return compacted > 0 && now > growth * compacted && now >= compacted + static_cast<double>(min_bytes);
}

CompactSizes compact_index(const std::string& dir) {
  const std::string out = dir + ".compact";
  std::error_code ec;
  fs::remove_all(out, ec);  // what a killed compaction left
  const std::size_t n = shard_count(dir);
  if (n == 0) throw core::Fatal("no index to compact at " + dir);
  CompactSizes sizes;
  sizes.before = folder_bytes(dir);
  try {
    ShardSet locked(dir, 0);  // the write locks: no other writer while the copy is made
    if (n > 1) create_stub(out, n);
    const auto from = shard_paths(dir, n), to = shard_paths(out, n);
    for (std::size_t k = 0; k < n; ++k)
      Xapian::Database(from[k]).compact(to[k], Xapian::DBCOMPACT_NO_RENUMBER);
    {
      Xapian::WritableDatabase first(to.front(), Xapian::DB_OPEN);
      first.set_metadata(kCompactedBytes, std::to_string(folder_bytes(out)));
      first.commit();
    }
    if (renameat2(AT_FDCWD, out.c_str(), AT_FDCWD, dir.c_str(), RENAME_EXCHANGE) != 0)
      throw core::Fatal("cannot put the compacted index " + out + " in place of " + dir + ": " + std::strerror(errno));
  } catch (const Xapian::Error& e) {
    fs::remove_all(out, ec);
    throw core::Fatal("cannot compact the index " + dir + ": " + e.get_description());
  } catch (...) {
    fs::remove_all(out, ec);
    throw;
  }
  fs::remove_all(out, ec);  // now the old index
  sizes.after = folder_bytes(dir);
  return sizes;
}

}  // namespace cqc::indexer
