// read_record: reading WARC files (the appender is in warc_appender.cpp).
#include <Poco/InflatingStream.h>
#include <Poco/MemoryStream.h>
#include <algorithm>
#include <fstream>
#include <stdexcept>
#include <sstream>

#include "archive/warc.hpp"
#include "core/error.hpp"

namespace cqc::archive {
namespace {

// One gzip member inflated. The member's trailer ends with the inflated size (mod 2^32), so
// the room is reserved once (at most what deflate's 1:1032 ratio allows, whatever a damaged
// trailer claims) and the text is read into it: a 200 MB record costs 200 MB, not the three
// times a growing string stream and its copy took.
std::string inflate(const std::string& compressed) {
  std::string out;
  if (compressed.size() >= 18) {
    const auto* t = reinterpret_cast<const unsigned char*>(compressed.data() + compressed.size() - 4);
    const std::uint64_t isize = t[0] | (t[1] << 8) | (t[2] << 16) | (static_cast<std::uint64_t>(t[3]) << 24);
    out.reserve(static_cast<std::size_t>(std::min<std::uint64_t>(isize, compressed.size() * 1032ull)));
  }
  Poco::MemoryInputStream in(compressed.data(), compressed.size());
  Poco::InflatingInputStream inflater(in, Poco::InflatingStreamBuf::STREAM_GZIP);
  char buf[1 << 16];
  while (inflater) {
    inflater.read(buf, sizeof buf);
    out.append(buf, static_cast<std::size_t>(inflater.gcount()));
  }
  if (inflater.bad()) throw std::runtime_error("corrupt gzip member");
  return out;
}

}  // namespace

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
    // One gzip member, or the bytes of a record in an uncompressed WARC file.
    const bool gzip = compressed.size() > 1 && compressed[0] == '\x1f' && compressed[1] == '\x8b';
    auto rec = parse_record_owned(gzip ? inflate(compressed) : std::move(compressed));
    if (!rec) return core::Failure{path + " offset " + std::to_string(span.offset) + ": " + rec.error()};
    return rec;
  } catch (const std::exception& e) {
    return core::Failure{path + " offset " + std::to_string(span.offset) +
                         ": gzip member cannot be inflated (" + e.what() + ")"};
  }
}

}  // namespace cqc::archive
