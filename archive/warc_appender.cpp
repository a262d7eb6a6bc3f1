// WarcAppender: one gzip member per record, appended to a file held open. The zlib stream
// and its buffers live as long as the appender and are reset for each member, so archiving
// many small captures allocates nothing per record (a fresh deflate state per record made
// the heap grow and shrink by ~300 KiB twice per capture).
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <vector>

#include "archive/warc.hpp"
#include "core/error.hpp"

namespace cqc::archive {
namespace {

constexpr size_t kChunk = 1 << 16;

void fsync_path(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw core::Error("cannot open " + path + " to sync it: " + std::strerror(errno));
  int rc = ::fsync(fd);
  ::close(fd);
  if (rc != 0) throw core::Error("fsync failed for " + path + ": " + std::strerror(errno));
}

}  // namespace

std::string gzip_member(std::string_view bytes) {
  z_stream z{};
  if (deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY) != Z_OK)
    throw core::Error("zlib cannot start");
  std::string out(deflateBound(&z, static_cast<uLong>(bytes.size())) + 32, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  z.avail_in = static_cast<uInt>(bytes.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  const int rc = deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  if (rc != Z_STREAM_END) throw core::Error("zlib cannot compress");
  return out;
}


struct WarcAppender::Deflater {
  z_stream z{};
  std::vector<char> in = std::vector<char>(kChunk);
  std::vector<unsigned char> out = std::vector<unsigned char>(kChunk);
  Deflater() {
    // gzip wrapper (15 + 16), level 6 as before: every record its own gzip member.
    if (deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
      throw core::Error("cannot initialise zlib");
  }
  ~Deflater() { deflateEnd(&z); }
};

WarcAppender::WarcAppender(std::string path) : path_(std::move(path)) {
  const bool created = !std::filesystem::exists(path_);
  fd_ = ::open(path_.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
  if (fd_ < 0) throw core::Error("cannot open WARC file " + path_ + " for writing: " + std::strerror(errno));
  struct stat st{};
  if (::fstat(fd_, &st) != 0) {
    ::close(fd_);
    throw core::Error("cannot stat WARC file " + path_);
  }
  size_ = static_cast<std::uint64_t>(st.st_size);
  z_ = std::make_unique<Deflater>();
  if (created) {
    sync();
    const std::string folder = std::filesystem::path(path_).parent_path().string();
    fsync_path(folder.empty() ? "." : folder);
  }
}

WarcAppender::~WarcAppender() {
  if (fd_ >= 0) ::close(fd_);
}

void WarcAppender::sync() {
  if (::fsync(fd_) != 0) throw core::Error("fsync failed for " + path_ + ": " + std::strerror(errno));
}

void WarcAppender::truncate_to(std::uint64_t start) noexcept {
  if (::ftruncate(fd_, static_cast<off_t>(start)) == 0) size_ = start;
}

void WarcAppender::deflate(std::string_view data, bool finish) {
  z_stream& z = z_->z;
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  int rc = Z_OK;
  do {
    z.next_out = z_->out.data();
    z.avail_out = static_cast<uInt>(z_->out.size());
    rc = ::deflate(&z, finish ? Z_FINISH : Z_NO_FLUSH);
    if (rc == Z_STREAM_ERROR) throw core::Error("zlib failed while writing " + path_);
    const size_t have = z_->out.size() - z.avail_out;
    for (size_t done = 0; done < have;) {
      ssize_t n = ::write(fd_, z_->out.data() + done, have - done);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0)
        throw core::Error("write failed for WARC file " + path_ + ": " + std::strerror(errno) + " (disk full?)");
      done += static_cast<size_t>(n);
      size_ += static_cast<std::uint64_t>(n);
    }
  } while (z.avail_out == 0 || (finish && rc != Z_STREAM_END));
}

RecordSpan WarcAppender::append(std::string_view head, std::istream& block, std::uint64_t length,
                                bool sync) {
  const std::uint64_t start = size_;
  try {
    if (deflateReset(&z_->z) != Z_OK) throw core::Error("zlib failed while writing " + path_);
    deflate(head, false);
    std::uint64_t left = length;
    while (left > 0) {
      auto want = static_cast<std::streamsize>(std::min<std::uint64_t>(left, z_->in.size()));
      block.read(z_->in.data(), want);
      if (block.gcount() != want)
        throw core::Error("block ended " + std::to_string(left) + " bytes early while writing " + path_);
      deflate(std::string_view(z_->in.data(), static_cast<size_t>(want)), false);
      left -= static_cast<std::uint64_t>(want);
    }
    deflate("\r\n\r\n", true);
    if (sync) this->sync();
  } catch (...) {
    truncate_to(start);  // all-or-nothing: drop the torn member
    throw;
  }
  return {start, size_ - start};
}

RecordSpan WarcAppender::append(std::string_view head, std::string_view block, bool sync) {
  const std::uint64_t start = size_;
  try {
    if (deflateReset(&z_->z) != Z_OK) throw core::Error("zlib failed while writing " + path_);
    deflate(head, false);
    deflate(block, false);
    deflate("\r\n\r\n", true);
    if (sync) this->sync();
  } catch (...) {
    truncate_to(start);
    throw;
  }
  return {start, size_ - start};
}

}  // namespace cqc::archive
