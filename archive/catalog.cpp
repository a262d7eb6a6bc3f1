#include "archive/catalog.hpp"

#include <filesystem>

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/SQLite/Utility.h>
#include <sqlite3.h>
#include <Poco/Data/Session.h>
#include <Poco/Nullable.h>

#include <mutex>

#include "archive/catalog_sql.hpp"
#include "core/error.hpp"
#include "core/paths.hpp"

using namespace Poco::Data::Keywords;

namespace cqc::archive {
namespace {

constexpr const char* kColumns =
    "id, uri, record_type, digest, size, mime, warc_file, offset, length, record_id, time, "
    "refers_to, status, etag, last_modified";

std::vector<Capture> rows(Poco::Data::Session& session, const std::string& sql,
                          const std::vector<std::string>& params = {}) {
  Poco::Data::Statement st(session);
  st << sql;
  std::vector<std::string> bound = params;  // keep alive until execute
  for (auto& p : bound) st, use(p);
  st.execute();
  Poco::Data::RecordSet rs(st);
  std::vector<Capture> out;
  for (bool more = rs.moveFirst(); more; more = rs.moveNext()) {
    Capture c;
    c.id = rs[0].convert<Poco::Int64>();
    c.uri = rs[1].convert<std::string>();
    c.record_type = rs[2].convert<std::string>();
    c.digest = rs[3].convert<std::string>();
    c.size = rs[4].convert<Poco::UInt64>();
    c.mime = rs[5].convert<std::string>();
    c.warc_file = rs[6].convert<std::string>();
    c.span = {rs[7].convert<Poco::UInt64>(), rs[8].convert<Poco::UInt64>()};
    c.record_id = rs[9].convert<std::string>();
    c.time = rs[10].convert<std::string>();
    c.refers_to = rs[11].isEmpty() ? 0 : rs[11].convert<Poco::Int64>();
    c.status = rs[12].isEmpty() ? 0 : rs[12].convert<int>();
    c.etag = rs[13].isEmpty() ? "" : rs[13].convert<std::string>();
    c.last_modified = rs[14].isEmpty() ? "" : rs[14].convert<std::string>();
    out.push_back(std::move(c));
  }
  return out;
}

std::optional<Capture> first(std::vector<Capture> v) {
  if (v.empty()) return std::nullopt;
  return std::move(v.front());
}

}  // namespace

struct Catalog::Impl {
  Impl(const std::string& target, const std::string& file) : session("SQLite", target), path(file) {}
  Poco::Data::Session session;
  std::string path;  // the catalog file, for messages
  Prepared insert, by_uri;  // destroyed before the session closes the connection
  sqlite3* db() const { return Poco::Data::SQLite::Utility::dbHandle(session); }
  std::string select(const std::string& where) const {
    return std::string("SELECT ") + kColumns + " FROM captures " + where;
  }
};

namespace {

// Makes a new catalog at PATH whole or not at all: built under a temporary name, then renamed.
// A writer killed while creating it leaves no half-made catalog that readers would refuse.
void create_catalog(const std::string& path) {
  const std::string part = path + ".new";
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) std::filesystem::remove(part + suffix);
  try {
    Poco::Data::Session s("SQLite", part);
    migrate(s, 0);
  } catch (const Poco::Exception& e) {
    throw core::Error("cannot create catalog " + path + ": " + e.displayText() + core::full_disk_note(path));
  }
  std::error_code ec;
  std::filesystem::rename(part, path, ec);  // the session is closed: its WAL was checkpointed
  if (ec) throw core::Error("cannot create catalog " + path + ": " + ec.message() + core::full_disk_note(path));
}

}  // namespace

Catalog::Catalog(const std::string& path, Access access) {
  static std::once_flag once;
  std::call_once(once, [] { Poco::Data::SQLite::Connector::registerConnector(); });
  // Read-only: SQLite's own read-only mode, which still needs the WAL index (-shm) beside
  // the catalog; where that cannot be made (a read-only mount, another user's folder), the
  // catalog is read as immutable: nothing is locked or checked for writers.
  if (access == Access::read_write && !std::filesystem::exists(path)) create_catalog(path);
  std::vector<std::string> targets = {path};
  if (access == Access::read_only)
    targets = {"file:" + uri_path(path) + "?mode=ro", "file:" + uri_path(path) + "?immutable=1"};
  std::string error;
  for (const std::string& target : targets) {
    try {
      impl_ = std::make_unique<Impl>(target, path);
      auto& s = impl_->session;
      s << "PRAGMA busy_timeout=10000", now;
      s << "PRAGMA synchronous=FULL", now;
      s << "PRAGMA mmap_size=268435456", now;  // read pages in place, not one pread each
      int version = 0;
      s << "PRAGMA user_version", into(version), now;
      // A current catalog is opened without writing anything, so readers never wait for a
      // writer's open transaction (a fetch holds one while it gathers a group).
      if (version < kSchemaVersion && access == Access::read_only)
        throw core::Error("cannot open catalog " + path + " read-only: it needs an upgrade (run 'cqc-archive verify' once with write access)");
      if (version < kSchemaVersion) migrate(s, version);
      return;
    } catch (const Poco::Exception& e) {
      impl_.reset();
      if (error.empty()) error = e.displayText();
    }
  }
  throw core::Error("cannot open catalog " + path + (access == Access::read_only ? " read-only: " : ": ") + error +
                    (access == Access::read_only ? "" : core::full_disk_note(path)));
}

