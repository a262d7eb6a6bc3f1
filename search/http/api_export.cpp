// /api/export: every match of a search, streamed as CSV or JSON (chunked), in result order;
// rows from search/export_rows.hpp, with absolute links on this server.
#include <ostream>

#include "search/export_rows.hpp"
#include "search/http/handlers.hpp"
#include "search/http/params.hpp"

namespace cqc::search::http {

void handle_export(ReaderPool& pool, const Request& req, Response& resp) {
  const SearchParams p = parse_search_params(req.query, true);
  auto reader = pool.acquire();
  // The whole match set's document ids first (cheap; nothing is sent yet, so a discarded
  // revision is retried by the dispatcher), then each document's data.
  const std::vector<Xapian::docid> ids = all_matches(reader->db, p.request);
  const std::string base = "http://" + (req.raw.getHost().empty() ? std::string("localhost") : req.raw.getHost());
  const bool csv = p.format == "csv";
  resp.setContentType(csv ? "text/csv; charset=utf-8" : "application/json; charset=utf-8");
  resp.set("Content-Disposition", std::string("attachment; filename=\"cqc-archive-export.") + p.format + "\"");
  resp.set("Cache-Control", "no-store");
  resp.set("X-Total-Count", std::to_string(ids.size()));
  resp.setChunkedTransferEncoding(true);
  std::ostream& out = resp.send();
  if (csv) write_csv_header(out);
  else out << "[";
  bool first = true;
  for (Xapian::docid id : ids) {
    Poco::JSON::Object::Ptr row;
    try {
      row = with_retry(reader->db, [&](Xapian::Database& db) { return export_row(db, id, base); });
    } catch (const Xapian::DocNotFoundError&) {
      continue;  // replaced by a commit made while exporting
    }
    if (csv) {
      write_csv_row(out, row);
    } else {
      out << (first ? "\n" : ",\n");
      row->stringify(out);
    }
    first = false;
    if (!out) return;  // the client went away
  }
  if (!csv) out << "\n]\n";
}

}  // namespace cqc::search::http
