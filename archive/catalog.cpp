#include "archive/catalog.hpp"

#include <Poco/Data/RecordSet.h>
#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/Session.h>
#include <Poco/Nullable.h>

#include <mutex>

#include "core/error.hpp"

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

constexpr int kSchemaVersion = 3;

// Creates or upgrades the schema of a catalog at VERSION (0 when new) to kSchemaVersion.
void migrate(Poco::Data::Session& s, int version) {
  s << "PRAGMA journal_mode=WAL", now;
  s << "CREATE TABLE IF NOT EXISTS captures ("
       " id INTEGER PRIMARY KEY AUTOINCREMENT, uri TEXT NOT NULL, record_type TEXT NOT NULL,"
       " digest TEXT NOT NULL, size INTEGER NOT NULL, mime TEXT NOT NULL,"
       " warc_file TEXT NOT NULL, offset INTEGER NOT NULL, length INTEGER NOT NULL,"
       " record_id TEXT NOT NULL UNIQUE, time TEXT NOT NULL, refers_to INTEGER)",
      now;
  s << "CREATE INDEX IF NOT EXISTS captures_uri ON captures(uri)", now;
  s << "CREATE INDEX IF NOT EXISTS captures_digest ON captures(digest)", now;
  s << "CREATE TABLE IF NOT EXISTS warc_files (name TEXT PRIMARY KEY, info_end INTEGER NOT NULL)",
      now;
  if (version < 2) {  // version 2: HTTP captures, failures, sources, structured metadata
    for (const char* col : {"status INTEGER", "etag TEXT", "last_modified TEXT"}) {
      try {
        s << std::string("ALTER TABLE captures ADD COLUMN ") + col, now;
      } catch (const Poco::Exception&) {
        // the column exists already (a half-finished upgrade)
      }
    }
  }
  s << "CREATE TABLE IF NOT EXISTS failures (id INTEGER PRIMARY KEY AUTOINCREMENT,"
       " uri TEXT NOT NULL, time TEXT NOT NULL, reason TEXT NOT NULL)", now;
  s << "CREATE INDEX IF NOT EXISTS failures_uri ON failures(uri)", now;
  s << "CREATE TABLE IF NOT EXISTS sources (id INTEGER PRIMARY KEY AUTOINCREMENT,"
       " kind TEXT NOT NULL, value TEXT NOT NULL, UNIQUE(kind, value))", now;
  s << "CREATE TABLE IF NOT EXISTS capture_metadata (capture_id INTEGER PRIMARY KEY,"
       " json TEXT NOT NULL)", now;
  // Version 3: what import last saw of each file, so unchanged files are not read again.
  s << "CREATE TABLE IF NOT EXISTS import_files (path TEXT NOT NULL, uri TEXT NOT NULL,"
       " size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL, ctime_ns INTEGER NOT NULL,"
       " capture_id INTEGER NOT NULL, PRIMARY KEY (path, uri))", now;
  // Where each WARC file's last record ends, found without scanning every capture.
  s << "CREATE INDEX IF NOT EXISTS captures_file_offset ON captures(warc_file, offset)", now;
  s << "PRAGMA user_version=" + std::to_string(kSchemaVersion), now;
}

}  // namespace

struct Catalog::Impl {
  explicit Impl(const std::string& path) : session("SQLite", path) {}
  Poco::Data::Session session;
  std::string select(const std::string& where) const {
    return std::string("SELECT ") + kColumns + " FROM captures " + where;
  }
};

Catalog::Catalog(const std::string& path) {
  static std::once_flag once;
  std::call_once(once, [] { Poco::Data::SQLite::Connector::registerConnector(); });
  try {
    impl_ = std::make_unique<Impl>(path);
    auto& s = impl_->session;
    s << "PRAGMA busy_timeout=10000", now;
    s << "PRAGMA synchronous=FULL", now;
    s << "PRAGMA mmap_size=268435456", now;  // read pages in place, not one pread each
    int version = 0;
    s << "PRAGMA user_version", into(version), now;
    // A current catalog is opened without writing anything, so readers never wait for a
    // writer's open transaction (a fetch holds one while it gathers a group).
    if (version < kSchemaVersion) migrate(s, version);
  } catch (const Poco::Exception& e) {
    throw core::Error("cannot open catalog " + path + ": " + e.displayText());
  }
}

Catalog::~Catalog() = default;

std::int64_t Catalog::add(const Capture& c) {
  auto& s = impl_->session;
  Capture v = c;
  Poco::Int64 size = static_cast<Poco::Int64>(v.size);
  Poco::Int64 off = static_cast<Poco::Int64>(v.span.offset);
  Poco::Int64 len = static_cast<Poco::Int64>(v.span.length);
  // 0 and "" are stored as NULL: "no referred capture", "not HTTP", "no validator".
  Poco::Nullable<Poco::Int64> refers;
  if (v.refers_to) refers = v.refers_to;
  Poco::Nullable<int> status;
  if (v.status) status = v.status;
  Poco::Nullable<std::string> etag, modified;
  if (!v.etag.empty()) etag = v.etag;
  if (!v.last_modified.empty()) modified = v.last_modified;
  s << "INSERT INTO captures (uri, record_type, digest, size, mime, warc_file, offset, length,"
       " record_id, time, refers_to, status, etag, last_modified)"
       " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
      use(v.uri), use(v.record_type), use(v.digest), use(size), use(v.mime), use(v.warc_file),
      use(off), use(len), use(v.record_id), use(v.time), use(refers), use(status), use(etag),
      use(modified), now;
  Poco::Int64 id = 0;
  s << "SELECT last_insert_rowid()", into(id), now;
  return id;
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

std::vector<Capture> Catalog::all() const {
  return rows(impl_->session, impl_->select("ORDER BY id"));
}

std::vector<Capture> Catalog::latest() const {
  return rows(impl_->session,
              impl_->select("WHERE id IN (SELECT MAX(id) FROM captures GROUP BY uri) ORDER BY uri"));
}

std::vector<Capture> Catalog::history(const std::string& uri) const {
  return rows(impl_->session, impl_->select("WHERE uri = ? ORDER BY id"), {uri});
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
    throw core::Error("cannot start a catalog transaction: " + e.displayText());
  }
}

void Catalog::commit() {
  if (!in_transaction()) return;
  try {
    impl_->session.commit();
  } catch (const Poco::Exception& e) {
    throw core::Error("cannot commit the catalog: " + e.displayText());
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
