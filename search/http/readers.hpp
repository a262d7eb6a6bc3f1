// Per-request read handles: search::Searcher is not thread-safe, so each request borrows a
// Reader (its own Searcher, Xapian handle and read-only archive) from a pool and gives it back.
// Readers stay open between requests; one moves to a newer index revision only when a
// commit made one (Xapian's reopen() reads the revision on disk and reopens nothing else).
#pragma once
#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <memory>
#include <thread>
#include <mutex>
#include <string>
#include <vector>

#include "archive/archive.hpp"
#include "search/index_open.hpp"
#include "search/search.hpp"

namespace cqc::search::http {

// What one request reads with. Never shared between threads at once.
struct Reader {
  std::unique_ptr<Searcher> searcher;          // the query engine (to_json shape)
  Xapian::Database db;                         // a handle on the searcher's own database
                                               // (shared, reopened with it), for lookups
                                               // by id and export
  std::unique_ptr<archive::Archive> archive;   // opened on first use (documents, originals)
};

class ReaderPool {
 public:
  // Reads the index and archive inside data folder DATA_DIR (core/paths.hpp layout); INDEX
  // names another index (a stub listing remote shards, search/index_open.hpp) when its path is
  // set, and the timeouts of remote shards. PROGRAM is the cqc-archive executable the diff page
  // runs to compare versions ("" = none).
  explicit ReaderPool(std::string data_dir, std::string program = "", IndexOptions index = {});

  // A borrowed Reader, returned to the pool when the lease ends.
  class Lease {
   public:
    Lease(ReaderPool& pool, std::unique_ptr<Reader> reader) : pool_(pool), reader_(std::move(reader)) {}
    ~Lease() { pool_.give_back(std::move(reader_)); }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    Reader* operator->() const { return reader_.get(); }
    // The read-only archive, opened now if needed.
    archive::Archive& archive() const;

   private:
    ReaderPool& pool_;
    std::unique_ptr<Reader> reader_;
  };

  // A Reader at the index's latest commit (new documents show up; nothing is reopened when
  // no commit was made). Throws core::Fatal when there is no index yet.
  Lease acquire();
  // The data folder.
  const std::string& data_dir() const { return data_dir_; }
  // The cqc-archive executable that compares versions, "" when none was given.
  const std::string& program() const { return program_; }

 private:
  void give_back(std::unique_ptr<Reader> reader);

  std::string data_dir_;
  std::string program_;
  IndexOptions index_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<Reader>> idle_;
};

// How often a read is retried when commits keep discarding the revision it reads (an
// indexer committing every document can discard a revision twice within one search).
inline constexpr int kMaxRetries = 100;

// Runs FN(DB), reopening DB and retrying (with a pause of a few milliseconds) when a
// writer's commit discarded the revision being read. For reads after the answer has started
// (export streaming); before that, the dispatcher reruns the whole request instead.
template <class Fn>
auto with_retry(Xapian::Database& db, Fn&& fn) {
  for (int attempt = 0;; ++attempt) {
    try {
      return fn(db);
    } catch (const Xapian::DatabaseModifiedError&) {
      if (attempt >= kMaxRetries) throw;
      std::this_thread::sleep_for(std::chrono::milliseconds(std::min(attempt, 10)));
      db.reopen();
    }
  }
}

}  // namespace cqc::search::http
