// Saved searches and alerts (issue 12, point 7): a named search kept in the data folder
// (DATA/watches.json), what it matched when last reported, and what is new or changed since.
// `cqc-archive watch` and the server's /watches pages, feeds and API share this.
#pragma once
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <Poco/JSON/Object.h>

#include "search/search.hpp"

namespace Xapian {
class Database;
}

namespace cqc::search {

// A saved search.
struct Watch {
  std::string name;        // 1-64 characters: letters, digits, '-', '_', '.'
  SearchRequest request;   // query, filters, dates (paging and sort are not kept)
  std::string created;     // ISO time
  std::string last_report; // ISO time of the last report, "" before the first
  std::map<std::string, std::int64_t> seen;  // document id -> capture id, at the last report
                                             // (or when saved)
};

// The watches of one data folder. Every change is read-modify-write under an exclusive lock
// (DATA/watches.lock), written to a new file and renamed over the old, so the CLI and a
// running server can share it and a killed process leaves the old or the new file whole.
class WatchStore {
 public:
  // The store of data folder DATA_DIR (the file need not exist yet).
  explicit WatchStore(const std::string& data_dir);

  // Every watch, by name. Throws core::Fatal naming the file when it is not valid JSON.
  std::vector<Watch> list() const;
  // The watch called NAME, or nullopt.
  std::optional<Watch> get(const std::string& name) const;
  // Saves WATCH. Throws core::UsageError for a bad or taken name or when there are already
  // kMaxWatches; core::Fatal when the file cannot be written (naming it).
  void add(const Watch& watch);
  // Deletes the watch called NAME; false when there is none.
  bool remove(const std::string& name);
  // Runs FN on every watch under the lock and writes what it leaves (for reports).
  void update(const std::function<void(std::vector<Watch>&)>& fn);

 private:
  std::string path_, lock_path_;
};

// At most this many watches per data folder.
inline constexpr std::size_t kMaxWatches = 1000;

// Throws core::UsageError unless NAME is a valid watch name.
void check_watch_name(const std::string& name);

// One document of a report or a feed.
struct WatchItem {
  std::string id, title, url, kind, published, captured;  // captured: the version's capture time
  std::int64_t capture = 0;
  std::string why;  // report: "new" | "changed"
};

// What a saved search matches now that it did not at its last report: documents new to it,
// and documents whose text a newer version changed.
struct WatchReport {
  std::string name;
  std::uint64_t matching = 0;
  std::vector<WatchItem> items;
};

// The current matches of WATCH's search in DB: document id -> capture id.
std::map<std::string, std::int64_t> current_matches(const Xapian::Database& db, const SearchRequest& request);

// A new watch NAME of REQUEST, with what it matches in DB now as seen and created and
// last_report set to now. Throws core::UsageError for a bad name or query.
Watch new_watch(Searcher& searcher, const std::string& name, const SearchRequest& request);

// WATCH's report against DB; when MARK, WATCH.seen and last_report move to now.
WatchReport report_watch(const Xapian::Database& db, Watch& watch, bool mark);

// The newest LIMIT documents matching REQUEST, newest capture first (for feeds).
std::vector<WatchItem> newest_matches(const Xapian::Database& db, const SearchRequest& request, std::size_t limit);

// The watch as a JSON object: {"name","query","filters":{...},"from","to","date","created",
// "last_report"} (not what it has seen).
Poco::JSON::Object::Ptr watch_object(const Watch& watch);

// ITEM as a JSON object: {"why" (when set), "id", "title", "url", "kind", "published",
// "captured", "document" (its page's path)}.
Poco::JSON::Object::Ptr item_object(const WatchItem& item);

}  // namespace cqc::search
