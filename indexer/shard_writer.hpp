// One shard database written on a thread of its own, so that Xapian's replace_document (the
// indexer's costliest step) runs beside the extraction workers and beside the other shards'
// writers, and the poll loop that feeds the workers never waits for it. Internal to the
// indexer (indexer.cpp).
#pragma once
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include <xapian.h>

namespace cqc::indexer {

// Adds DOC's plain words (3-30 letters a-z, each once) to DB's spelling data, which search's
// "did you mean" reads (Xapian's QueryParser spelling correction).
void add_spelling_words(Xapian::WritableDatabase& db, const Xapian::Document& doc);

class ShardWriter {
 public:
  // Opens the Xapian database at PATH for writing, creating it if needed, and starts the
  // thread. Throws core::Fatal naming PATH when another process writes it or it cannot be
  // opened. At most QUEUE_BYTES of documents wait for the thread before replace() blocks.
  explicit ShardWriter(std::string path, std::uint64_t queue_bytes = 64ull << 20);
  // Finishes what is queued and stops the thread. Changes not committed are left to
  // Xapian (its destructor commits them).
  ~ShardWriter();
  ShardWriter(const ShardWriter&) = delete;
  ShardWriter& operator=(const ShardWriter&) = delete;

  // Queues: put the document DOCUMENT holds (Xapian::Document::serialise, unserialised on
  // the writer thread) under docid DID, replacing the one there.
  void replace(Xapian::docid did, std::string document);
  // The highest docid used so far (Xapian's get_lastdocid), read when opened.
  Xapian::docid last_docid_at_open() const { return last_at_open_; }
  // Queues: delete the document under docid DID (none there is no error).
  void remove(Xapian::docid did);
  // Queues: set metadata KEY to VALUE ("" deletes it).
  void set_metadata(std::string key, std::string value);
  // Queues a commit (returns at once; drain() waits for it).
  void queue_commit();
  // Queues a commit and waits until it and everything queued before it are done.
  void commit();
  // Waits until everything queued is done (no commit).
  void drain();
  // Documents in the shard; call after commit() or drain().
  Xapian::doccount doc_count();

  // Each of these rethrows, as core::Fatal naming the shard, the first error the thread met
  // (a full disk, a corrupt database): after one, nothing more is written.

 private:
  struct Op {
    enum class Kind { replace, remove, metadata, commit } kind;
    std::string a, b;
    Xapian::docid did = 0;
  };
  void push(Op op);
  void run();
  void check_failed();  // with mutex_ held

  std::string path_;
  Xapian::WritableDatabase db_;
  Xapian::docid last_at_open_;
  std::uint64_t queue_limit_;
  std::mutex mutex_;
  std::condition_variable wake_;   // the thread: an op was queued or stop_ set
  std::condition_variable done_;   // callers: an op finished or room was made
  std::deque<Op> queue_;
  std::uint64_t queued_bytes_ = 0;
  bool busy_ = false;              // the thread is running an op it has popped
  bool stop_ = false;
  std::string failure_;            // the first error, "" while none
  std::thread thread_;
};

// An index's shards (shards.hpp) open for writing, one ShardWriter each, and a reader on
// all of them (Xapian::Database of the index folder) for the lookups planning needs.
//
// Docids: a document keeps its docid within its shard when replaced, and a new one gets the
// next number after the highest any shard used — the docid it would have had in one
// database written in the same order. So no two shards share a docid (Xapian 1.4 gives a
// MatchSpy or KeyMaker the docid within the shard, and search::FacetTable needs it to name
// one document), and the combined docids of a split index sort as one database's would, so
// equal-scored hits come in the same order. Combined docids reach about N times the
// document count: N shards hold at most 2^32 / N documents.
class ShardSet {
 public:
  // Opens the index at DIR with WANT shards (0: as many as it has, 1 for a new index),
  // creating it if needed. Throws core::Fatal when the index has another number of shards
  // (changing it needs a rebuild), is written by another process or cannot be opened.
  ShardSet(const std::string& dir, std::size_t want);

  // The writer of the shard holding the document with unique id ID.
  ShardWriter& of(std::string_view id) { return *writers_[shard_of_id(id)]; }
  // The writer of shard 0, which holds the index's metadata (Xapian reads a split index's
  // metadata from its first database).
  ShardWriter& first() { return *writers_.front(); }
  // A reader of every shard at its last commit; see read().
  Xapian::Database& reader() { return reader_; }

  // Commits every shard (in parallel), then shard 0 with a new schema::kGenerationKey, so that a
  // reader seeing a new generation sees every document committed before it.
  void commit();
  // The docid for a new document (see above).
  Xapian::docid next_docid() { return ++last_docid_; }
  // The number of shards.
  std::size_t size() const { return writers_.size(); }
  // Documents in all shards (waits for every queued write).
  Xapian::doccount doc_count();
  // Runs FN(reader()), reopening the reader and retrying when commits since it was opened
  // made the revision it reads unavailable (Xapian::DatabaseModifiedError).
  template <class Fn>
  auto read(Fn fn) {
    for (int attempt = 0;; ++attempt) {
      try {
        return fn(reader_);
      } catch (const Xapian::DatabaseModifiedError&) {
        if (attempt == 5) throw;
        reader_.reopen();
      }
    }
  }

 private:
  std::size_t shard_of_id(std::string_view id) const;

  std::vector<std::unique_ptr<ShardWriter>> writers_;
  Xapian::Database reader_;
  std::uint64_t generation_ = 0;
  Xapian::docid last_docid_ = 0;
};

}  // namespace cqc::indexer
