#include "archive/warc_reader.hpp"

#include <zlib.h>

#include <fstream>

#include "core/error.hpp"

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

void scan_plain(std::ifstream& in, std::uint64_t size, const std::string& path,
                const std::function<void(const ScannedRecord&)>& visit) {
  in.clear();
  in.seekg(0);
  std::string all(size, '\0');  // uncompressed WARC files are read whole: they are rare and small
  in.read(all.data(), static_cast<std::streamsize>(size));
  for (std::size_t at = all.find("WARC/"); at != std::string::npos && at < all.size();) {
    const std::string_view rest = std::string_view(all).substr(at);
    auto rec = parse_record(rest);
    if (!rec) {
      visit({{at, 0}, core::Failure{path + " offset " + std::to_string(at) + ": " + rec.error()}});
      at = all.find("\nWARC/", at + 1);
      if (at != std::string::npos) ++at;
      continue;
    }
    const std::uint64_t n = record_size(rest, rec.value());
    visit({{at, n}, std::move(rec)});
    at = all.find("WARC/", at + n);
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
