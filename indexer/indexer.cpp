#include "indexer/indexer.hpp"

#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <tuple>
#include <thread>
#include <unordered_map>

#include "core/error.hpp"
#include "core/schema.hpp"
#include "indexer/compact.hpp"
#include "indexer/index_job.hpp"
#include "indexer/shard_writer.hpp"
#include "indexer/shards.hpp"
#include "indexer/source_state.hpp"
#include "indexer/versions.hpp"
#include "indexer/worker_pool.hpp"

namespace cqc::indexer {
namespace {

using Clock = std::chrono::steady_clock;

// How far extraction may run ahead of writing (answers held until their turn).
constexpr std::uint64_t kWindowJobs = 1024;
constexpr std::uint64_t kWindowBytes = 256ull << 20;

// Xapian metadata key remembering that the capture with this digest could not be extracted.
std::string failed_key(const std::string& digest) { return "failed:" + digest; }

// Xapian metadata keys of the last complete run: the catalog's capture count when it began
// (captures are only ever added, so an equal count means no new capture since) and its
// summary.
constexpr std::string_view kCatalogSeenKey = "catalog-seen";
constexpr std::string_view kLastRunKey = "last-run";

std::string encode_summary(const IndexSummary& s) {
  std::string out;
  for (std::uint64_t n : {s.captures, s.indexed, s.unchanged, s.failed, s.previously_failed, s.unsupported})
    out += std::to_string(n) + " ";
  return out;
}

// What a run now would find after the complete run summed up in TEXT, if no capture has been
// added since: its documents unchanged, its failures skipped. nullopt if TEXT is not one.
std::optional<IndexSummary> rerun_summary(const std::string& text) {
  std::uint64_t n[6];
  std::size_t pos = 0;
  for (std::uint64_t& v : n) {
    std::size_t used = 0;
    try {
      v = std::stoull(text.substr(pos), &used);
    } catch (const std::exception&) {
      return std::nullopt;
    }
    pos += used;
  }
  IndexSummary s;
  s.captures = n[0];
  s.unchanged = n[1] + n[2];
  s.previously_failed = n[3] + n[4];
  s.unsupported = n[5];
  return s;
}

// A capture handed to a worker, as the writer needs it back.
struct Planned {
  archive::Capture capture;
  std::string id_term;  // the unique-id term of its document
  bool known_failure = false;
  Xapian::docid docid = 0;  // its document's docid within its shard; 0: a new document
};

// One indexing run: plans jobs from the catalog in catalog order, hands the workers' answers
// to the shard writers in that order and commits by size and time.
class Run {
 public:
  // CATALOG_SEEN: the catalog's capture count, read before its newest captures are.
  Run(const archive::Archive& archive, ShardSet& shards, const IndexOptions& options,
      const IndexProgress& progress, const IndexLog& log, std::string catalog_seen)
      : archive_(archive), shards_(shards), opt_(options), progress_(progress), log_(log),
        catalog_seen_(std::move(catalog_seen)), captures_(archive.catalog().latest()) {
    stale_ = shards.reader().get_metadata(std::string(kVersionKey)) != kExtractionVersion;
    sum_.captures = captures_.size();
  }

  // The next capture that needs a worker, counting the others as they are passed.
  std::optional<std::pair<IndexJob, Planned>> plan_next() {
    while (next_ < captures_.size()) {
      const archive::Capture& latest = captures_[next_++];
      const std::string id_term = std::string(schema::kUniqueId) + schema::document_id(latest.uri);
      // The URI's document: its docid within its shard (0 if none), the digest and the
      // source key (source_state.hpp) it was built from. Each URI is planned once, so what
      // other documents this run wrote (visible after a reopen) never changes these answers.
      const auto [docid, digest, source] = shards_.read([&](Xapian::Database& db) {
        Xapian::PostingIterator p = db.postlist_begin(id_term);
        if (p == db.postlist_end(id_term)) return std::tuple<Xapian::docid, std::string, std::string>(0, "", "");
        const Xapian::docid local = (*p - 1) / static_cast<Xapian::docid>(shards_.size()) + 1;
        const Xapian::Document d = db.get_document(*p);
        return std::tuple<Xapian::docid, std::string, std::string>(local, d.get_value(schema::kSlotDigest),
                                                                   d.get_value(schema::kSlotSource));
      });
      // The same rule for every run (source_state.hpp), so a rebuild gives what incremental
      // runs gave: revisits resolve to their original, a 404/410 marks the document removed.
      const auto r = resolve_capture(archive_.catalog(), latest);
      if (!r) {
        ++sum_.unsupported;  // never a successful payload: redirects, errors
        resolved();
        continue;
      }
      const bool known_failure = shards_.read([&](Xapian::Database& db) {
        return !db.get_metadata(failed_key(r->payload.digest)).empty();
      });
      // The URI's versions (versions.hpp): the worker compares the earlier ones' texts, and
      // another version in the history rebuilds the document as a rebuild would.
      std::vector<Version> versions = document_versions(archive_.catalog(), latest.uri, kMaxVersions);
      std::vector<std::int64_t> version_ids;
      for (const Version& v : versions) version_ids.push_back(v.first.id);
      if (!stale_ && digest == r->payload.digest &&
          source == source_key(r->document.id, r->source, r->api_metadata, version_ids)) {
        ++sum_.unchanged;
      } else if (known_failure && !opt_.retry_failed && !stale_) {
        ++sum_.previously_failed;
      } else {
        std::pair<IndexJob, Planned> job;
        job.first.capture = r->document;
        job.first.payload = r->payload;
        job.first.api_metadata = r->api_metadata;
        job.first.source = r->source;
        if (versions.size() > 1) job.first.versions = std::move(versions);
        job.second = {r->document, id_term, known_failure, docid};
        return job;
      }
      resolved();
    }
    return std::nullopt;
  }

