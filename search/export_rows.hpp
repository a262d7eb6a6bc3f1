// Exporting every match of a search (issue 12): the match set in result order and one row of
// fields per document, from the index alone (stored metadata: no text is read). One
// implementation for /api/export and `cqc-archive search --format csv|jsonl`.
#pragma once
#include <Poco/JSON/Object.h>
#include <xapian.h>

#include <iosfwd>
#include <string>
#include <vector>

#include "search/search.hpp"

namespace cqc::search {

// The columns of a row, in order (docs/api.md describes each).
extern const std::vector<std::string> kExportColumns;

// Every match of REQUEST in DB, in result order (its sort; offset and limit ignored). Throws
// core::UsageError for a bad query, like Searcher::search.
std::vector<Xapian::docid> all_matches(const Xapian::Database& db, const SearchRequest& request);

// The row of the document whose stored metadata (core/schema.hpp) is STORED. LINK_BASE
// ("http://host:port", or "" for paths) prefixes the links to its page and its original.
Poco::JSON::Object::Ptr export_row(const Poco::JSON::Object::Ptr& stored, const std::string& link_base);

// The row of document DOCID in DB (its stored metadata parsed). Throws Xapian::DocNotFoundError.
Poco::JSON::Object::Ptr export_row(const Xapian::Database& db, Xapian::docid docid, const std::string& link_base);

// One CSV field: quoted when it holds a separator, quote or line break; a leading = + - @
// gets a ' so spreadsheets do not run it as a formula (OWASP's CSV-injection advice).
std::string csv_field(std::string value);

// CSV (RFC 4180, CRLF): the header line, and one row (lists joined with "; "; a field starting
// with = + - @ gets a leading ' so spreadsheets do not run it as a formula).
void write_csv_header(std::ostream& out);
void write_csv_row(std::ostream& out, const Poco::JSON::Object::Ptr& row);

}  // namespace cqc::search
