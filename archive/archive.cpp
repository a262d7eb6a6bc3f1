#include "archive/archive.hpp"

#include <fcntl.h>
#include <pwd.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "archive/digest.hpp"
#include "archive/file_snapshot.hpp"
#include "archive/http_message.hpp"
#include "core/error.hpp"
#include "core/text.hpp"

namespace fs = std::filesystem;

namespace cqc::archive {
namespace {

// The warcinfo record's fields (WARC 1.1 section 10.1): who made the file, where, with what.
// The operator is $CQC_ARCHIVE_OPERATOR when set (a contact), else the user name.
std::string warcinfo_fields(const std::string& dir) {
  char host[256] = "";
  ::gethostname(host, sizeof host - 1);
  std::string op = std::getenv("CQC_ARCHIVE_OPERATOR") ? std::getenv("CQC_ARCHIVE_OPERATOR") : "";
  if (op.empty())
    if (const passwd* pw = ::getpwuid(::geteuid())) op = pw->pw_name;
  std::error_code ec;
  const std::string part_of = fs::absolute(dir, ec).parent_path().filename().string();
  std::string f = "software: cqc-archive/0.1.0\r\nformat: WARC File Format 1.1\r\n"
                  "conformsTo: https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/\r\n";
  if (host[0]) f += "hostname: " + std::string(host) + "\r\n";
  if (!op.empty()) f += "operator: " + op + "\r\n";
  if (!part_of.empty()) f += "isPartOf: " + part_of + "\r\n";
  return f + "description: CQC inspection reports and related news, captured by cqc-archive\r\n";
}

// Removes the regular files directly in DIR (none when it does not exist); how many.
std::uint64_t remove_files_in(const std::string& dir) {
  std::uint64_t n = 0;
  std::error_code ec;
  for (auto it = fs::directory_iterator(dir, ec); !ec && it != fs::directory_iterator(); it.increment(ec))
    if (it->is_regular_file() && fs::remove(it->path(), ec)) ++n;
  return n;
}

constexpr std::uint64_t kRotateBytes = 1ull << 30;  // start a new WARC file past 1 GiB

std::string now_compact() {
  auto t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y%m%d%H%M%S", &tm);
  return buf;
}

}  // namespace

Archive::Archive(std::string dir, Mode mode) : dir_(std::move(dir)), mode_(mode) {
  if (mode_ == Mode::read_write) {
    std::error_code ec;
    fs::create_directories(dir_, ec);
    if (ec) throw core::Fatal("cannot create archive folder " + dir_ + ": " + ec.message());
    lock_fd_ = ::open((dir_ + "/lock").c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (lock_fd_ < 0 || ::flock(lock_fd_, LOCK_EX | LOCK_NB) != 0)
      throw core::Fatal("archive " + dir_ + " is in use by another cqc-archive process (lock held)");
  } else if (!fs::exists(dir_ + "/catalog.db")) {
    throw core::Fatal("no archive at " + dir_ + " (run 'cqc-archive import' or 'fetch' first)");
  }
  if (mode_ == Mode::read_write) stale_temporary_ = remove_files_in(dir_ + "/tmp");
  catalog_ = std::make_unique<Catalog>(dir_ + "/catalog.db", mode_ == Mode::read_only ? Catalog::Access::read_only
                                                                                      : Catalog::Access::read_write);
  if (mode_ == Mode::read_write) recover();
}

Archive::~Archive() {
  try {
    commit();  // every pending capture is whole: make it durable
  } catch (const std::exception& e) {
    std::fprintf(stderr, "cqc-archive: %s (the last %llu captures are lost)\n", e.what(),
                 static_cast<unsigned long long>(pending_));
  }
  if (lock_fd_ >= 0) ::close(lock_fd_);
}

void Archive::set_group_commit(unsigned count, std::chrono::milliseconds age) {
  commit();
  group_count_ = std::max(1u, count);
  group_age_ = age;
}

void Archive::begin_capture() {
  if (!grouping() || catalog_->in_transaction()) return;
  catalog_->begin();
  group_start_ = std::chrono::steady_clock::now();
}

void Archive::end_capture() {
  ++pending_;
  if (!grouping()) {
    pending_ = 0;  // synced by the append, committed by each catalog write
    return;
  }
  commit_if_due();
}

void Archive::commit_if_due() {
  if (pending_ == 0) return;
  if (pending_ >= group_count_ || std::chrono::steady_clock::now() - group_start_ >= group_age_) commit();
}

void Archive::commit() {
  if (mode_ != Mode::read_write) return;
  if (unsynced_ && appender_) {
    try {
      appender_->sync();  // the records first: no committed row may point past synced bytes
    } catch (...) {
      pending_ = 0;
      catalog_->rollback();  // the group is lost; its bytes are cut off at the next open
      throw;
    }
    unsynced_ = false;
  }
  catalog_->commit();
  pending_ = 0;
}

std::string Archive::warc_path(const std::string& name) const { return dir_ + "/" + name; }

void Archive::recover() {
  for (const auto& [name, end] : catalog_->committed_ends()) {
    const std::string path = warc_path(name);
    std::error_code ec;
    std::uint64_t size = fs::file_size(path, ec);
    if (ec) throw core::Fatal("WARC file " + path + " named in the catalog is missing");
    if (size > end) {  // a writer was killed after appending but before cataloguing
      fs::resize_file(path, end);
      recovered_ += size - end;
    }
  }
}

WarcAppender& Archive::appender() {
  if (mode_ != Mode::read_write) throw core::Error("archive " + dir_ + " is open read-only");
  if (appender_ && appender_->size() < kRotateBytes) return *appender_;
  if (appender_) commit();  // the pending group's records are in the file being left
  auto files = catalog_->committed_ends();
  // A new session goes on with the last file while it is small, after a warcinfo record of
  // its own (catalogued with the session's first capture; a kill before that drops it).
  const bool reopen = !appender_ && !files.empty() && files.back().second < kRotateBytes;
  const std::string name = reopen ? files.back().first
                                  : "cqc-" + now_compact() + "-" + std::to_string(files.size() + 1) + ".warc.gz";
  appender_ = std::make_unique<WarcAppender>(warc_path(name));
  const std::string info = warcinfo_fields(dir_);
  WarcHeaders h{{"WARC-Type", "warcinfo"},
                {"WARC-Record-ID", new_record_id()},
                {"WARC-Date", warc_date(std::chrono::system_clock::now())},
                {"WARC-Filename", name},
                {"Content-Type", "application/warc-fields"}};
  RecordSpan span = appender_->append(format_head(h, info.size()), info);
  if (!reopen) catalog_->add_warc_file(name, span.offset + span.length);
  return *appender_;
}

ImportOutcome Archive::import_file(const std::string& path, const std::string& uri,
                                   const std::string& mime) {
  // Read once: what is stored is what was digested (a spool file for large files).
  const std::string spool_dir = dir_ + "/tmp";
  std::error_code ec;
  fs::create_directories(spool_dir, ec);
  const FileSnapshot file(path, spool_dir);
  const std::string& digest = file.digest();
  const std::uint64_t size = file.size();
  if (auto existing = catalog_->find(uri, digest)) return {ImportStatus::unchanged, *existing};

  Capture c;
  c.uri = uri;
  c.digest = digest;
  c.size = size;
  c.mime = mime;
  c.record_id = new_record_id();
  c.time = warc_date(std::chrono::system_clock::now());
  WarcHeaders h{{"WARC-Type", ""},
                {"WARC-Record-ID", c.record_id},
                {"WARC-Date", c.time},
                {"WARC-Target-URI", uri}};
  ImportStatus status = ImportStatus::stored;
  WarcAppender& out = appender();
  RecordSpan span;
  if (auto original = catalog_->find_payload(digest)) {
    status = ImportStatus::duplicate;
    c.record_type = "revisit";
    c.refers_to = original->id;
    h[0].second = "revisit";
    h.push_back({"WARC-Profile", "http://netpreserve.org/warc/1.1/revisit/identical-payload-digest"});
    h.push_back({"WARC-Refers-To", original->record_id});
    h.push_back({"WARC-Refers-To-Target-URI", original->uri});
    h.push_back({"WARC-Refers-To-Date", original->time});
    h.push_back({"WARC-Payload-Digest", digest});
    h.push_back({"WARC-Block-Digest", warc_digest("")});
    span = out.append(format_head(h, 0), std::string_view(), !grouping());
  } else {
    c.record_type = "resource";
    h[0].second = "resource";
    h.push_back({"WARC-Payload-Digest", digest});
    h.push_back({"WARC-Block-Digest", digest});
    h.push_back({"Content-Type", mime});
    if (file.spooled()) span = out.append(format_head(h, size), *file.open_spool(), size, !grouping());
    else span = out.append(format_head(h, size), file.bytes(), !grouping());
  }
  if (grouping()) unsynced_ = true;
  c.warc_file = fs::path(out.path()).filename().string();
  c.span = span;
  begin_capture();
  c.id = catalog_->add(c);
  end_capture();
  return {status, c};
}

void Archive::remember_file(const FileState& state) {
  begin_capture();
  catalog_->set_file_state(state);
  end_capture();
}

core::Result<WarcRecord> Archive::record(const Capture& capture) const {
  return read_record(warc_path(capture.warc_file), capture.span);
}

core::Result<std::string> Archive::payload(const Capture& capture) const {
  auto typed = typed_payload(capture);
  if (!typed) return core::Failure{typed.error()};
  return std::move(typed->bytes);
}

core::Result<Payload> Archive::typed_payload(const Capture& capture, std::uint64_t max_decoded) const {
  auto stored = stored_payload(capture);
  if (!stored || stored->content_encoding.empty()) return stored;
  auto body = decode_content(stored->bytes, stored->content_encoding, max_decoded);
  if (!body) return core::Failure{body.error()};
  return Payload{std::move(body.value()), std::move(stored->content_type), ""};
}

core::Result<Payload> Archive::stored_payload(const Capture& capture) const {
  if (capture.record_type == "revisit") {
    auto original = catalog_->get(capture.refers_to);
    if (!original) return core::Failure{"revisit " + capture.record_id + " refers to a missing capture"};
    return stored_payload(*original);
  }
  auto rec = record(capture);
  if (!rec) return core::Failure{rec.error()};
  if (!is_http_response(rec.value())) {  // the block is the payload: moved, not copied
    std::string type = rec->get("Content-Type");
    return Payload{std::move(rec->block), std::move(type), ""};
  }
  auto head = parse_http_head(rec->block);
  if (!head) return core::Failure{head.error()};
  std::string coding = core::to_lower(std::string(core::trim(head->get("Content-Encoding"))));
  if (coding == "identity") coding.clear();
  std::string type = head->get("Content-Type");
  if (core::to_lower(head->get("Transfer-Encoding")).find("chunked") == std::string::npos) {
    rec->block.erase(0, head->raw.size());  // the body is the rest of the block: kept, not copied
    return Payload{std::move(rec->block), std::move(type), coding};
  }
  auto entity = entity_body(head.value(), std::string_view(rec->block).substr(head->raw.size()));  // dechunked
  if (!entity) return core::Failure{entity.error()};
  return Payload{std::move(entity.value()), std::move(type), coding};
}

bool is_http_response(const WarcRecord& record) {
  return record.get("WARC-Type") == "response" &&
         record.get("Content-Type").find("application/http") != std::string::npos;
}

core::Result<std::string> record_entity(const WarcRecord& record) {
  if (!is_http_response(record)) return record.block;
  auto head = parse_http_head(record.block);
  if (!head) return core::Failure{head.error()};
  return entity_body(head.value(), std::string_view(record.block).substr(head->raw.size()));
}

}  // namespace cqc::archive
