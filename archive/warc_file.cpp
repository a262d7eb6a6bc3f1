// WarcAppender, read_record and scan_records: the WARC file I/O half of warc.hpp.
#include <Poco/DeflatingStream.h>
#include <Poco/InflatingStream.h>
#include <fcntl.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "archive/warc.hpp"
#include "core/error.hpp"

namespace cqc::archive {
namespace {

void fsync_path(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY);
  if (fd < 0) throw core::Error("cannot open " + path + " to sync it");
  int rc = ::fsync(fd);
  ::close(fd);
  if (rc != 0) throw core::Error("fsync failed for " + path);
}

// Inflates one gzip member held in COMPRESSED.
std::string inflate(const std::string& compressed) {
  std::istringstream in(compressed);
  Poco::InflatingInputStream inflater(in, Poco::InflatingStreamBuf::STREAM_GZIP);
  std::ostringstream out;
  out << inflater.rdbuf();
  return out.str();
}

}  // namespace

WarcAppender::WarcAppender(std::string path) : path_(std::move(path)) {
  std::ofstream touch(path_, std::ios::binary | std::ios::app);
  if (!touch) throw core::Error("cannot open WARC file " + path_ + " for writing");
}

std::uint64_t WarcAppender::size() const { return std::filesystem::file_size(path_); }

RecordSpan WarcAppender::append(std::string_view head, std::istream& block, std::uint64_t length,
                                bool sync) {
  const std::uint64_t start = size();
  try {
    std::ofstream file(path_, std::ios::binary | std::ios::app);
    if (!file) throw core::Error("cannot open WARC file " + path_ + " for writing");
    {
      Poco::DeflatingOutputStream gz(file, Poco::DeflatingStreamBuf::STREAM_GZIP, 6);
      gz.write(head.data(), static_cast<std::streamsize>(head.size()));
      std::string buf(1 << 16, '\0');
      std::uint64_t left = length;
      while (left > 0) {
        auto want = static_cast<std::streamsize>(std::min<std::uint64_t>(left, buf.size()));
        block.read(buf.data(), want);
        if (block.gcount() != want)
          throw core::Error("block ended " + std::to_string(left) + " bytes early while writing " + path_);
        gz.write(buf.data(), want);
        left -= static_cast<std::uint64_t>(want);
      }
      gz.write("\r\n\r\n", 4);
      gz.close();
    }
    file.flush();
    if (!file) throw core::Error("write failed for WARC file " + path_ + " (disk full?)");
    file.close();
    if (sync) fsync_path(path_);
  } catch (...) {
    std::filesystem::resize_file(path_, start);  // all-or-nothing: drop the torn member
    throw;
  }
  return {start, size() - start};
}

RecordSpan WarcAppender::append(std::string_view head, std::string_view block, bool sync) {
  std::istringstream in{std::string(block)};
  return append(head, in, block.size(), sync);
}

core::Result<WarcRecord> read_record(const std::string& path, RecordSpan span) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return core::Failure{"cannot open WARC file " + path};
  in.seekg(static_cast<std::streamoff>(span.offset));
  std::string compressed(span.length, '\0');
  in.read(compressed.data(), static_cast<std::streamsize>(span.length));
  if (static_cast<std::uint64_t>(in.gcount()) != span.length)
    return core::Failure{path + " offset " + std::to_string(span.offset) +
                         ": file ends inside the record"};
  try {
    auto rec = parse_record(inflate(compressed));
    if (!rec) return core::Failure{path + " offset " + std::to_string(span.offset) + ": " + rec.error()};
    return rec;
  } catch (const std::exception& e) {
    return core::Failure{path + " offset " + std::to_string(span.offset) +
                         ": gzip member cannot be inflated (" + e.what() + ")"};
  }
}

}  // namespace cqc::archive
