#include "search/http/routes.hpp"

#include "search/http/handlers.hpp"

namespace cqc::search::http {

void register_routes(Router& r, ReaderPool& pool, const Metrics& metrics, std::function<FrontCounters()> front) {
  auto with_pool = [&pool](void (*fn)(ReaderPool&, const Request&, Response&)) {
    return [&pool, fn](const Request& req, Response& resp) { fn(pool, req, resp); };
  };
  r.get("/api/search", with_pool(handle_search));
  r.get("/api/documents/{}", with_pool(handle_document));
  r.get("/api/documents/{}/cite", with_pool(handle_cite));
  r.get("/documents/{}", with_pool(handle_document_page));
  r.get("/documents/{}/diff", with_pool(handle_diff_page));
  r.get("/api/trusts/{}", with_pool(handle_trust_api));
  r.get("/trusts/{}", with_pool(handle_trust_page));
  r.get("/documents/{}/original", with_pool(handle_original));
  r.get("/api/export", with_pool(handle_export));
  r.get("/watches", with_pool(handle_watch_list_page));
  r.post("/watches", with_pool(handle_watch_create));
  r.get("/watches/{}", with_pool(handle_watch_page));
  r.get("/watches/{}/feed", with_pool(handle_watch_feed));
  r.post("/watches/{}/delete", with_pool(handle_watch_delete));
  r.get("/api/watches", with_pool(handle_watch_list_api));
  r.get("/api/watches/{}", with_pool(handle_watch_api));
  r.get("/api/stats", with_pool(handle_stats));
  r.get("/healthz", with_pool(handle_health));
  r.get("/metrics", [&pool, &metrics, front](const Request& req, Response& resp) {
    handle_metrics(pool, metrics, front ? front() : FrontCounters{}, req, resp);
  });
  r.get("/", with_pool(handle_results_page));
  for (const char* asset : {"/app.js", "/style.css"})
    r.get(asset, [asset](const Request& req, Response& resp) { handle_asset(asset, req, resp); });
}

}  // namespace cqc::search::http
