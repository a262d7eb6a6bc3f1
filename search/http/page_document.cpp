// GET /documents/{id}[?q=QUERY][&from=N]: a document to read (issue 12). Server-rendered HTML
// (no script needed) from the same object /api/documents/{id} returns: title, trusts,
// location, services, every rating, dates with where each came from, the text page by page
// with QUERY's words marked (Xapian's own matching: stems and all) and a link to the first
// match, every capture, and links to the archived original (at the page, for PDFs) and the
// source.
#include <Poco/JSON/Array.h>
#include <Poco/URI.h>
#include <xapian.h>

#include <string>
#include <vector>

#include "core/gazetteer.hpp"
#include "core/schema.hpp"
#include "core/text.hpp"
#include "search/http/handlers.hpp"
#include "search/query.hpp"

namespace cqc::search::http {
namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

std::string esc(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 16);
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string url_encode(const std::string& text) {
  std::string out;
  Poco::URI::encode(text, "&=+#?/ ", out);
  return out;
}

// Marks QUERY's words in text, the way search ranks them: the query run against this one
// document gives an MSet whose snippet() marks every matching word of a text it is handed.
class Marker {
 public:
  Marker(const Xapian::Database& db, const std::string& query, const std::string& id) {
    if (core::trim(query).empty()) return;
    try {
      SearchRequest request;
      request.query = query;
      const ParsedQuery parsed = parse_request(request, db, stem_);
      Xapian::Enquire enquire(db);
      enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, parsed.text,
                                      Xapian::Query(std::string(schema::kUniqueId) + id)));
      mset_ = enquire.get_mset(0, 1);
      active_ = !mset_.empty();
    } catch (const std::exception&) {
      // A query the search box would refuse: the page is shown unmarked.
    }
  }
  // PARAGRAPH as HTML, its matching words in <mark>.
  std::string html(const std::string& paragraph) const {
    if (!active_) return esc(paragraph);
    return mset_.snippet(paragraph, paragraph.size() + 64, stem_, Xapian::MSet::SNIPPET_EXHAUSTIVE, "<mark>",
                         "</mark>", "");
  }

 private:
  Xapian::Stem stem_{"english"};
  Xapian::MSet mset_;
  bool active_ = false;
};

// TEXT's paragraphs (separated by blank lines), without empty ones.
std::vector<std::string> paragraphs(const std::string& text) {
  std::vector<std::string> out;
  for (std::size_t at = 0; at < text.size();) {
    std::size_t end = text.find("\n\n", at);
    if (end == std::string::npos) end = text.size();
    const std::string_view para = core::trim(std::string_view(text).substr(at, end - at));
    if (!para.empty()) out.emplace_back(para);
    at = end + 2;
  }
  return out;
}

std::string value(const Object::Ptr& o, const std::string& key) {
  return o->has(key) && !o->isNull(key) ? o->get(key).convert<std::string>() : "";
}

// "2019-03-04 (from the CQC API)" or "unknown".
std::string dated(const Object::Ptr& d, const std::string& key) {
  const std::string v = value(d, key);
  if (v.empty()) return "unknown";
  Object::Ptr prov = d->getObject("provenance");
  const std::string from = prov ? value(prov, key) : "";
  return esc(v) + (from.empty() ? "" : " <span class=\"from\">(from " + esc(from) + ")</span>");
}

std::string rating_name(const std::string& id) {
  const auto* r = core::Gazetteer::builtin().rating_by_id(id);
  return r ? r->name : id;
}

void facts(std::string& h, const Object::Ptr& d) {
  h += "<dl class=\"facts\">";
  Array::Ptr codes = d->getArray("trusts"), names = d->getArray("trust_names");
  std::string trusts;
  for (unsigned i = 0; codes && i < codes->size(); ++i)
    trusts += (i ? ", " : "") + std::string("<a href=\"/trusts/") + esc(codes->getElement<std::string>(i)) + "\">" +
              esc(names->getElement<std::string>(i)) + "</a> (" + esc(codes->getElement<std::string>(i)) + ")";
  h += "<dt>Trust</dt><dd>" + (trusts.empty() ? std::string("none named") : trusts) + "</dd>";
  if (!value(d, "location").empty()) h += "<dt>Location</dt><dd>" + esc(value(d, "location")) + "</dd>";
  std::string services;
  for (const auto& s : *d->getArray("services")) {
    const auto* service = core::Gazetteer::builtin().service_by_id(s.convert<std::string>());
    services += (services.empty() ? "" : ", ") + esc(service ? service->name : s.convert<std::string>());
  }
  if (!services.empty()) h += "<dt>Services</dt><dd>" + services + "</dd>";
  const std::string overall = value(d, "overall_rating");
  h += "<dt>Overall rating</dt><dd>" + (overall.empty() ? std::string("none given") : esc(rating_name(overall))) + "</dd>";
  const std::string until = value(d, "inspected_end");
  h += "<dt>Inspected</dt><dd>" + dated(d, "inspected") +
       (until.empty() || until == value(d, "inspected") ? "" : " to " + esc(until)) + "</dd>";
  h += "<dt>Published</dt><dd>" + dated(d, "published") + "</dd>";
  h += "<dt>Kind</dt><dd>" + esc(value(d, "kind")) + " (" + esc(value(d, "format")) + ")</dd></dl>";

  Array::Ptr per_service = d->getArray("service_ratings");
  Object::Ptr questions = d->getObject("key_question_ratings");
  if ((per_service && per_service->size()) || (questions && questions->size())) {
    h += "<section class=\"ratings\"><h2>Ratings</h2><table><thead><tr><th>Rated</th><th>Rating</th></tr></thead><tbody>";
    for (unsigned i = 0; per_service && i < per_service->size(); ++i) {
      auto r = per_service->getObject(i);
      h += "<tr><td>" + esc(value(r, "name")) + "</td><td>" + esc(value(r, "rating_name")) + "</td></tr>";
    }
    for (const auto& q : core::Gazetteer::builtin().questions())
      if (questions && questions->has(q.id))
        h += "<tr><td>" + esc(q.name) + "?</td><td>" + esc(rating_name(value(questions, q.id))) + "</td></tr>";
    h += "</tbody></table></section>";
  }
}

}  // namespace

