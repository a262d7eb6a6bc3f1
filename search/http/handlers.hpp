// The request handlers, one per endpoint (docs/api.md documents each). Each reads with a
// Reader borrowed from the pool and throws HttpError / core::UsageError for the router to map.
#pragma once
#include <Poco/JSON/Object.h>
#include <xapian.h>

#include <string>
#include <cstdint>
#include <string_view>

#include "search/http/front.hpp"
#include "search/http/metrics.hpp"
#include "search/http/readers.hpp"
#include "search/http/router.hpp"

namespace cqc::search::http {

// GET /api/search: search::to_json plus "page", "per_page" and "pages".
void handle_search(ReaderPool& pool, const Request& req, Response& resp);
// GET /api/stats: documents, captures, per-year and per-kind counts, index revision.
void handle_stats(ReaderPool& pool, const Request& req, Response& resp);
// GET /healthz: {"status":"ok","documents":N}, or 503 when there is no index.
void handle_health(ReaderPool& pool, const Request& req, Response& resp);
// GET /api/documents/{id}: metadata, text by page, captures.
void handle_document(ReaderPool& pool, const Request& req, Response& resp);
// GET /documents/{id}/original[?capture=N]: the archived bytes with their content type.
void handle_original(ReaderPool& pool, const Request& req, Response& resp);
// GET /api/export?...&format=csv|json: every match, streamed in chunks.
void handle_export(ReaderPool& pool, const Request& req, Response& resp);
// GET /app.js and /style.css, compiled into the binary.
void handle_asset(std::string_view name, const Request& req, Response& resp);
// GET /?q=...&trust=...: the search page, server-rendered (page_results.hpp). Bad parameters
// or queries answer 400 with the page and the message in it.
void handle_results_page(ReaderPool& pool, const Request& req, Response& resp);

// GET /api/trusts/{code}: a trust's rating history, as `cqc-archive trust --json` (code, name
// or abbreviation; 404 for an unknown trust). page_trust.cpp.
void handle_trust_api(ReaderPool& pool, const Request& req, Response& resp);
// GET /trusts/{code}: the same as an HTML page: chart, table, documents, scoped search box.
void handle_trust_page(ReaderPool& pool, const Request& req, Response& resp);

// GET /metrics: Prometheus text format (api_metrics.cpp): METRICS' requests and latencies,
// FRONT's connection counters, the index's documents and size, the archive's size, captures,
// failures and last write.
void handle_metrics(ReaderPool& pool, const Metrics& metrics, const FrontCounters& front, const Request& req,
                    Response& resp);

// Saved searches (page_watch.cpp, search/watch.hpp): GET /watches and /watches/{name} (HTML),
// /watches/{name}/feed (Atom), /api/watches and /api/watches/{name} (JSON); POST /watches (a
// form: name and the search's parameters; 303 to its page) and /watches/{name}/delete.
void handle_watch_list_page(ReaderPool& pool, const Request& req, Response& resp);
void handle_watch_page(ReaderPool& pool, const Request& req, Response& resp);
void handle_watch_feed(ReaderPool& pool, const Request& req, Response& resp);
void handle_watch_list_api(ReaderPool& pool, const Request& req, Response& resp);
void handle_watch_api(ReaderPool& pool, const Request& req, Response& resp);
void handle_watch_create(ReaderPool& pool, const Request& req, Response& resp);
void handle_watch_delete(ReaderPool& pool, const Request& req, Response& resp);

// GET /documents/{id}/diff[?from=A&to=B]: what changed in the text between two captures
// (default: the two newest versions), HTML (page_diff.cpp); 404 for a single version, 503 when
// the pool has no program to compare with.
void handle_diff_page(ReaderPool& pool, const Request& req, Response& resp);

// GET /documents/{id}[?q=QUERY][&from=N]: the document page, HTML (page_document.cpp).
void handle_document_page(ReaderPool& pool, const Request& req, Response& resp);

// Which pages of a document's text an answer carries: ?from=N (index of the first page, 0
// when absent) and ?pages=K (at most K; 0 = as many as about 2 MiB of text allows).
struct TextWindow {
  std::size_t from = 0;
  std::size_t pages = 0;
};
// Reads REQ's from/pages parameters; HttpError 400 for any other parameter (but
// ALSO_ALLOWED, when not empty), a repeated one or a bad number.
TextWindow text_window(const Request& req, std::string_view also_allowed = {});

// The document with id ID; HttpError 400 for a malformed id, 404 for an unknown one.
Xapian::Document find_document(Xapian::Database& db, const std::string& id);

// /api/documents/{id}'s object (docs/api.md): metadata, WINDOW's pages of text, captures.
// HttpError 400 / 404 as find_document.
Poco::JSON::Object::Ptr document_object(const ReaderPool::Lease& reader, const std::string& id,
                                        const TextWindow& window);

// The capture of document D (its stored data) to show or cite: WANTED when not 0 (HttpError
// 404 when D's URL has no such capture), else the one it was built from.
archive::Capture document_capture(const archive::Archive& archive, const Poco::JSON::Object::Ptr& d,
                                  std::int64_t wanted);

// GET /api/documents/{id}/cite?format=text|bibtex|csl-json[&capture=N][&page=P] (api_cite.cpp).
void handle_cite(ReaderPool& pool, const Request& req, Response& resp);

// The stored data (JSON) of the document with id ID; HttpError 400 for a malformed id,
// 404 for an unknown one.
Poco::JSON::Object::Ptr document_data(Xapian::Database& db, const std::string& id);

}  // namespace cqc::search::http
