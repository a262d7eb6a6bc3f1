#include "search/http/readers.hpp"

#include <cstdio>

#include "core/error.hpp"
#include "core/paths.hpp"
#include "search/http/router.hpp"

namespace cqc::search::http {

ReaderPool::ReaderPool(std::string data_dir, std::string program, IndexOptions index)
    : data_dir_(std::move(data_dir)), program_(std::move(program)), index_(std::move(index)) {
  if (index_.path.empty()) index_.path = core::index_dir(data_dir_);
}

ReaderPool::Lease ReaderPool::acquire() {
  std::unique_ptr<Reader> r;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!idle_.empty()) {
      r = std::move(idle_.back());
      idle_.pop_back();
    }
  }
  if (r) {
    r->searcher->reopen();  // reads the revision on disk; reopens only after a commit
  } else {
    r = std::make_unique<Reader>();
    r->searcher = std::make_unique<Searcher>(index_);
  }
  r->db = r->searcher->database();  // the same database, not a second one (nor an old one:
                                    // a failed remote shard makes the searcher open anew)
  return Lease(*this, std::move(r));
}

void ReaderPool::give_back(std::unique_ptr<Reader> reader) {
  if (!reader) return;
  std::lock_guard<std::mutex> lock(mutex_);
  idle_.push_back(std::move(reader));
}

archive::Archive& ReaderPool::Lease::archive() const {
  if (!reader_->archive) {
    try {
      reader_->archive = std::make_unique<archive::Archive>(core::archive_dir(pool_.data_dir_),
                                                            archive::Mode::read_only);
    } catch (const std::exception& e) {
      // Said once per reader in the server's log: why documents and originals answer 503.
      std::fprintf(stderr, "cqc-archive serve: archive unavailable: %s\n", e.what());
      throw HttpError(503, "the archive is not available");
    }
  }
  return *reader_->archive;
}

}  // namespace cqc::search::http
