#include "search/http/readers.hpp"

#include "core/error.hpp"
#include "core/paths.hpp"
#include "search/http/router.hpp"

namespace cqc::search::http {

ReaderPool::ReaderPool(std::string data_dir) : data_dir_(std::move(data_dir)) {}

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
    r->searcher->reopen();  // cheap: sees commits made since this reader was last used
    r->db.reopen();
  } else {
    r = std::make_unique<Reader>();
    const std::string index = core::index_dir(data_dir_);
    r->searcher = std::make_unique<Searcher>(index);
    r->db = Xapian::Database(index);
  }
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
    } catch (const std::exception&) {
      throw HttpError(503, "the archive is not available");
    }
  }
  return *reader_->archive;
}

}  // namespace cqc::search::http