Catalog::~Catalog() = default;

std::int64_t Catalog::add(const Capture& c) {
  sqlite3* db = impl_->db();
  sqlite3_stmt* st = impl_->insert.get(
      db, "INSERT INTO captures (uri, record_type, digest, size, mime, warc_file, offset, length,"
          " record_id, time, refers_to, status, etag, last_modified)"
          " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
  // 0 and "" are stored as NULL: "no referred capture", "not HTTP", "no validator".
  bind_text(st, 1, c.uri);
  bind_text(st, 2, c.record_type);
  bind_text(st, 3, c.digest);
  bind_int(st, 4, static_cast<std::int64_t>(c.size));
  bind_text(st, 5, c.mime);
  bind_text(st, 6, c.warc_file);
  bind_int(st, 7, static_cast<std::int64_t>(c.span.offset));
  bind_int(st, 8, static_cast<std::int64_t>(c.span.length));
  bind_text(st, 9, c.record_id);
  bind_text(st, 10, c.time);
  bind_int(st, 11, c.refers_to, true);
  bind_int(st, 12, c.status, true);
  bind_text(st, 13, c.etag, true);
  bind_text(st, 14, c.last_modified, true);
  const int rc = sqlite3_step(st);
  sqlite3_reset(st);
  if (rc != SQLITE_DONE) throw core::Error("catalog " + impl_->path + ": cannot add " + c.uri + ": " + sqlite3_errmsg(db) +
                      core::full_disk_note(impl_->path));
  return sqlite3_last_insert_rowid(db);
}

std::optional<Capture> Catalog::get(std::int64_t id) const {
  return first(rows(impl_->session, impl_->select("WHERE id = ?"), {std::to_string(id)}));
}

std::optional<Capture> Catalog::find(const std::string& uri, const std::string& digest) const {
  return first(rows(impl_->session, impl_->select("WHERE uri = ? AND digest = ? ORDER BY id DESC LIMIT 1"),
                    {uri, digest}));
}

std::optional<Capture> Catalog::find_payload(const std::string& digest) const {
  return first(rows(impl_->session,
                    impl_->select("WHERE digest = ? AND record_type != 'revisit' ORDER BY id LIMIT 1"),
                    {digest}));
}

std::uint64_t Catalog::count_in_file(const std::string& name) const {
  Poco::UInt64 n = 0;
  std::string file = name;
  impl_->session << "SELECT COUNT(*) FROM captures WHERE warc_file = ?", use(file), into(n), now;
  return n;
}

std::vector<Capture> Catalog::all() const {
  return rows(impl_->session, impl_->select("ORDER BY id"));
}

std::vector<Capture> Catalog::latest() const {
  return rows(impl_->session,
              impl_->select("WHERE id IN (SELECT MAX(id) FROM captures GROUP BY uri) ORDER BY uri"));
}

std::vector<Capture> Catalog::history(const std::string& uri) const {
  sqlite3* db = impl_->db();
  static const std::string sql = std::string("SELECT ") + kColumns + " FROM captures WHERE uri = ? ORDER BY id";
  sqlite3_stmt* st = impl_->by_uri.get(db, sql.c_str());
  bind_text(st, 1, uri);
  std::vector<Capture> out;
  int rc;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    Capture c;
    c.id = sqlite3_column_int64(st, 0);
    c.uri = text_column(st, 1);
    c.record_type = text_column(st, 2);
    c.digest = text_column(st, 3);
    c.size = static_cast<std::uint64_t>(sqlite3_column_int64(st, 4));
    c.mime = text_column(st, 5);
    c.warc_file = text_column(st, 6);
    c.span = {static_cast<std::uint64_t>(sqlite3_column_int64(st, 7)),
              static_cast<std::uint64_t>(sqlite3_column_int64(st, 8))};
    c.record_id = text_column(st, 9);
    c.time = text_column(st, 10);
    c.refers_to = sqlite3_column_int64(st, 11);  // NULL reads as 0
    c.status = sqlite3_column_int(st, 12);
    c.etag = text_column(st, 13);
    c.last_modified = text_column(st, 14);
    out.push_back(std::move(c));
  }
  sqlite3_reset(st);
  if (rc != SQLITE_DONE) throw core::Error("catalog: cannot read the history of " + uri + ": " + sqlite3_errmsg(db));
  return out;
}

std::uint64_t Catalog::count() const {
  Poco::Int64 n = 0;
  impl_->session << "SELECT COUNT(*) FROM captures", into(n), now;
  return static_cast<std::uint64_t>(n);
}

void Catalog::add_failure(const FetchFailure& f) {
  FetchFailure v = f;
  impl_->session << "INSERT INTO failures (uri, time, reason) VALUES (?, ?, ?)", use(v.uri),
      use(v.time), use(v.reason), now;
}

