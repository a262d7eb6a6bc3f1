#include "indexer/shard_writer.hpp"

#include <algorithm>
#include <utility>

#include "core/error.hpp"
#include "core/schema.hpp"
#include "indexer/shards.hpp"

namespace cqc::indexer {
namespace {

Xapian::WritableDatabase open_writable(const std::string& path) {
  try {
    return Xapian::WritableDatabase(path, Xapian::DB_CREATE_OR_OPEN);
  } catch (const Xapian::DatabaseLockError&) {
    throw core::Fatal("index " + path + " is being written by another process");
  } catch (const Xapian::Error& e) {
    throw core::Fatal("cannot open index " + path + ": " + e.get_description());
  }
}

}  // namespace

ShardWriter::ShardWriter(std::string path, std::uint64_t queue_bytes)
    : path_(std::move(path)),
      db_(open_writable(path_)),
      last_at_open_(db_.get_lastdocid()),
      queue_limit_(queue_bytes),
      thread_([this] { run(); }) {}

ShardWriter::~ShardWriter() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stop_ = true;
  }
  wake_.notify_one();
  thread_.join();
}

void ShardWriter::replace(Xapian::docid did, std::string document) {
  push({Op::Kind::replace, {}, std::move(document), did});
}

void ShardWriter::remove(Xapian::docid did) { push({Op::Kind::remove, {}, {}, did}); }

void ShardWriter::set_metadata(std::string key, std::string value) {
  push({Op::Kind::metadata, std::move(key), std::move(value), 0});
}

void ShardWriter::queue_commit() { push({Op::Kind::commit, {}, {}, 0}); }

void ShardWriter::commit() {
  queue_commit();
  drain();
}

void ShardWriter::drain() {
  std::unique_lock<std::mutex> lock(mutex_);
  done_.wait(lock, [this] { return (queue_.empty() && !busy_) || !failure_.empty(); });
  check_failed();
}

Xapian::doccount ShardWriter::doc_count() {
  drain();
  return db_.get_doccount();
}

void ShardWriter::check_failed() {
  if (!failure_.empty()) throw core::Fatal("cannot write index " + path_ + ": " + failure_);
}

void ShardWriter::push(Op op) {
  const std::uint64_t size = op.a.size() + op.b.size();
  {
    std::unique_lock<std::mutex> lock(mutex_);
    // One op larger than the limit still goes through once the queue is empty.
    done_.wait(lock, [&] { return queued_bytes_ == 0 || queued_bytes_ + size <= queue_limit_ || !failure_.empty(); });
    check_failed();
    queued_bytes_ += size;
    queue_.push_back(std::move(op));
  }
  wake_.notify_one();
}

void add_spelling_words(Xapian::WritableDatabase& db, const Xapian::Document& doc) {
  for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
    const std::string term = *t;
    if (term.size() < 3 || term.size() > 30) continue;
    if (!std::all_of(term.begin(), term.end(), [](char c) { return c >= 'a' && c <= 'z'; })) continue;
    db.add_spelling(term, 1);
  }
}

void ShardWriter::run() {
  for (;;) {
    Op op;
    {
      std::unique_lock<std::mutex> lock(mutex_);
      wake_.wait(lock, [this] { return stop_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stop_ and nothing left
      op = std::move(queue_.front());
      queue_.pop_front();
      busy_ = true;
    }
    const std::uint64_t size = op.a.size() + op.b.size();
    std::string error;
    try {
      if (failure_.empty()) {  // read without the lock: only this thread writes it
        switch (op.kind) {
          case Op::Kind::replace: {
            const Xapian::Document doc = Xapian::Document::unserialise(op.b);
            add_spelling_words(db_, doc);
            db_.replace_document(op.did, doc);
            break;
          }
          case Op::Kind::remove:
            try {
              db_.delete_document(op.did);
            } catch (const Xapian::DocNotFoundError&) {
            }
            break;
          case Op::Kind::metadata:
            db_.set_metadata(op.a, op.b);
            break;
          case Op::Kind::commit:
            db_.commit();
            break;
        }
      }
    } catch (const Xapian::Error& e) {
      error = e.get_description();
    } catch (const std::exception& e) {
      error = e.what();
    }
    {
      std::lock_guard<std::mutex> lock(mutex_);
      queued_bytes_ -= size;
      busy_ = false;
      if (!error.empty() && failure_.empty()) failure_ = error;
    }
    done_.notify_all();
  }
}

ShardSet::ShardSet(const std::string& dir, std::size_t want) {
  const std::size_t have = shard_count(dir);
  if (want == 0) want = have ? have : 1;
  if (want > kMaxShards) throw core::Fatal("--shards " + std::to_string(want) + " is more than " + std::to_string(kMaxShards));
  if (have && have != want)
    throw core::Fatal("index " + dir + " has " + std::to_string(have) + (have == 1 ? " shard" : " shards") +
                      "; --shards " + std::to_string(want) + " needs a rebuild: add --rebuild");
  if (want > 1 && !have) create_stub(dir, want);
  for (const std::string& path : shard_paths(dir, want)) {
    writers_.push_back(std::make_unique<ShardWriter>(path));
    last_docid_ = std::max(last_docid_, writers_.back()->last_docid_at_open());
  }
  try {
    reader_ = Xapian::Database(dir);
    const std::string generation = reader_.get_metadata(std::string(schema::kGenerationKey));
    generation_ = generation.empty() ? 0 : std::stoull(generation);
  } catch (const Xapian::Error& e) {
    throw core::Fatal("cannot open index " + dir + ": " + e.get_description());
  } catch (const std::logic_error&) {
    throw core::Fatal("index " + dir + " has a malformed " + std::string(schema::kGenerationKey));
  }
}

std::size_t ShardSet::shard_of_id(std::string_view id) const { return shard_of(id, writers_.size()); }

void ShardSet::commit() {
  for (std::size_t k = 1; k < writers_.size(); ++k) writers_[k]->queue_commit();
  for (std::size_t k = 1; k < writers_.size(); ++k) writers_[k]->drain();
  if (writers_.size() > 1) writers_[0]->set_metadata(std::string(schema::kGenerationKey), std::to_string(++generation_));
  writers_[0]->commit();
}

Xapian::doccount ShardSet::doc_count() {
  Xapian::doccount n = 0;
  for (auto& w : writers_) n += w->doc_count();
  return n;
}

}  // namespace cqc::indexer
