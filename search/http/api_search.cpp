// /api/search, /api/stats and /healthz.
#include <Poco/JSON/Array.h>

#include <sstream>

#include "core/schema.hpp"
#include "search/facet_table.hpp"
#include "search/http/handlers.hpp"
#include "search/http/page_results.hpp"
#include "search/http/params.hpp"

namespace cqc::search::http {

void handle_search(ReaderPool& pool, const Request& req, Response& resp) {
  const SearchParams p = parse_search_params(req.query, false);
  auto reader = pool.acquire();
  // A revision discarded by a commit is retried by Searcher, then by the dispatcher.
  const SearchResult result = reader->searcher->search(p.request);
  // Exactly search::to_json, with the paging keys appended inside the same object.
  std::string body = to_json(result);
  const std::uint64_t pages = (result.total + p.per_page - 1) / p.per_page;
  body.pop_back();  // the closing '}'
  body += ",\"page\":" + std::to_string(p.page) + ",\"per_page\":" + std::to_string(p.per_page) +
          ",\"pages\":" + std::to_string(pages) + "}";
  // Paging links (RFC 8288): the same search at the next and previous pages.
  auto page_url = [&](unsigned n) {
    std::vector<std::pair<std::string, std::string>> q;
    for (const auto& kv : req.query)
      if (kv.first != "page") q.push_back(kv);
    if (n > 1) q.emplace_back("page", std::to_string(n));
    std::string url = PageState::url(q);
    return "</api/search" + (url.size() > 1 ? url.substr(1) : std::string()) + ">";
  };
  std::string links;
  if (p.page < pages && p.page < kMaxPage) links = page_url(p.page + 1) + "; rel=\"next\"";
  if (p.page > 1) links += (links.empty() ? "" : ", ") + page_url(p.page - 1) + "; rel=\"prev\"";
  if (!links.empty()) resp.set("Link", links);
  send_json(resp, body);
}

void handle_stats(ReaderPool& pool, const Request& req, Response& resp) {
  if (!req.query.empty()) throw HttpError(400, "unknown parameter '" + req.query.front().first.substr(0, 40) + "'");
  auto reader = pool.acquire();
  Poco::JSON::Object root(Poco::JSON_PRESERVE_KEY_ORDER);
  Xapian::Database& db = reader->db;
  root.set("documents", static_cast<std::uint64_t>(db.get_doccount()));
  root.set("revision", static_cast<std::uint64_t>(index_revision(db)));
  Poco::JSON::Array::Ptr years = new Poco::JSON::Array;
  const std::string yp(schema::kFacetYear);
  for (auto t = db.allterms_begin(yp); t != db.allterms_end(yp); ++t) {
    const std::string digits = (*t).substr(yp.size());
    if (digits.size() != 4 || digits.find_first_not_of("0123456789") != std::string::npos) continue;
    Poco::JSON::Object::Ptr y = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    y->set("year", std::stoi(digits));
    y->set("count", static_cast<std::uint64_t>(t.get_termfreq()));
    years->add(y);
  }
  root.set("years", years);
  Poco::JSON::Object::Ptr kinds = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
  const std::string kp(schema::kKind);
  for (auto t = db.allterms_begin(kp); t != db.allterms_end(kp); ++t)
    kinds->set((*t).substr(kp.size()), static_cast<std::uint64_t>(t.get_termfreq()));
  root.set("kinds", kinds);
  try {
    root.set("captures", reader.archive().catalog().count());
  } catch (const HttpError&) {
    root.set("captures", Poco::Dynamic::Var());
  }
  std::ostringstream out;
  root.stringify(out);
  send_json(resp, out.str());
}

void handle_health(ReaderPool& pool, const Request&, Response& resp) {
  auto reader = pool.acquire();  // no index: core::Fatal, answered 503 by the router
  send_json(resp, "{\"status\":\"ok\",\"documents\":" + std::to_string(reader->searcher->document_count()) + "}");
}

}  // namespace cqc::search::http
