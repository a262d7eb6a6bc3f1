// Opening the index a search reads: one Xapian database, a split index (a folder holding
// Xapian's stub file XAPIANDB and its shards), or a stub file anywhere that lists local and
// remote shards — the remote ones served by Xapian's own `xapian-tcpsrv` (docs/SCALING.md).
//
// A stub is Xapian's format, one shard per line, in docid order ("#" comments and blank lines
// are skipped):
//   auto PATH | glass PATH | chert PATH   a local database (PATH relative to the stub's folder)
//   remote HOST:PORT                      a database served by xapian-tcpsrv
//   remote :PROGRAM ARGS                  a database served by a program on stdin/stdout
// `remote tcp HOST PORT` is taken too, as another spelling of `remote HOST:PORT` (Xapian's own
// tools read only the latter). Local-only stubs are opened by Xapian as before; a stub with a
// remote line is opened shard by shard here, so each connection has its timeouts and a shard
// that does not answer can be named (and, when allowed, left out).
#pragma once
#include <xapian.h>

#include <string>
#include <vector>

#include "core/error.hpp"

namespace cqc::search {

// Where the index is and how its remote shards are read.
struct IndexOptions {
  std::string path;                  // a database folder, a split index's folder or a stub file
  unsigned timeout_ms = 10000;       // the longest one remote operation may take
  unsigned connect_timeout_ms = 3000;  // the longest connecting to a remote shard may take
  bool allow_partial = false;        // search the shards that answer; results name the others
  unsigned retry_missing_ms = 10000; // with allow_partial: how often missing shards are tried again
  // Count facets and sort dates with the per-revision FacetTable (every document's facet
  // values, built once per revision: 3.3 ms for 5,650 documents), which pays for itself from
  // the second search of a revision. false suits a process that searches once or twice (the
  // CLI's search, trust, trend, watch add: cli/search_args.hpp): a search then reads the value slots of its matches instead, unless they are
  // about half the index or more, where the table costs less. Same answers either way.
  bool facet_table = true;
};

// One line of a stub.
struct ShardSpec {
  bool remote = false;
  std::string path;    // local: the database's path (absolute, or relative to the working folder)
  std::string host;    // remote over TCP
  unsigned port = 0;
  std::string program, args;  // remote over a program's stdin/stdout
  // "remote 10.0.0.2:33334 (line 2 of /srv/index.stub)": how errors name the shard.
  std::string name;
};

// A shard could not be reached or stopped answering: the CLI exits 1, the server answers 503.
// The message names the shard(s) and the reason.
class ShardUnavailable : public core::Fatal {
 public:
  explicit ShardUnavailable(const std::string& what) : core::Fatal(what, 1) {}
};

// The stub at PATH (a stub file, or a folder holding XAPIANDB); empty when PATH is a plain
// database folder or does not exist. Throws core::UsageError naming the file and line for a
// line that is not one of the forms above.
std::vector<ShardSpec> read_stub(const std::string& path);

// An opened index.
struct OpenedIndex {
  Xapian::Database db;
  bool remote = false;                 // some shard is remote: only Xapian's built-in match spies
                                       // and sorting by value reach it
  std::vector<ShardSpec> shards;       // the stub's lines (empty for a local database or stub)
  std::vector<std::string> missing;    // names of shards left out (only with allow_partial)
};

// Opens the index OPTIONS names. Throws core::Fatal naming the path when there is no index;
// ShardUnavailable naming every shard that cannot be opened (unless allow_partial, when they
// are listed in `missing` instead; all of them missing still throws).
OpenedIndex open_index(const IndexOptions& options);

// Which of OPENED's remote shards do not answer now, each as "NAME: REASON" (each is opened
// afresh with OPTIONS' timeouts, so a stopped server costs at most one timeout).
std::vector<std::string> unreachable_shards(const OpenedIndex& opened, const IndexOptions& options);

}  // namespace cqc::search