void handle_document_page(ReaderPool& pool, const Request& req, Response& resp) {
  std::string query;
  for (const auto& [name, v] : req.query)
    if (name == "q") query = v;
  const TextWindow window = text_window(req, "q");
  auto reader = pool.acquire();
  const std::string& id = req.captures.at(0);
  const Object::Ptr d = document_object(reader, id, window);
  const Marker marker(reader->db, query, id);
  const std::string title = value(d, "title").empty() ? value(d, "url") : value(d, "title");
  const std::string original = "/documents/" + id + "/original";

  std::string body;
  Array::Ptr pages = d->getArray("pages");
  for (unsigned i = 0; i < pages->size(); ++i) {
    auto page = pages->getObject(i);
    const int number = page->getValue<int>("page");
    body += "<section class=\"page\" id=\"page-" + std::to_string(number) + "\">";
    if (number > 0)
      body += "<h3>Page " + std::to_string(number) + " <a href=\"" + original + "#page=" + std::to_string(number) +
              "\">original at this page</a></h3>";
    for (const std::string& para : paragraphs(value(page, "text"))) body += "<p>" + marker.html(para) + "</p>";
    if (page->has("text_cut")) body += "<p class=\"cut\">The rest of this page was too long to store; the original has it all.</p>";
    body += "</section>";
  }
  const std::size_t first = body.find("<mark>");
  if (first != std::string::npos) body.replace(first, 6, "<mark id=\"first-match\">");

  const std::string q = url_encode(query);
  std::string h = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                  "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                  "<title>" + esc(title) + " - cqc-archive</title><link rel=\"icon\" href=\"data:,\"><link rel=\"stylesheet\" href=\"/style.css\"></head>"
                  "<body class=\"document-page\"><header class=\"doc-header\"><a href=\"/" + (query.empty() ? "" : "?q=" + q) +
                  "\">Back to the search</a></header><main><article><h1>" + esc(title) + "</h1>";
  if (d->has("removed") && !d->isNull("removed")) h += "<p class=\"badge\">Removed at source</p>";
  facts(h, d);
  h += "<nav class=\"doc-links\"><a href=\"" + original + "\">Archived original</a>";
  if (!value(d, "url").empty()) h += " <a href=\"" + esc(value(d, "url")) + "\" rel=\"noreferrer\">Source</a>";
  if (first != std::string::npos) h += " <a href=\"#first-match\">First match</a>";
  const std::string cite = "/api/documents/" + id + "/cite?format=";
  h += " <span>Cite: <a href=\"" + cite + "text\">text</a>, <a href=\"" + cite + "bibtex\">BibTeX</a>, <a href=\"" + cite +
       "csl-json\">CSL-JSON</a></span>";
  h += "</nav><section class=\"text\"><h2>Text</h2>" + body;
  if (!d->isNull("next")) {
    const std::size_t next = d->getValue<std::size_t>("pages_from") + pages->size();
    h += "<p><a href=\"/documents/" + id + "?from=" + std::to_string(next) + (query.empty() ? "" : "&q=" + q) +
         "\">More pages</a></p>";
  }
  h += "</section><section class=\"captures\"><h2>Captures</h2><table><thead><tr><th>Captured</th><th>Status</th>"
       "<th>Record</th><th>Bytes</th><th>Digest</th></tr></thead><tbody>";
  for (const auto& c : *d->getArray("captures")) {
    auto o = c.extract<Object::Ptr>();
    const std::string status = value(o, "status");
    h += "<tr><td>" + esc(value(o, "time")) + "</td><td>" + esc(status == "0" ? "-" : status) + "</td><td>" +
         esc(value(o, "record_type")) + "</td><td>" + esc(value(o, "size")) + "</td><td><code>" +
         esc(value(o, "digest")) + "</code></td></tr>";
  }
  h += "</tbody></table></section></article></main></body></html>";
  resp.setContentType("text/html; charset=utf-8");
  resp.set("Cache-Control", "no-cache");
  resp.set("Content-Security-Policy",
           "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; "
           "frame-ancestors 'none'");
  resp.sendBuffer(h.data(), h.size());
}

}  // namespace cqc::search::http
