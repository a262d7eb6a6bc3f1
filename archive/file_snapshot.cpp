#include "archive/file_snapshot.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>

#include "archive/digest.hpp"
#include "core/error.hpp"

namespace cqc::archive {
namespace {

std::string why(const std::string& what) { return what + ": " + std::strerror(errno); }

// Closes a descriptor when it goes out of scope.
struct Fd {
  int fd = -1;
  ~Fd() {
    if (fd >= 0) ::close(fd);
  }
};

bool same(const struct stat& a, const struct stat& b) {
  return a.st_size == b.st_size && a.st_mtim.tv_sec == b.st_mtim.tv_sec && a.st_mtim.tv_nsec == b.st_mtim.tv_nsec &&
         a.st_ctim.tv_sec == b.st_ctim.tv_sec && a.st_ctim.tv_nsec == b.st_ctim.tv_nsec;
}

}  // namespace

FileSnapshot::FileSnapshot(const std::string& path, const std::string& spool_dir, std::uint64_t in_memory) {
  Fd in{::open(path.c_str(), O_RDONLY | O_CLOEXEC)};
  if (in.fd < 0) throw core::Error(why("cannot read " + path));
  struct stat before {};
  if (::fstat(in.fd, &before) != 0) throw core::Error(why("cannot read " + path));
  Fd spool;
  if (static_cast<std::uint64_t>(before.st_size) > in_memory) {
    std::string name = spool_dir + "/import-XXXXXX";
    spool.fd = ::mkstemp(name.data());
    if (spool.fd < 0) throw core::Error(why("cannot create a spool file in " + spool_dir));
    spool_ = name;
  } else {
    bytes_.reserve(static_cast<std::size_t>(before.st_size));
  }
  Sha1 sha;
  std::string buf(1 << 16, '\0');
  for (;;) {
    const ssize_t n = ::read(in.fd, buf.data(), buf.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw core::Error(why("read error in " + path));
    if (n == 0) break;
    const std::string_view chunk(buf.data(), static_cast<std::size_t>(n));
    sha.update(chunk);
    if (spool.fd < 0) {
      bytes_.append(chunk);
      continue;
    }
    for (std::size_t done = 0; done < chunk.size();) {
      const ssize_t w = ::write(spool.fd, chunk.data() + done, chunk.size() - done);
      if (w < 0 && errno == EINTR) continue;
      if (w < 0) throw core::Error(why("cannot write the spool file " + spool_ + " for " + path));
      done += static_cast<std::size_t>(w);
    }
  }
  struct stat after {};
  if (::fstat(in.fd, &after) != 0) throw core::Error(why("cannot read " + path));
  size_ = sha.size();
  if (!same(before, after) || size_ != static_cast<std::uint64_t>(after.st_size))
    throw core::Error(path + " changed while being read: not imported (import it again once it is written)");
  digest_ = sha.warc_digest();
}

FileSnapshot::~FileSnapshot() {
  if (!spool_.empty()) ::unlink(spool_.c_str());
}

void FileSnapshot::keep_spool_as(const std::string& target) {
  const int fd = ::open(spool_.c_str(), O_RDONLY | O_CLOEXEC);
  const bool synced = fd >= 0 && ::fsync(fd) == 0;
  if (fd >= 0) ::close(fd);
  if (!synced || ::rename(spool_.c_str(), target.c_str()) != 0) throw core::Error(why("cannot store " + target));
  spool_.clear();
  // The rename itself made durable: the folder's entry.
  const std::string folder = target.substr(0, target.rfind('/') == std::string::npos ? 0 : target.rfind('/'));
  const int dir = ::open(folder.empty() ? "." : folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir >= 0) {
    ::fsync(dir);
    ::close(dir);
  }
}

std::unique_ptr<std::istream> FileSnapshot::open_spool() const {
  auto in = std::make_unique<std::ifstream>(spool_, std::ios::binary);
  if (!*in) throw core::Error("cannot read the spool file " + spool_);
  return in;
}

}  // namespace cqc::archive
