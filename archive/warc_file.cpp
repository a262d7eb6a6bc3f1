// read_record: reading WARC files (the appender is in warc_appender.cpp).
#include <Poco/InflatingStream.h>
#include <fstream>
#include <sstream>

#include "archive/warc.hpp"
#include "core/error.hpp"

namespace cqc::archive {
namespace {

// Inflates one gzip member held in COMPRESSED.
std::string inflate(const std::string& compressed) {
  std::istringstream in(compressed);
  Poco::InflatingInputStream inflater(in, Poco::InflatingStreamBuf::STREAM_GZIP);
  std::ostringstream out;
  out << inflater.rdbuf();
  return out.str();
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
    auto rec = parse_record(gzip ? inflate(compressed) : compressed);
    if (!rec) return core::Failure{path + " offset " + std::to_string(span.offset) + ": " + rec.error()};
    return rec;
  } catch (const std::exception& e) {
    return core::Failure{path + " offset " + std::to_string(span.offset) +
                         ": gzip member cannot be inflated (" + e.what() + ")"};
  }
}

}  // namespace cqc::archive
