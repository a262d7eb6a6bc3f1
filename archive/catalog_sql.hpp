// The catalog's SQL side, internal to archive/: the schema and its upgrades, and the
// statements the writer prepares once (SQLite's C API under Poco's session).
#pragma once
#include <Poco/Data/Session.h>
#include <sqlite3.h>

#include <cstdint>
#include <string>

#include "core/error.hpp"

namespace cqc::archive {

// The schema version a catalog has after migrate() (PRAGMA user_version).
inline constexpr int kSchemaVersion = 3;

// Creates or upgrades the schema of the catalog open in S, found at VERSION (0 when new), to
// kSchemaVersion. Every step is idempotent, so a half-finished upgrade is completed.
void migrate(Poco::Data::Session& s, int version);

// A statement prepared once and reused: the writer's hot queries (one per capture) skip
// Poco's statement building and SQLite's SQL parsing.
class Prepared {
 public:
  Prepared() = default;
  Prepared(const Prepared&) = delete;
  Prepared& operator=(const Prepared&) = delete;
  ~Prepared() { sqlite3_finalize(stmt_); }
  // The statement for SQL on DB, reset and with no bindings. Throws core::Error.
  sqlite3_stmt* get(sqlite3* db, const char* sql) {
    if (!stmt_) {
      if (sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt_, nullptr) != SQLITE_OK)
        throw core::Error(std::string("catalog: cannot prepare a statement: ") + sqlite3_errmsg(db));
    } else {
      sqlite3_reset(stmt_);
      sqlite3_clear_bindings(stmt_);
    }
    return stmt_;
  }

 private:
  sqlite3_stmt* stmt_ = nullptr;
};

// Column I of the current row of ST as a string ("" for NULL).
std::string text_column(sqlite3_stmt* st, int i);
// Binds V to parameter I of ST (NULL when NULL_IF_EMPTY and V is empty). V must outlive the step.
void bind_text(sqlite3_stmt* st, int i, const std::string& v, bool null_if_empty = false);
// Binds V to parameter I of ST (NULL when NULL_IF_ZERO and V is 0).
void bind_int(sqlite3_stmt* st, int i, std::int64_t v, bool null_if_zero = false);

// PATH as the path of an SQLite URI filename ("file:" + it): '%', '?', '#' and control
// characters percent-escaped.
std::string uri_path(const std::string& path);

}  // namespace cqc::archive
