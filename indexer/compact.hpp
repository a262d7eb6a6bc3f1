// Compacting the index after a full build. Xapian's writer leaves its B-tree blocks partly
// empty for later changes; compaction rewrites every table with full blocks (the 6k benchmark
// corpus: 332 MB as built, 171 MB compacted, in about 2 s), keeping every docid.
#pragma once
#include <cstdint>
#include <string>

namespace cqc::indexer {

// The index's size on disk before and after compact_index, in bytes.
struct CompactSizes {
  std::uintmax_t before = 0;
  std::uintmax_t after = 0;
};

// Writes a compact copy of the index at DIR (one database, or a split index's stub and each of
// its shards, docids kept) at DIR + ".compact", exchanges the two folders in one atomic rename
// (renameat2 RENAME_EXCHANGE) and removes the old one: a reader or a kill sees the old index or
// the new one, whole (what a kill leaves at DIR + ".compact" is removed by the next call). The
// index's write locks are held throughout, so no writer changes it meanwhile; DIR must not be
// open for writing in this process. A reader opened before moves to the new folder when it
// checks the path again (search::Searcher::reopen). Throws core::Fatal naming DIR on failure,
// the index then as it was.
// The compacted copy records its own size (Xapian metadata of its first database), for
// compaction_due.
CompactSizes compact_index(const std::string& dir);

// Whether the index at DIR takes more than GROWTH times the room it took right after its last
// compaction, and at least MIN_BYTES more (false when it was never compacted): incremental
// runs split the full blocks a compaction left, so daily runs bring a compacted index back
// towards its size as built. (Each commit also leaves its replaced blocks free in the files,
// a large share of a small index: hence the floor.)
bool compaction_due(const std::string& dir, double growth, std::uintmax_t min_bytes);

}  // namespace cqc::indexer
