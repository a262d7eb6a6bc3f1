// GET /documents/{id}[?q=QUERY][&from=N]: a document to read (issue 12). Server-rendered HTML
// (no script needed) from the same object /api/documents/{id} returns: title, trusts,
// location, services, every rating, dates with where each came from, the text page by page
// with QUERY's words marked (Xapian's own matching: stems and all) and a link to the first
// match, every capture, and links to the archived original (at the page, for PDFs) and the
// source.
#include <Poco/JSON/Array.h>
#include <xapian.h>

#include <string>
#include <vector>

#include "core/gazetteer.hpp"
#include "core/schema.hpp"
#include "core/text.hpp"
#include "search/http/handlers.hpp"
#include "search/http/html_page.hpp"
#include "search/query.hpp"

namespace cqc::search::http {
namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

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
    if (!active_) return html_escape(paragraph);
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
  return html_escape(v) + (from.empty() ? "" : " <span class=\"from\">(from " + html_escape(from) + ")</span>");
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
    trusts += (i ? ", " : "") + std::string("<a href=\"/trusts/") + html_escape(codes->getElement<std::string>(i)) + "\">" +
              html_escape(names->getElement<std::string>(i)) + "</a> (" + html_escape(codes->getElement<std::string>(i)) + ")";
  h += "<dt>Trust</dt><dd>" + (trusts.empty() ? std::string("none named") : trusts) + "</dd>";
  if (!value(d, "location").empty()) h += "<dt>Location</dt><dd>" + html_escape(value(d, "location")) + "</dd>";
  std::string services;
  for (const auto& s : *d->getArray("services")) {
    const auto* service = core::Gazetteer::builtin().service_by_id(s.convert<std::string>());
    services += (services.empty() ? "" : ", ") + html_escape(service ? service->name : s.convert<std::string>());
  }
  if (!services.empty()) h += "<dt>Services</dt><dd>" + services + "</dd>";
  const std::string overall = value(d, "overall_rating");
  h += "<dt>Overall rating</dt><dd>" + (overall.empty() ? std::string("none given") : html_escape(rating_name(overall))) + "</dd>";
  const std::string until = value(d, "inspected_end");
  h += "<dt>Inspected</dt><dd>" + dated(d, "inspected") +
       (until.empty() || until == value(d, "inspected") ? "" : " to " + html_escape(until)) + "</dd>";
  h += "<dt>Published</dt><dd>" + dated(d, "published") + "</dd>";
  h += "<dt>Kind</dt><dd>" + html_escape(value(d, "kind")) + " (" + html_escape(value(d, "format")) + ")</dd></dl>";

  Array::Ptr per_service = d->getArray("service_ratings");
  Object::Ptr questions = d->getObject("key_question_ratings");
  if ((per_service && per_service->size()) || (questions && questions->size())) {
    h += "<section class=\"ratings\"><h2>Ratings</h2><table><thead><tr><th>Rated</th><th>Rating</th></tr></thead><tbody>";
    for (unsigned i = 0; per_service && i < per_service->size(); ++i) {
      auto r = per_service->getObject(i);
      h += "<tr><td>" + html_escape(value(r, "name")) + "</td><td>" + html_escape(value(r, "rating_name")) + "</td></tr>";
    }
    for (const auto& q : core::Gazetteer::builtin().questions())
      if (questions && questions->has(q.id))
        h += "<tr><td>" + html_escape(q.name) + "?</td><td>" + html_escape(rating_name(value(questions, q.id))) + "</td></tr>";
    h += "</tbody></table></section>";
  }
}

// The versions of the text at this URL (indexer/versions.hpp), each with a link comparing it
// with the one before; "" when there was only ever one.
std::string versions_html(const Object::Ptr& d, const std::string& id) {
  const Array::Ptr versions = d->getArray("versions");
  if (!versions || versions->size() < 2) return "";
  std::string h = "<section class=\"versions\"><h2>Versions of the text</h2><table><thead><tr><th>Capture</th>"
                  "<th>Captured</th><th>Text</th><th></th></tr></thead><tbody>";
  std::string previous;
  for (const auto& v : *versions) {
    const auto o = v.extract<Object::Ptr>();
    const std::string capture = value(o, "capture");
    const std::string changed = o->isNull("text_changed") ? "" : value(o, "text_changed");
    const std::string state = previous.empty() ? "first seen" : changed == "true" ? "<strong>changed</strong>"
                              : changed == "false"                                ? "same text"
                                                                                  : "not compared";
    h += "<tr><td>#" + html_escape(capture) + "</td><td>" + html_escape(value(o, "time")) + "</td><td>" + state +
         "</td><td>" +
         (previous.empty() ? ""
                           : "<a class=\"compare\" href=\"/documents/" + id + "/diff?from=" + html_escape(previous) +
                                 "&amp;to=" + html_escape(capture) + "\">What changed</a>") +
         "</td></tr>";
    previous = capture;
  }
  return h + "</tbody></table></section>";
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
  std::string h = page_start(title, "document-page", "/" + (query.empty() ? "" : "?q=" + q), "Back to the search") +
                  "<article><h1>" + html_escape(title) + "</h1>";
  if (d->has("removed") && !d->isNull("removed")) {
    const Object::Ptr gone = d->getObject("removed");
    h += "<p class=\"badge removed\">Removed at source: " + html_escape(value(d, "url")) + " answered HTTP " +
         html_escape(value(gone, "status")) + " from " + html_escape(value(gone, "since")) +
         ". The archived copy below is kept.</p>";
  }
  facts(h, d);
  h += "<nav class=\"doc-links\"><a href=\"" + original + "\">Archived original</a>";
  // Only web addresses become links (a foreign WARC file may name any URI).
  const std::string source = value(d, "url");
  if (source.rfind("http://", 0) == 0 || source.rfind("https://", 0) == 0)
    h += " <a href=\"" + html_escape(source) + "\" rel=\"noreferrer\">Source</a>";
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
    h += "<tr><td>" + html_escape(value(o, "time")) + "</td><td>" + html_escape(status == "0" ? "-" : status) + "</td><td>" +
         html_escape(value(o, "record_type")) + "</td><td>" + html_escape(value(o, "size")) + "</td><td><code>" +
         html_escape(value(o, "digest")) + "</code></td></tr>";
  }
  h += "</tbody></table></section>" + versions_html(d, id) + "</article></main></body></html>";
  send_page(resp, h);
}

}  // namespace cqc::search::http
