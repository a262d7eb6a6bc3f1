#include "archive/catalog_sql.hpp"

#include <Poco/Data/Session.h>

#include "core/error.hpp"

using namespace Poco::Data::Keywords;

namespace cqc::archive {

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

std::string text_column(sqlite3_stmt* st, int i) {
  const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(st, i));
  return p ? std::string(p, static_cast<size_t>(sqlite3_column_bytes(st, i))) : std::string();
}

void bind_text(sqlite3_stmt* st, int i, const std::string& v, bool null_if_empty) {
  if (null_if_empty && v.empty()) sqlite3_bind_null(st, i);
  else sqlite3_bind_text(st, i, v.data(), static_cast<int>(v.size()), SQLITE_STATIC);
}

void bind_int(sqlite3_stmt* st, int i, std::int64_t v, bool null_if_zero) {
  if (null_if_zero && v == 0) sqlite3_bind_null(st, i);
  else sqlite3_bind_int64(st, i, v);
}


// PATH with the characters an SQLite URI filename reserves percent-escaped.
std::string uri_path(const std::string& path) {
  std::string out;
  for (unsigned char c : path) {
    if (c == '%' || c == '?' || c == '#' || c < 0x20) {
      static const char* hex = "0123456789ABCDEF";
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

}  // namespace cqc::archive
