#include "archive/export.hpp"

#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <set>

#include "archive/digest.hpp"
#include "core/error.hpp"

namespace cqc::archive {
namespace {

// The stored bytes of CAPTURE's record, as a gzip member.
std::string member_of(const Archive& archive, const Capture& c) {
  const std::string path = archive.warc_path(c.warc_file);
  std::ifstream in(path, std::ios::binary);
  in.seekg(static_cast<std::streamoff>(c.span.offset));
  std::string bytes(c.span.length, '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!in || static_cast<std::uint64_t>(in.gcount()) != c.span.length)
    throw core::Error(path + " offset " + std::to_string(c.span.offset) + ": record " + c.record_id + " cannot be read");
  const bool gzipped = bytes.size() > 1 && bytes[0] == '\x1f' && bytes[1] == '\x8b';
  return gzipped ? bytes : gzip_member(bytes);
}

}  // namespace

ExportSummary export_warc(const Archive& archive, const std::vector<std::string>& uris, const std::string& out,
                          const std::string& description) {
  const std::string part = out + ".part";
  std::ofstream file(part, std::ios::binary | std::ios::trunc);
  if (!file) throw core::Error("cannot write " + part);
  const std::string info = "software: cqc-archive/0.1.0\r\nformat: WARC File Format 1.1\r\n"
                           "conformsTo: https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/\r\n"
                           "description: " + description + "\r\n";
  const WarcHeaders h{{"WARC-Type", "warcinfo"},
                      {"WARC-Record-ID", new_record_id()},
                      {"WARC-Date", warc_date(std::chrono::system_clock::now())},
                      {"WARC-Filename", std::filesystem::path(out).filename().string()},
                      {"Content-Type", "application/warc-fields"}};
  const std::string head = gzip_member(format_head(h, info.size()) + info + "\r\n\r\n");
  file << head;
  std::uint64_t at = head.size();
  ExportSummary sum;
  std::set<std::int64_t> written;
  auto write = [&](const Capture& c) {
    if (!written.insert(c.id).second) return;
    const std::string member = member_of(archive, c);
    file << member;
    sum.written.push_back({c, {at, member.size()}});
    at += member.size();
    ++sum.records;
    if (c.record_type == "revisit") ++sum.revisits;
    // The structured metadata kept with it (a CQC API report's ratings), as the metadata
    // record fetch wrote, so that an import elsewhere keeps it too.
    const std::string meta = archive.catalog().metadata(c.id);
    if (meta.empty()) return;
    const WarcHeaders m{{"WARC-Type", "metadata"},
                        {"WARC-Record-ID", new_record_id()},
                        {"WARC-Date", c.time},
                        {"WARC-Target-URI", c.uri},
                        {"WARC-Refers-To", c.record_id},
                        {"WARC-Block-Digest", warc_digest(meta)},
                        {"Content-Type", "application/json"}};
    const std::string record = gzip_member(format_head(m, meta.size()) + meta + "\r\n\r\n");
    file << record;
    at += record.size();
    ++sum.metadata;
  };
  for (const std::string& uri : uris) {
    const auto history = archive.catalog().history(uri);
    if (!history.empty()) ++sum.uris;
    for (const Capture& c : history) {
      if (c.record_type == "revisit")
        if (auto original = archive.catalog().get(c.refers_to)) write(*original);
      write(c);
    }
  }
  file.flush();
  if (!file) throw core::Error("cannot write " + part + " (disk full?)");
  file.close();
  std::error_code ec;
  std::filesystem::rename(part, out, ec);
  if (ec) throw core::Error("cannot write " + out + ": " + ec.message());
  sum.bytes = std::filesystem::file_size(out, ec);
  return sum;
}

}  // namespace cqc::archive
