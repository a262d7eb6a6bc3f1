// Archive::import_warc: WARC files written by other tools become captures.
#include <cctype>
#include <filesystem>
#include <unordered_map>

#include "archive/archive.hpp"
#include "archive/digest.hpp"
#include "archive/file_snapshot.hpp"
#include "archive/http_message.hpp"
#include "archive/warc_reader.hpp"
#include "core/error.hpp"
#include "core/text.hpp"

namespace fs = std::filesystem;

namespace cqc::archive {
namespace {

// A name for the file in the archive folder: "ext-" + 16 characters of its digest + its own
// name, so the same file always gets the same name and another file never clashes.
std::string stored_name(const std::string& path, const std::string& digest) {
  std::string base = fs::path(path).filename().string();
  for (char& c : base)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '_')) c = '_';
  return "ext-" + digest.substr(5, 16) + "-" + base;
}

// The capture a response or resource record stands for (its payload digested here), with
// its place in FILE; nullopt for other records. MISMATCH is set when the record declares
// another payload digest.
std::optional<Capture> capture_of(const WarcRecord& r, const std::string& file, RecordSpan span, bool& mismatch) {
  const std::string type = r.get("WARC-Type");
  Capture c;
  c.uri = r.target_uri();
  c.time = r.get("WARC-Date");
  c.record_id = r.get("WARC-Record-ID");
  c.warc_file = file;
  c.span = span;
  if (type == "response" && is_http_response(r)) {
    auto head = parse_http_head(r.block);
    auto entity = record_entity(r);
    if (!head || !entity) return std::nullopt;
    c.status = head->status;
    c.mime = media_type(head->get("Content-Type"));
    c.etag = head->get("ETag");
    c.last_modified = head->get("Last-Modified");
    c.digest = warc_digest(entity.value());
    c.size = entity->size();
  } else if (type == "resource") {
    c.mime = media_type(r.get("Content-Type"));
    c.digest = warc_digest(r.block);
    c.size = r.block.size();
  } else {
    return std::nullopt;
  }
  // Only what was fetched from somewhere: wget's metadata://... and dns: records are not.
  const std::string scheme = core::to_lower(c.uri.substr(0, c.uri.find(':')));
  if (scheme != "http" && scheme != "https" && scheme != "ftp" && scheme != "file") return std::nullopt;
  c.record_type = type;
  const std::string declared = r.get("WARC-Payload-Digest");
  mismatch = !declared.empty() && core::to_lower(declared.substr(0, 5)) == "sha1:" && declared != c.digest;
  return c;
}

}  // namespace

WarcImportSummary Archive::import_warc(const std::string& path) {
  if (mode_ != Mode::read_write) throw core::Error("archive " + dir_ + " is open read-only");
  std::error_code ec;
  fs::create_directories(dir_ + "/tmp", ec);
  FileSnapshot file(path, dir_ + "/tmp", 0);  // always spooled: the spool becomes the stored file
  WarcImportSummary sum;
  sum.stored_as = stored_name(path, file.digest());
  if (catalog_->count_in_file(sum.stored_as)) {
    sum.unchanged = true;
    return sum;
  }
  const std::string target = warc_path(sum.stored_as);
  file.keep_spool_as(target);
  commit();  // this file's captures go in one transaction of their own
  catalog_->begin();
  std::unordered_map<std::string, std::int64_t> by_record_id;  // this file's captures
  // JSON metadata records (cqc-archive writes one before a CQC API response: its ratings),
  // by the record they refer to, until that record is catalogued.
  std::unordered_map<std::string, std::string> metadata_for;
  auto add = [&](const Capture& c) {
    const std::int64_t id = catalog_->add(c);
    by_record_id[c.record_id] = id;
    if (auto m = metadata_for.find(c.record_id); m != metadata_for.end()) catalog_->set_metadata(id, m->second);
    return id;
  };
  try {
    scan_warc(target, [&](const ScannedRecord& s) {
      ++sum.records;
      auto skip = [&](const std::string& why) {
        ++sum.skipped;
        sum.errors.push_back(why);
      };
      if (!s.record) return skip(s.record.error());
      const WarcRecord& r = s.record.value();
      const std::string where = path + " offset " + std::to_string(s.span.offset) + ": ";
      if (r.get("WARC-Type") == "revisit") {
        std::optional<Capture> original;
        if (auto it = by_record_id.find(r.get("WARC-Refers-To")); it != by_record_id.end())
          original = catalog_->get(it->second);
        if (!original && !r.get("WARC-Payload-Digest").empty()) original = catalog_->find_payload(r.get("WARC-Payload-Digest"));
        if (!original) return skip(where + "revisit of a record that is not in the archive");
        Capture c = *original;
        c.uri = r.target_uri();
        c.time = r.get("WARC-Date");
        c.record_id = r.get("WARC-Record-ID");
        c.record_type = "revisit";
        c.refers_to = original->record_type == "revisit" ? original->refers_to : original->id;
        c.warc_file = sum.stored_as;
        c.span = s.span;
        if (auto head = parse_http_head(r.block)) {
          c.status = head->status;
          c.etag = head->get("ETag");
          c.last_modified = head->get("Last-Modified");
        }
        if (c.uri.empty()) return skip(where + "revisit without WARC-Target-URI");
        add(c);
        ++sum.revisits;
        return;
      }
      if (r.get("WARC-Type") == "metadata" && r.get("Content-Type").find("application/json") != std::string::npos) {
        const std::string refers_to = r.get("WARC-Refers-To");
        if (auto it = by_record_id.find(refers_to); it != by_record_id.end()) catalog_->set_metadata(it->second, r.block);
        else if (!refers_to.empty()) metadata_for[refers_to] = r.block;
        ++sum.other;
        return;
      }
      bool mismatch = false;
      auto c = capture_of(r, sum.stored_as, s.span, mismatch);
      if (!c) {
        ++sum.other;
        return;
      }
      if (c->uri.empty()) return skip(where + r.get("WARC-Type") + " record without WARC-Target-URI");
      if (mismatch) ++sum.digest_mismatches;
      add(*c);
      ++sum.captures;
    });
    if (sum.records == sum.skipped && sum.captures == 0)
      throw core::Error(path + " is not a WARC file: " + (sum.errors.empty() ? "no record" : sum.errors.front()));
    catalog_->commit();
  } catch (...) {
    catalog_->rollback();
    fs::remove(target, ec);
    throw;
  }
  return sum;
}

}  // namespace cqc::archive
