// Fuzz target "warc": archive::scan_warc (archive/warc_reader.hpp) on a WARC file of another
// tool, then what Archive::import_warc does with each record (is_http_response,
// parse_http_head, record_entity), and read_record at the span the scan reported.
// Input: one selector byte, then the file's bytes, written to a temporary file (the reader
// takes a path). Selector bits 0-1: 0 and 3 write the bytes as they are (plain, or gzip the
// fuzzer made), 1 compresses each record (each piece starting with a "WARC/" line) as its
// own gzip member as WARC tools do, 2 compresses the whole input as one member; with 1, bits
// 2-7 cut that many bytes off the last member (a torn file). A damaged record is reported
// to the visitor as a Failure; scan_warc throws core::Error only when the file cannot be
// read, which never happens here, so nothing is caught.
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "archive/archive.hpp"
#include "archive/http_message.hpp"
#include "archive/warc.hpp"
#include "archive/warc_reader.hpp"
#include "tests/fuzz/fuzz_target.hpp"

namespace {

using namespace cqc;

// The temporary file inputs are written to, in a folder removed when the process exits.
const std::string& input_path() {
  static const std::string path = [] {
    static std::string dir = (std::filesystem::temp_directory_path() / "cqc-fuzz-warc-XXXXXX").string();
    if (!::mkdtemp(dir.data())) std::abort();
    std::atexit([] { std::filesystem::remove_all(dir); });
    return dir + "/input.warc";
  }();
  return path;
}

// BYTES as one gzip member.
std::string gzip(std::string_view bytes) {
  z_stream z{};
  if (deflateInit2(&z, 1, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY) != Z_OK) std::abort();
  std::string out(deflateBound(&z, static_cast<uLong>(bytes.size())) + 32, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  z.avail_in = static_cast<uInt>(bytes.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  if (deflate(&z, Z_FINISH) != Z_STREAM_END) std::abort();
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

// BYTES cut before every line starting "WARC/", each piece its own gzip member.
std::string gzip_per_record(std::string_view bytes) {
  std::string out;
  for (size_t start = 0; start < bytes.size();) {
    const size_t at = bytes.find("\nWARC/", start);
    const size_t end = at == std::string_view::npos ? bytes.size() : at + 1;
    out += gzip(bytes.substr(start, end - start));
    start = end;
  }
  return out;
}

// Content-Length as written, without leading zeros ("" when absent).
std::string declared_length(const archive::WarcRecord& r) {
  std::string n = r.get("Content-Length");
  n.erase(0, std::min(n.find_first_not_of('0'), n.empty() ? 0 : n.size() - 1));
  return n;
}

void check_record(const std::string& path, const archive::ScannedRecord& s) {
  if (!s.record) {
    CQC_FUZZ_CHECK(!s.record.error().empty(), "a Failure without a reason");
    return;
  }
  const archive::WarcRecord& r = s.record.value();
  CQC_FUZZ_CHECK(declared_length(r) == std::to_string(r.block.size()),
                 "a record's block is not Content-Length bytes");
  // The span is what the catalog keeps: the record must read back from it alone.
  auto again = archive::read_record(path, s.span);
  CQC_FUZZ_CHECK(again.ok(), "a scanned record does not read back from its span");
  CQC_FUZZ_CHECK(again->block == r.block && again->headers == r.headers,
                 "a record read back from its span differs");
  // What import_warc and the indexer read of it.
  (void)r.target_uri();
  if (archive::is_http_response(r)) {
    auto head = archive::parse_http_head(r.block);
    if (head) (void)head->get("Content-Type");
  }
  auto entity = archive::record_entity(r);
  if (entity) CQC_FUZZ_CHECK(entity->size() <= r.block.size(), "an entity larger than its block");
}

}  // namespace

CQC_FUZZ_TARGET(warc) {
  std::string_view input = fuzz::bytes(data, size);
  const unsigned selector = fuzz::take_selector(input);
  std::string file;
  switch (selector & 3) {
    case 1:
      file = gzip_per_record(input);
      file.resize(file.size() - std::min<size_t>(file.size(), selector >> 2));
      break;
    case 2:
      file = gzip(input);
      break;
    default:
      file = std::string(input);
  }
  const std::string& path = input_path();
  {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(file.data(), static_cast<std::streamsize>(file.size()));
    if (!out) std::abort();
  }
  archive::scan_warc(path, [&](const archive::ScannedRecord& s) { check_record(path, s); });
  return 0;
}
