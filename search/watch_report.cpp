// What a saved search matches, what is new or changed since its last report, and its newest
// documents for feeds (search/watch.hpp).
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <xapian.h>

#include <chrono>
#include <cstdio>
#include <ctime>

#include "core/schema.hpp"
#include "search/document_data.hpp"
#include "search/export_rows.hpp"
#include "search/query.hpp"
#include "search/watch.hpp"

namespace cqc::search {
namespace {

using Poco::JSON::Object;

std::string iso_now() {
  const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

// The capture a document was built from: the number that starts its source slot.
std::int64_t capture_of(const Xapian::Document& doc) {
  const std::string source = doc.get_value(schema::kSlotSource);
  std::int64_t n = 0;
  for (char c : source) {
    if (c < '0' || c > '9') break;
    n = n * 10 + (c - '0');
  }
  return n;
}

Object::Ptr metadata(const Xapian::Document& doc) {
  const schema::DocumentData data = stored_document(doc);
  Poco::JSON::Parser parser;
  return parser.parse(std::string(data.metadata())).extract<Object::Ptr>();
}

WatchItem item_of(const Object::Ptr& m, std::int64_t capture, const std::string& why) {
  WatchItem it;
  it.id = m->optValue<std::string>("id", "");
  it.title = m->optValue<std::string>("title", "");
  it.url = m->optValue<std::string>("uri", "");
  it.kind = m->optValue<std::string>("kind", "");
  it.published = m->optValue<std::string>("published", "");
  it.captured = m->optValue<std::string>("captured", "");
  it.capture = capture;
  it.why = why;
  return it;
}

// Whether a version newer than capture SINCE changed the text (indexer/versions.hpp).
bool text_changed_since(const Object::Ptr& m, std::int64_t since) {
  const Poco::JSON::Array::Ptr versions = m->getArray("versions");
  if (!versions) return false;
  for (unsigned i = 0; i < versions->size(); ++i) {
    const Object::Ptr v = versions->getObject(i);
    if (v->optValue<std::int64_t>("capture", 0) > since && !v->isNull("text_changed") &&
        v->getValue<bool>("text_changed"))
      return true;
  }
  return false;
}

}  // namespace

std::map<std::string, std::int64_t> current_matches(const Xapian::Database& db, const SearchRequest& request) {
  std::map<std::string, std::int64_t> out;
  for (Xapian::docid did : all_matches(db, request)) {
    const Xapian::Document doc = db.get_document(did);
    out[metadata(doc)->optValue<std::string>("id", "")] = capture_of(doc);
  }
  return out;
}

Watch new_watch(Searcher& searcher, const std::string& name, const SearchRequest& request) {
  check_watch_name(name);
  Watch w;
  w.name = name;
  w.request = request;
  w.request.limit = 0;
  w.request.offset = 0;
  searcher.search(w.request);  // a bad query fails here, before anything is saved
  w.seen = current_matches(searcher.database(), w.request);
  w.created = w.last_report = iso_now();
  return w;
}

WatchReport report_watch(const Xapian::Database& db, Watch& watch, bool mark) {
  WatchReport r;
  r.name = watch.name;
  std::map<std::string, std::int64_t> now;
  for (Xapian::docid did : all_matches(db, watch.request)) {
    const Xapian::Document doc = db.get_document(did);
    const std::int64_t capture = capture_of(doc);
    const Object::Ptr m = metadata(doc);
    const std::string id = m->optValue<std::string>("id", "");
    now[id] = capture;
    auto seen = watch.seen.find(id);
    if (seen == watch.seen.end()) {
      r.items.push_back(item_of(m, capture, "new"));
    } else if (seen->second != capture && text_changed_since(m, seen->second)) {
      r.items.push_back(item_of(m, capture, "changed"));
    }
  }
  r.matching = now.size();
  if (mark) {
    watch.seen = std::move(now);
    watch.last_report = iso_now();
  }
  return r;
}

std::vector<WatchItem> newest_matches(const Xapian::Database& db, const SearchRequest& request, std::size_t limit) {
  const Xapian::Stem stem("english");
  const ParsedQuery pq = parse_request(request, db, stem);
  Xapian::Enquire enq(db);
  enq.set_query(pq.combined());
  // The source slot starts with the zero-padded capture id: by value it sorts by capture,
  // on remote shards too (a stock xapian-tcpsrv runs no key maker of ours).
  enq.set_sort_by_value(schema::kSlotSource, true);
  const Xapian::MSet mset = enq.get_mset(0, static_cast<Xapian::doccount>(limit));
  std::vector<WatchItem> out;
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    const Xapian::Document doc = it.get_document();
    out.push_back(item_of(metadata(doc), capture_of(doc), ""));
  }
  return out;
}

}  // namespace cqc::search
