#include "indexer/indexer.hpp"

#include <xapian.h>

#include <algorithm>
#include <optional>
#include <thread>

#include "core/error.hpp"
#include "core/schema.hpp"
#include "indexer/document_builder.hpp"
#include "indexer/extract_cqc_api.hpp"

namespace cqc::indexer {
namespace {

// Xapian metadata key remembering that the capture with this digest could not be extracted.
std::string failed_key(const std::string& digest) { return "failed:" + digest; }

Xapian::WritableDatabase open_writable(const std::string& dir) {
  try {
    return Xapian::WritableDatabase(dir, Xapian::DB_CREATE_OR_OPEN);
  } catch (const Xapian::DatabaseLockError&) {
    throw core::Fatal("index " + dir + " is being written by another process");
  } catch (const Xapian::Error& e) {
    throw core::Fatal("cannot open index " + dir + ": " + e.get_description());
  }
}

// The digest the URI's document was built from, or "" if it has no document.
std::string indexed_digest(const Xapian::Database& db, const std::string& id_term) {
  Xapian::PostingIterator p = db.postlist_begin(id_term);
  if (p == db.postlist_end(id_term)) return "";
  return db.get_document(*p).get_value(schema::kSlotDigest);
}

// One capture to index: prepared on the main thread (catalog reads), extracted on a worker.
struct Job {
  archive::Capture capture;   // the newest capture of the URI
  archive::Capture payload;   // the capture holding its bytes (the original of a revisit)
  std::string api_metadata;   // structured metadata kept by the fetcher, "" if none
  bool known_failure = false;
  // Filled by the worker:
  enum class Outcome { indexed, failed, unsupported } outcome = Outcome::failed;
  std::string reason;
  std::optional<Xapian::Document> document;
  std::uint64_t text_bytes = 0;
  std::string warning;  // Metadata::warnings joined, "" when none
};

// Reads, extracts and builds one document: no catalog or database access, so it can run on
// any thread.
void run_job(const archive::Archive& archive, Job& job) {
  auto payload = archive.typed_payload(job.payload);
  if (!payload) {
    job.reason = payload.error();
    return;
  }
  const std::string& bytes = payload->bytes;
  const Extractor* extractor = extractor_for(job.capture.mime, bytes);
  if (!extractor) {
    job.outcome = Job::Outcome::unsupported;
    return;
  }
  // The archived Content-Type keeps its parameters (the charset); the catalog's mime does not.
  const std::string& type = payload->content_type.empty() ? job.capture.mime : payload->content_type;
  auto doc = extractor->extract(bytes, type);
  if (!doc) {
    job.reason = doc.error();
    return;
  }
  Metadata meta;
  if (doc->format == "cqc-api") {  // a location's ratings: every field from the API
    apply_api_metadata(api_rating_metadata_json(bytes), meta, job.capture.time);
  } else {
    meta = extract_metadata(doc.value(), job.capture.uri);
    apply_api_metadata(job.api_metadata, meta, job.capture.time);
  }
  for (const std::string& w : meta.warnings) job.warning += (job.warning.empty() ? "" : "; ") + w;
  job.document = build_document(job.capture, doc.value(), meta);
  for (const Page& p : doc->pages) job.text_bytes += p.text.size();
  job.outcome = Job::Outcome::indexed;
}

// Runs JOBS on up to WORKERS threads (strided, so each thread takes every WORKERS-th job).
void run_jobs(const archive::Archive& archive, std::vector<Job>& jobs, unsigned workers) {
  workers = std::max(1u, std::min<unsigned>(workers, static_cast<unsigned>(jobs.size())));
  std::vector<std::thread> threads;
  for (unsigned w = 1; w < workers; ++w)
    threads.emplace_back([&, w] {
      for (size_t i = w; i < jobs.size(); i += workers) run_job(archive, jobs[i]);
    });
  for (size_t i = 0; i < jobs.size(); i += workers) run_job(archive, jobs[i]);
  for (auto& t : threads) t.join();
}

}  // namespace

unsigned IndexOptions::default_workers() {
  return std::clamp(std::thread::hardware_concurrency(), 1u, 8u);
}

IndexSummary index_archive(const archive::Archive& archive, const std::string& index_dir,
                           const IndexOptions& options, const IndexProgress& progress,
                           const IndexLog& log) {
  Xapian::WritableDatabase db = open_writable(index_dir);
  IndexSummary sum;
  // An index built by older extraction rules is rebuilt whole (failures retried too); the
  // version is recorded only once a run has gone through every capture.
  const bool stale = db.get_metadata(std::string(kVersionKey)) != kExtractionVersion;
  const auto captures = archive.catalog().latest();
  std::vector<Job> batch;
  // Extracts the batch in parallel, then writes it and commits: a killed run loses at most
  // one batch, which the next run redoes.
  auto flush = [&] {
    run_jobs(archive, batch, options.workers);
    for (Job& job : batch) {
      const archive::Capture& c = job.capture;
      if (job.outcome == Job::Outcome::unsupported) {
        ++sum.unsupported;
      } else if (job.outcome == Job::Outcome::failed) {
        ++sum.failed;
        db.set_metadata(failed_key(c.digest), job.reason);
        if (log) log({IndexEvent::Kind::failed, c.uri, job.reason});
      } else {
        db.replace_document(std::string(schema::kUniqueId) + schema::document_id(c.uri), *job.document);
        if (job.known_failure) db.set_metadata(failed_key(c.digest), "");
        sum.text_bytes += job.text_bytes;
        ++sum.indexed;
        if (log) log({IndexEvent::Kind::indexed, c.uri, ""});
        if (!job.warning.empty()) {
          ++sum.warnings;
          if (log) log({IndexEvent::Kind::warning, c.uri, job.warning});
        }
      }
    }
    db.commit();
    batch.clear();
  };
  for (const archive::Capture& c : captures) {
    ++sum.captures;
    const std::string id_term = std::string(schema::kUniqueId) + schema::document_id(c.uri);
    const bool known_failure = !db.get_metadata(failed_key(c.digest)).empty();
    if (c.status && (c.status < 200 || c.status >= 300)) {
      ++sum.unsupported;  // redirects, errors, 304s without a document of their own
    } else if (!stale && indexed_digest(db, id_term) == c.digest) {
      ++sum.unchanged;
    } else if (known_failure && !options.retry_failed && !stale) {
      ++sum.previously_failed;
    } else {
      Job job;
      job.capture = c;
      job.payload = c;
      if (c.record_type == "revisit") {
        if (auto original = archive.catalog().get(c.refers_to)) job.payload = *original;
      }
      job.api_metadata = archive.catalog().metadata(c.id);
      job.known_failure = known_failure;
      batch.push_back(std::move(job));
      if (batch.size() >= options.batch) flush();
    }
    if (progress) progress(sum.captures, captures.size());
  }
  flush();
  if (stale) {
    db.set_metadata(std::string(kVersionKey), std::string(kExtractionVersion));
    db.commit();
  }
  sum.documents = db.get_doccount();
  return sum;
}

}  // namespace cqc::indexer
