#include "indexer/indexer.hpp"

#include <xapian.h>

#include "core/error.hpp"
#include "core/schema.hpp"
#include "indexer/document_builder.hpp"

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

}  // namespace

IndexSummary index_archive(const archive::Archive& archive, const std::string& index_dir,
                           const IndexOptions& options, const IndexProgress& progress,
                           const IndexLog& log) {
  Xapian::WritableDatabase db = open_writable(index_dir);
  IndexSummary sum;
  const auto captures = archive.catalog().latest();
  unsigned pending = 0;
  for (const archive::Capture& c : captures) {
    ++sum.captures;
    const std::string id_term = std::string(schema::kUniqueId) + schema::document_id(c.uri);
    const bool known_failure = !db.get_metadata(failed_key(c.digest)).empty();
    if (c.status && (c.status < 200 || c.status >= 300)) {
      ++sum.unsupported;  // redirects, errors, 304s without a document of their own
    } else if (indexed_digest(db, id_term) == c.digest) {
      ++sum.unchanged;
    } else if (known_failure && !options.retry_failed) {
      ++sum.previously_failed;
    } else {
      auto fail = [&](const std::string& reason) {
        ++sum.failed;
        db.set_metadata(failed_key(c.digest), reason);
        if (log) log({IndexEvent::Kind::failed, c.uri, reason});
      };
      auto bytes = archive.payload(c);
      if (!bytes) {
        fail(bytes.error());
      } else if (!extractor_for(c.mime, bytes.value())) {
        ++sum.unsupported;
      } else if (auto doc = extract(bytes.value(), c.mime); !doc) {
        fail(doc.error());
      } else {
        Metadata meta = extract_metadata(doc.value(), c.uri);
        apply_api_metadata(archive.catalog().metadata(c.id), meta);
        db.replace_document(id_term, build_document(c, doc.value(), meta));
        if (known_failure) db.set_metadata(failed_key(c.digest), "");
        for (const Page& p : doc->pages) sum.text_bytes += p.text.size();
        ++sum.indexed;
        if (log) log({IndexEvent::Kind::indexed, c.uri, ""});
      }
      if (++pending >= options.batch) {
        db.commit();
        pending = 0;
      }
    }
    if (progress) progress(sum.captures, captures.size());
  }
  db.commit();
  sum.documents = db.get_doccount();
  return sum;
}

}  // namespace cqc::indexer