  // Writes one worker answer (or the reason there is none) for PLANNED.
  void write(const Planned& planned, const WorkerPool::Done& done) {
    JobResult r;
    if (!done.ok) {
      r.reason = done.failure;
    } else {
      try {
        r = decode_result(done.response);
      } catch (const core::Error& e) {
        r = JobResult{};
        r.reason = e.what();
      }
    }
    const archive::Capture& c = planned.capture;
    // A URI whose newest document cannot be indexed has none: the older one goes, as a
    // rebuild would not have it either.
    if (r.outcome != JobResult::Outcome::indexed && planned.docid)
      shards_.of(std::string_view(planned.id_term).substr(schema::kUniqueId.size())).remove(planned.docid);
    if (r.outcome == JobResult::Outcome::unsupported) {
      ++sum_.unsupported;
      if (log_) log_({IndexEvent::Kind::unsupported, c.uri, r.reason});
    } else if (r.outcome == JobResult::Outcome::failed) {
      ++sum_.failed;
      shards_.first().set_metadata(failed_key(c.digest), r.reason);
      if (log_) log_({IndexEvent::Kind::failed, c.uri, r.reason});
    } else {
      shards_.of(std::string_view(planned.id_term).substr(schema::kUniqueId.size()))
          .replace(planned.docid ? planned.docid : shards_.next_docid(), std::move(r.document));
      if (planned.known_failure) shards_.first().set_metadata(failed_key(c.digest), "");
      sum_.text_bytes += r.text_bytes;
      uncommitted_bytes_ += r.text_bytes;
      ++sum_.indexed;
      if (log_) log_({IndexEvent::Kind::indexed, c.uri, ""});
      if (!r.warning.empty()) {
        ++sum_.warnings;
        if (log_) log_({IndexEvent::Kind::warning, c.uri, r.warning});
      }
    }
    ++uncommitted_;
    resolved();
    if (uncommitted_bytes_ >= opt_.commit_bytes || (opt_.batch && uncommitted_ >= opt_.batch)) commit();
  }

  // Commits when something is waiting and the time bound has passed.
  void commit_if_due() {
    if (uncommitted_ && Clock::now() >= commit_due()) commit();
  }
  // How long until the time bound makes a commit due.
  std::chrono::milliseconds until_commit_due() const {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(commit_due() - Clock::now());
    return uncommitted_ ? std::max(left, std::chrono::milliseconds(0)) : std::chrono::milliseconds(1000);
  }

  IndexSummary finish() {
    commit();
    // Recorded only once a run has gone through every capture.
    ShardWriter& first = shards_.first();
    if (stale_) first.set_metadata(std::string(kVersionKey), std::string(kExtractionVersion));
    first.set_metadata(std::string(kCatalogSeenKey), catalog_seen_);
    first.set_metadata(std::string(kLastRunKey), encode_summary(sum_));
    first.commit();
    sum_.documents = shards_.doc_count();
    return sum_;
  }

 private:
  Clock::time_point commit_due() const {
    return last_commit_ + std::chrono::duration_cast<Clock::duration>(
                              std::chrono::duration<double>(opt_.commit_seconds));
  }
  void commit() {
    if (uncommitted_) shards_.commit();
    uncommitted_ = 0;
    uncommitted_bytes_ = 0;
    last_commit_ = Clock::now();
  }
  void resolved() {
    if (progress_) progress_(++resolved_, captures_.size());
  }

