// The index's layout on disk: one Xapian database, or N shard databases searched as one.
//
// One shard: INDEX_DIR is the Xapian (glass) database itself.
// N > 1 shards: INDEX_DIR holds Xapian's stub file XAPIANDB ("auto shard0" ... one line per
// shard, paths relative to the stub) and the shard databases INDEX_DIR/shard0 ... shardN-1.
// Xapian::Database(INDEX_DIR) opens either as one database, so searching needs no change.
// A document lives in the shard chosen by shard_of() on its unique id, so an incremental run
// replaces it where it is. Internal to the indexer (search only opens INDEX_DIR).
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace cqc::indexer {

// The most shards an index may be split into.
inline constexpr std::size_t kMaxShards = 64;

// How many shards the index at INDEX_DIR has: the stub's lines, 1 for a plain database, 0
// when nothing is there yet (no folder, or an empty one). Throws core::Fatal naming the
// folder when it holds something else (an unreadable or malformed stub, other files).
std::size_t shard_count(const std::string& index_dir);

// The databases of an index of N shards at INDEX_DIR, in shard order: {INDEX_DIR} for one.
std::vector<std::string> shard_paths(const std::string& index_dir, std::size_t n);

// Makes INDEX_DIR a split index of N (> 1) shards: creates the folder and writes the stub
// (atomically: written aside, then renamed). The shard databases are created by their
// writers. Throws core::Fatal naming the folder on failure.
void create_stub(const std::string& index_dir, std::size_t n);

// The shard (0 .. N-1) of the document whose unique id (schema::document_id) is ID: a
// stable hash (64-bit FNV-1a) modulo N, the same on every machine and run.
std::size_t shard_of(std::string_view id, std::size_t n);

}  // namespace cqc::indexer
