#include "indexer/source_state.hpp"

#include <cstdio>
#include <vector>

#include "archive/digest.hpp"

namespace cqc::indexer {
namespace {

using archive::Capture;

// A capture with a document's bytes: a successful response, an imported file, or a revisit
// (a 304, or the same payload again), which always refers to one of those.
bool holds_document(const Capture& c) {
  if (c.record_type == "revisit") return c.refers_to != 0;
  return c.status == 0 || (c.status >= 200 && c.status < 300);
}

bool gone(const Capture& c) { return c.record_type != "revisit" && (c.status == 404 || c.status == 410); }

}  // namespace

std::optional<ResolvedCapture> resolve_capture(const archive::Catalog& catalog, const Capture& latest) {
  ResolvedCapture r;
  std::vector<Capture> history;  // read only when the newest capture alone does not tell
  std::size_t newest = 0;        // index in HISTORY of the newest capture holding a document
  if (holds_document(latest)) {
    r.document = latest;
  } else {
    history = catalog.history(latest.uri);
    newest = history.size();
    while (newest > 0 && !holds_document(history[newest - 1])) --newest;
    if (newest == 0) return std::nullopt;  // never a document
    r.document = history[--newest];
    // Removed when the newest answer is 404/410: since the first of that unbroken run.
    if (gone(history.back())) {
      r.source.removed_status = history.back().status;
      std::size_t first = history.size() - 1;
      while (first > newest + 1 && gone(history[first - 1])) --first;
      r.source.removed_since = history[first].time;
    }
  }
  if (r.document.record_type == "revisit") {
    auto original = catalog.get(r.document.refers_to);
    if (original && original->uri == r.document.uri) {
      r.document = *original;  // the run began with the response the revisits refer to
    } else if (original) {
      // A copy of another URI's bytes (an import duplicate): the run began with this URI's
      // first revisit of that original.
      if (history.empty()) {
        history = catalog.history(latest.uri);
        newest = history.size();
        while (newest > 0 && history[newest - 1].id != r.document.id) --newest;
        newest = newest ? newest - 1 : 0;
      }
      std::size_t first = newest;
      while (first > 0 && history[first - 1].record_type == "revisit" && history[first - 1].refers_to == r.document.refers_to)
        --first;
      if (first < history.size() && history[first].record_type == "revisit") r.document = history[first];
    }
    r.payload = original ? *original : r.document;
  } else {
    r.payload = r.document;
  }
  r.api_metadata = catalog.metadata(latest.id);
  if (r.api_metadata.empty() && latest.id != r.document.id) r.api_metadata = catalog.metadata(r.document.id);
  return r;
}

std::string source_key(std::int64_t capture_id, const SourceState& source, const std::string& api_metadata,
                       const std::vector<std::int64_t>& version_ids) {
  char id[24];  // zero-padded: the slot sorts documents by capture (search/watch_report.cpp)
  std::snprintf(id, sizeof id, "%012lld", static_cast<long long>(capture_id));
  std::string key = std::string(id) + " " + std::to_string(source.removed_status) + " " +
                    (source.removed_since.empty() ? "-" : source.removed_since);
  if (!api_metadata.empty()) key += " " + archive::warc_digest(api_metadata).substr(5, 16);
  if (version_ids.size() > 1) {
    key += " v";
    for (std::size_t i = 0; i < version_ids.size(); ++i) key += (i ? "," : "") + std::to_string(version_ids[i]);
  }
  return key;
}

}  // namespace cqc::indexer