  const archive::Archive& archive_;
  ShardSet& shards_;
  const IndexOptions& opt_;
  const IndexProgress& progress_;
  const IndexLog& log_;
  const std::string catalog_seen_;
  const std::vector<archive::Capture> captures_;
  std::size_t next_ = 0;
  bool stale_ = false;
  IndexSummary sum_;
  std::uint64_t resolved_ = 0;
  std::uint64_t uncommitted_ = 0;        // captures written since the last commit
  std::uint64_t uncommitted_bytes_ = 0;  // their extracted text
  Clock::time_point last_commit_ = Clock::now();
};

}  // namespace

unsigned IndexOptions::default_workers() {
  return std::clamp(std::thread::hardware_concurrency(), 1u, 8u);
}

namespace {

IndexSummary index_into(const archive::Archive& archive, const std::string& index_dir,
                        const IndexOptions& options, const IndexProgress& progress, const IndexLog& log) {
  // Workers are forked when the first capture needs one, and close what they inherit.
  WorkerPool pool([&archive](const std::string& request) {
                    return encode_result(run_job(archive, decode_job(request)));
                  },
                  {options.workers, options.job_seconds, options.job_cpu_seconds, options.worker_memory});
  ShardSet shards(index_dir, options.shards);
  const Xapian::Database& db = shards.reader();
  const std::string catalog_seen = std::to_string(archive.catalog().count());
  // Nothing archived since the last complete run by these rules: nothing to read.
  if (!options.retry_failed && db.get_metadata(std::string(kVersionKey)) == kExtractionVersion &&
      db.get_metadata(std::string(kCatalogSeenKey)) == catalog_seen) {
    if (auto same = rerun_summary(db.get_metadata(std::string(kLastRunKey)))) {
      same->documents = db.get_doccount();
      if (progress) progress(same->captures, same->captures);
      return *same;
    }
  }
  Run run(archive, shards, options, progress, log, catalog_seen);
  // Answers are written in the order the jobs were planned (catalog order), so the index, its
  // docids and the log are the same whatever the number of workers. Answers that arrive
  // early wait in READY; a slow capture holds back writing, not extraction, until the window
  // is full.
  std::unordered_map<std::uint64_t, Planned> in_flight;
  std::map<std::uint64_t, WorkerPool::Done> ready;
  std::uint64_t next_tag = 0, next_write = 0, ready_bytes = 0;
  for (;;) {
    // Idle workers get their next job before answers are written: writing overlaps extraction.
    while (pool.has_idle() && next_tag - next_write < kWindowJobs && ready_bytes < kWindowBytes) {
      auto job = run.plan_next();
      if (!job) break;
      pool.submit(next_tag, encode_job(job->first));
      in_flight.emplace(next_tag++, std::move(job->second));
    }
    for (auto it = ready.begin(); it != ready.end() && it->first == next_write; it = ready.erase(it)) {
      auto planned = in_flight.find(next_write++);
      run.write(planned->second, it->second);
      ready_bytes -= it->second.response.size();
      in_flight.erase(planned);
    }
    run.commit_if_due();
    if (pool.busy() == 0 && ready.empty()) break;  // every job planned and written
    for (WorkerPool::Done& d : pool.wait(run.until_commit_due())) {
      ready_bytes += d.response.size();
      ready.emplace(d.tag, std::move(d));
    }
  }
  return run.finish();
}

// Compacts the index at DIR (compact_index), its sizes noted in SUM. A failure (no room for the
// copy, another writer holding the index) leaves the index as built, complete and searchable:
// LOG gets a warning naming DIR, and the run has not failed.
void compact(const std::string& dir, IndexSummary& sum, const IndexLog& log) {
  try {
    const CompactSizes sizes = compact_index(dir);
    sum.bytes_as_built = sizes.before;
    sum.bytes_compacted = sizes.after;
  } catch (const core::Fatal& e) {
    if (log) log({IndexEvent::Kind::warning, dir, std::string("the index was not compacted: ") + e.what()});
  }
}

}  // namespace

IndexSummary index_archive(const archive::Archive& archive, const std::string& index_dir,
                           const IndexOptions& options, const IndexProgress& progress,
                           const IndexLog& log) {
  if (!options.rebuild) {
    IndexSummary sum = index_into(archive, index_dir, options, progress, log);
    if (options.compact && sum.indexed > 0 &&
        (sum.indexed * 2 >= sum.documents || compaction_due(index_dir, options.compact_growth, options.compact_growth_bytes)))
      compact(index_dir, sum, log);
    return sum;
  }
  namespace fs = std::filesystem;
  const std::string fresh = index_dir + ".rebuild", old = index_dir + ".old";
  // The old index stays locked (and searchable) while the new one is built beside it.
  std::optional<ShardSet> locked;
  if (shard_count(index_dir)) locked.emplace(index_dir, 0);
  std::error_code ec;
  fs::remove_all(fresh, ec);  // what a killed rebuild left
  fs::remove_all(old, ec);
  IndexOptions o = options;
  o.rebuild = false;
  o.retry_failed = true;  // a rebuild starts from nothing, failures included
  IndexSummary sum = index_into(archive, fresh, o, progress, log);
  if (options.compact && sum.documents > 0) compact(fresh, sum, log);
  locked.reset();
  if (fs::exists(index_dir)) fs::rename(index_dir, old, ec);
  if (!ec) fs::rename(fresh, index_dir, ec);
  if (ec) throw core::Fatal("cannot put the rebuilt index " + fresh + " in place of " + index_dir + ": " + ec.message());
  fs::remove_all(old, ec);
  return sum;
}

}  // namespace cqc::indexer
