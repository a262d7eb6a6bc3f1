// GET /api/trusts/{code} and /trusts/{code} (issue 12): a trust's rating history from
// search/trust_history.hpp, the same data `cqc-archive trust` prints. The page shows it as a
// chart (a grid: one column per inspection, one row for the overall rating and one per
// service, each cell coloured by its rating) and as a table (each inspection with its
// ratings and the documents behind it), with a search box scoped to the trust. Server-rendered.
#include <algorithm>
#include <sstream>
#include <string>

#include "core/gazetteer.hpp"
#include "search/http/handlers.hpp"
#include "search/http/html_page.hpp"
#include "search/trust_history.hpp"

namespace cqc::search::http {
namespace {


const core::Trust& trust_of(const Request& req) {
  if (!req.query.empty()) throw HttpError(400, "unknown parameter '" + req.query.front().first.substr(0, 40) + "'");
  const std::string& code = req.captures.at(0);  // decoded by the router
  const core::Trust* t = core::Gazetteer::builtin().resolve_trust(code);
  if (!t) throw HttpError(404, "no NHS trust with code or name '" + code.substr(0, 80) + "'");
  return *t;
}

std::string rating_name(const std::string& id) {
  const auto* r = core::Gazetteer::builtin().rating_by_id(id);
  return r ? r->name : id;
}

std::string when(const Inspection& in) {
  if (in.from.empty()) return "date not stated";
  return in.from == in.to ? in.from : in.from + " to " + in.to;
}

// A cell of the chart: the rating's name on its colour, or an empty cell.
std::string cell(const std::string& rating) {
  if (rating.empty()) return "<td class=\"none\"><span class=\"visually-hidden\">not rated</span></td>";
  return "<td class=\"rating-" + html_escape(rating) + "\">" + html_escape(rating_name(rating)) + "</td>";
}

std::string chart(const std::vector<Inspection>& all) {
  std::vector<const Inspection*> dated;
  for (const Inspection& in : all)
    if (!in.from.empty() && (!in.overall.empty() || !in.services.empty())) dated.push_back(&in);
  if (dated.empty()) return "<p>No rated inspection in the archive yet.</p>";
  std::vector<std::pair<std::string, std::string>> services;  // (id, name), first seen first
  for (const Inspection* in : dated)
    for (const auto& s : in->services)
      if (std::none_of(services.begin(), services.end(), [&](const auto& x) { return x.first == s.service; }))
        services.emplace_back(s.service, s.name);
  std::string h = "<div class=\"chart-scroll\"><table class=\"rating-chart\"><caption>Ratings at each inspection</caption>"
                  "<thead><tr><th scope=\"col\">Rated</th>";
  for (const Inspection* in : dated) h += "<th scope=\"col\">" + html_escape(in->from.substr(0, 7)) + "</th>";
  h += "</tr></thead><tbody><tr><th scope=\"row\">Overall</th>";
  for (const Inspection* in : dated) h += cell(in->overall);
  h += "</tr>";
  for (const auto& [id, name] : services) {
    h += "<tr><th scope=\"row\">" + html_escape(name) + "</th>";
    for (const Inspection* in : dated) {
      std::string r;
      for (const auto& s : in->services)
        if (s.service == id) r = s.rating;
      h += cell(r);
    }
    h += "</tr>";
  }
  return h + "</tbody></table></div>";
}

}  // namespace

void handle_trust_api(ReaderPool& pool, const Request& req, Response& resp) {
  const core::Trust& trust = trust_of(req);
  auto reader = pool.acquire();
  std::ostringstream out;
  trust_history_json(trust, trust_history(*reader->searcher, trust))->stringify(out);
  send_json(resp, out.str());
}

void handle_trust_page(ReaderPool& pool, const Request& req, Response& resp) {
  const core::Trust& trust = trust_of(req);
  auto reader = pool.acquire();
  const std::vector<Inspection> all = trust_history(*reader->searcher, trust);
  std::string h = page_start(trust.name, "document-page trust-page", "/", "Search the archive") + "<article><h1>" +
                  html_escape(trust.name) + "</h1><p class=\"from\">ODS code " + html_escape(trust.code);
  if (!trust.former_names.empty()) {
    std::string former;
    for (const auto& n : trust.former_names) former += (former.empty() ? "" : "; ") + html_escape(n);
    h += ". Formerly: " + former;
  }
  h += "</p><form class=\"scoped\" action=\"/\" method=\"get\" role=\"search\"><label for=\"tq\">Search this trust's "
       "documents</label> <input id=\"tq\" name=\"q\" type=\"search\"><input type=\"hidden\" name=\"trust\" value=\"" +
       html_escape(trust.code) + "\"> <button type=\"submit\">Search</button></form>";
  h += "<section><h2>Rating history</h2>" + chart(all) + "</section><section class=\"inspections\"><h2>Inspections</h2>";
  if (all.empty()) h += "<p>No archived documents about this trust.</p>";
  for (const Inspection& in : all) {
    h += "<section class=\"inspection\"><h3>" + html_escape(when(in)) + "</h3>";
    if (!in.overall.empty()) h += "<p>Overall: <span class=\"badge rating-" + html_escape(in.overall) + "\">" + html_escape(rating_name(in.overall)) + "</span></p>";
    if (!in.services.empty()) {
      h += "<table><thead><tr><th>Service</th><th>Rating</th></tr></thead><tbody>";
      for (const auto& s : in.services) h += "<tr><td>" + html_escape(s.name) + "</td><td>" + html_escape(s.rating_name) + "</td></tr>";
      h += "</tbody></table>";
    }
    h += "<ul class=\"inspection-docs\">";
    for (const Hit& d : in.docs)
      h += "<li><a href=\"/documents/" + html_escape(d.id) + "\">" + html_escape(d.title.empty() ? d.url : d.title) + "</a> <span class=\"from\">" +
           html_escape(d.kind) + (d.published.empty() ? "" : ", published " + html_escape(d.published)) + "</span></li>";
    h += "</ul></section>";
  }
  h += "</section></article></main></body></html>";
  send_page(resp, h);
}

}  // namespace cqc::search::http
