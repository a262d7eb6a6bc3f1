#include "archive/warc_reader.hpp"

#include <zlib.h>

#include <algorithm>
#include <cctype>
#include <fstream>

#include "core/error.hpp"
#include "core/text.hpp"

namespace cqc::archive {
namespace {

constexpr std::size_t kChunk = 1 << 16;

// Bytes a record takes when written: its head, its block and the CRLF CRLF after it.
std::uint64_t record_size(std::string_view bytes, const WarcRecord& r) {
  return bytes.find("\r\n\r\n") + 4 + r.block.size() + 4;
}

// Inflates the gzip member at OFFSET of IN into OUT; returns its compressed length, or 0
// with WHY set when it is not a whole gzip member.
std::uint64_t inflate_member(std::ifstream& in, std::uint64_t offset, std::string& out, std::string& why) {
  in.clear();
  in.seekg(static_cast<std::streamoff>(offset));
  z_stream z{};
  if (inflateInit2(&z, 16 + MAX_WBITS) != Z_OK) {
    why = "zlib cannot start";
    return 0;
  }
  std::string input(kChunk, '\0'), output(kChunk, '\0');
  int rc = Z_OK;
  while (rc != Z_STREAM_END) {
    if (z.avail_in == 0) {
      in.read(input.data(), static_cast<std::streamsize>(input.size()));
      z.next_in = reinterpret_cast<Bytef*>(input.data());
      z.avail_in = static_cast<uInt>(in.gcount());
      if (z.avail_in == 0) {
        why = "the file ends inside a gzip member";
        break;
      }
    }
    z.next_out = reinterpret_cast<Bytef*>(output.data());
    z.avail_out = static_cast<uInt>(output.size());
    rc = inflate(&z, Z_NO_FLUSH);
    if (rc != Z_OK && rc != Z_STREAM_END) {
      why = std::string("not a valid gzip member (") + (z.msg ? z.msg : "zlib error") + ")";
      break;
    }
    out.append(output.data(), output.size() - z.avail_out);
    if (out.size() > kMaxScannedRecord) {
      why = "a record inflates to more than " + std::to_string(kMaxScannedRecord >> 20) + " MiB";
      break;
    }
  }
  const std::uint64_t used = rc == Z_STREAM_END ? z.total_in : 0;
  inflateEnd(&z);
  return used;
}

// The offset of the next gzip member header (1f 8b 08) after FROM, or SIZE when none.
std::uint64_t next_gzip(std::ifstream& in, std::uint64_t from, std::uint64_t size) {
  std::string buf(kChunk + 2, '\0');
  for (std::uint64_t at = from; at < size; at += kChunk) {
    in.clear();
    in.seekg(static_cast<std::streamoff>(at));
    in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
    const std::string_view got(buf.data(), static_cast<std::size_t>(in.gcount()));
    for (std::size_t i = 0; i + 2 < got.size() && i < kChunk; ++i)
      if (got[i] == '\x1f' && got[i + 1] == '\x8b' && got[i + 2] == '\x08') return at + i;
  }
  return size;
}

void scan_gzip(std::ifstream& in, std::uint64_t size, const std::string& path,
               const std::function<void(const ScannedRecord&)>& visit) {
  for (std::uint64_t at = 0; at < size;) {
    std::string bytes, why;
    const std::uint64_t used = inflate_member(in, at, bytes, why);
    auto where = [&](const std::string& what) { return path + " offset " + std::to_string(at) + ": " + what; };
    if (!used) {
      visit({{at, 0}, core::Failure{where(why)}});
      at = next_gzip(in, at + 1, size);
      continue;
    }
    auto rec = parse_record(bytes);
    if (!rec) {
      visit({{at, used}, core::Failure{where(rec.error())}});
    } else if (bytes.find_first_not_of("\r\n", record_size(bytes, rec.value())) != std::string::npos) {
      visit({{at, used}, core::Failure{where("several records in one gzip member (recompress with one record per member, e.g. warcio recompress)")}});
    } else {
      visit({{at, used}, std::move(rec)});
    }
    at += used;
  }
}

// Reads LENGTH bytes at OFFSET of IN (fewer at the end of the file).
std::string read_at(std::ifstream& in, std::uint64_t offset, std::uint64_t length) {
  in.clear();
  in.seekg(static_cast<std::streamoff>(offset));
  std::string bytes(length, '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(length));
  bytes.resize(static_cast<std::size_t>(in.gcount()));
  return bytes;
}

// The offset of the next line starting "WARC/" after FROM, or SIZE when none.
std::uint64_t next_plain(std::ifstream& in, std::uint64_t from, std::uint64_t size) {
  for (std::uint64_t at = from; at < size; at += kChunk) {
    const std::string got = read_at(in, at, kChunk + 6);
    for (std::size_t i = 0; i + 6 <= got.size() && i < kChunk; ++i)
      if (got[i] == '\n' && got.compare(i + 1, 5, "WARC/") == 0 && at + i + 1 > from) return at + i + 1;
  }
  return size;
}

// Uncompressed records, one at a time: the head first (at most 1 MiB), then its block.
void scan_plain(std::ifstream& in, std::uint64_t size, const std::string& path,
                const std::function<void(const ScannedRecord&)>& visit) {
  constexpr std::uint64_t kMaxHead = 1 << 20;
  for (std::uint64_t at = 0; at < size;) {
    auto where = [&](const std::string& what) { return path + " offset " + std::to_string(at) + ": " + what; };
    const std::string head = read_at(in, at, std::min<std::uint64_t>(kMaxHead, size - at));
    const std::size_t end = head.find("\r\n\r\n");
    const std::size_t length_at = core::to_lower(head.substr(0, end)).find("\ncontent-length:");
    std::uint64_t length = 0;
    bool ok = head.rfind("WARC/", 0) == 0 && end != std::string::npos && length_at != std::string::npos;
    if (ok) {
      std::size_t i = length_at + 16;
      while (i < end && head[i] == ' ') ++i;
      ok = i < end && std::isdigit(static_cast<unsigned char>(head[i]));
      for (; ok && i < end && std::isdigit(static_cast<unsigned char>(head[i])); ++i)
        length = length * 10 + static_cast<std::uint64_t>(head[i] - '0');
    }
    const std::uint64_t total = end + 4 + length + 4;
    if (!ok) {
      visit({{at, 0}, core::Failure{where("not a WARC record (no WARC/ line, head or Content-Length)")}});
      at = next_plain(in, at + 1, size);
    } else if (length > kMaxScannedRecord) {
      visit({{at, total}, core::Failure{where("a record of more than " + std::to_string(kMaxScannedRecord >> 20) + " MiB")}});
      at += total;
    } else if (total > size - at) {
      // Checked before reading: read_at allocates what the record claims, and a few bytes
      // claiming 500 MiB each cost a 500 MiB allocation per record (found by fuzzing).
      visit({{at, 0}, core::Failure{where("the file ends inside the record (Content-Length " +
                                          std::to_string(length) + ")")}});
      at = next_plain(in, at + 1, size);
    } else {
      const std::string bytes = read_at(in, at, total);
      auto rec = parse_record(bytes);
      if (rec) visit({{at, total}, std::move(rec)});
      else visit({{at, 0}, core::Failure{where(rec.error())}});
      at = rec ? at + total : next_plain(in, at + 1, size);
    }
    // Blank lines between records.
    while (at < size) {
      const std::string gap = read_at(in, at, 2);
      if (gap.empty() || (gap[0] != '\r' && gap[0] != '\n')) break;
      ++at;
    }
  }
}

}  // namespace

void scan_warc(const std::string& path, const std::function<void(const ScannedRecord&)>& visit) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) throw core::Error("cannot read " + path);
  const std::uint64_t size = static_cast<std::uint64_t>(in.tellg());
  in.seekg(0);
  char magic[2] = {0, 0};
  in.read(magic, 2);
  if (magic[0] == '\x1f' && magic[1] == '\x8b') scan_gzip(in, size, path, visit);
  else scan_plain(in, size, path, visit);
}

}  // namespace cqc::archive