std::vector<FetchFailure> Catalog::failures(const std::string& uri) const {
  std::vector<std::string> uris, times, reasons;
  std::string u = uri;
  if (u.empty())
    impl_->session << "SELECT uri, time, reason FROM failures ORDER BY id", into(uris), into(times),
        into(reasons), now;
  else
    impl_->session << "SELECT uri, time, reason FROM failures WHERE uri = ? ORDER BY id", use(u),
        into(uris), into(times), into(reasons), now;
  std::vector<FetchFailure> out;
  for (size_t i = 0; i < uris.size(); ++i) out.push_back({uris[i], times[i], reasons[i]});
  return out;
}

void Catalog::add_source(const Source& source) {
  Source v = source;
  impl_->session << "INSERT OR IGNORE INTO sources (kind, value) VALUES (?, ?)", use(v.kind),
      use(v.value), now;
}

std::vector<Source> Catalog::sources() const {
  std::vector<std::string> kinds, values;
  impl_->session << "SELECT kind, value FROM sources ORDER BY id", into(kinds), into(values), now;
  std::vector<Source> out;
  for (size_t i = 0; i < kinds.size(); ++i) out.push_back({kinds[i], values[i]});
  return out;
}

void Catalog::set_metadata(std::int64_t capture_id, const std::string& json) {
  Poco::Int64 id = capture_id;
  std::string j = json;
  impl_->session << "INSERT OR REPLACE INTO capture_metadata (capture_id, json) VALUES (?, ?)",
      use(id), use(j), now;
}

std::string Catalog::metadata(std::int64_t capture_id) const {
  Poco::Int64 id = capture_id;
  std::vector<std::string> json;
  impl_->session << "SELECT json FROM capture_metadata WHERE capture_id = ?", use(id), into(json), now;
  return json.empty() ? "" : json.front();
}

void Catalog::set_file_state(const FileState& f) {
  FileState v = f;
  Poco::Int64 size = static_cast<Poco::Int64>(v.size);
  Poco::Int64 mtime = v.mtime_ns, ctime = v.ctime_ns, id = v.capture_id;
  impl_->session << "INSERT OR REPLACE INTO import_files (path, uri, size, mtime_ns, ctime_ns,"
                    " capture_id) VALUES (?, ?, ?, ?, ?, ?)",
      use(v.path), use(v.uri), use(size), use(mtime), use(ctime), use(id), now;
}

std::vector<FileState> Catalog::file_states() const {
  std::vector<std::string> paths, uris;
  std::vector<Poco::Int64> sizes, mtimes, ctimes, ids;
  impl_->session << "SELECT path, uri, size, mtime_ns, ctime_ns, capture_id FROM import_files",
      into(paths), into(uris), into(sizes), into(mtimes), into(ctimes), into(ids), now;
  std::vector<FileState> out(paths.size());
  for (size_t i = 0; i < paths.size(); ++i)
    out[i] = {std::move(paths[i]), std::move(uris[i]), static_cast<std::uint64_t>(sizes[i]), mtimes[i],
              ctimes[i], ids[i]};
  return out;
}

void Catalog::add_warc_file(const std::string& name, std::uint64_t end) {
  std::string n = name;
  Poco::Int64 e = static_cast<Poco::Int64>(end);
  impl_->session << "INSERT OR REPLACE INTO warc_files (name, info_end) VALUES (?, ?)", use(n),
      use(e), now;
}

std::vector<std::pair<std::string, std::uint64_t>> Catalog::committed_ends() const {
  // Records are appended in offset order, so the one at the highest offset ends last.
  Poco::Data::Statement st(impl_->session);
  st << "SELECT w.name, MAX(w.info_end, COALESCE((SELECT c.offset + c.length FROM captures c"
        " WHERE c.warc_file = w.name ORDER BY c.offset DESC LIMIT 1), 0))"
        " FROM warc_files w ORDER BY w.name";
  st.execute();
  Poco::Data::RecordSet rs(st);
  std::vector<std::pair<std::string, std::uint64_t>> out;
  for (bool more = rs.moveFirst(); more; more = rs.moveNext())
    out.emplace_back(rs[0].convert<std::string>(), rs[1].convert<Poco::UInt64>());
  return out;
}

void Catalog::begin() {
  if (in_transaction()) return;
  try {
    impl_->session.begin();
  } catch (const Poco::Exception& e) {
    throw core::Error("cannot start a transaction on catalog " + impl_->path + ": " + e.displayText() +
                      core::full_disk_note(impl_->path));
  }
}

void Catalog::commit() {
  if (!in_transaction()) return;
  try {
    impl_->session.commit();
  } catch (const Poco::Exception& e) {
    throw core::Error("cannot commit catalog " + impl_->path + ": " + e.displayText() +
                      core::full_disk_note(impl_->path));
  }
}

void Catalog::rollback() {
  try {
    if (in_transaction()) impl_->session.rollback();
  } catch (const Poco::Exception&) {
    // closing the connection drops the transaction anyway
  }
}

bool Catalog::in_transaction() const { return impl_->session.isTransaction(); }

}  // namespace cqc::archive
