// Saved searches on the server (issue 12, point 7; search/watch.hpp): the /watches pages, the
// form that saves the results page's search, and an Atom feed and JSON per saved search.
#include <Poco/JSON/Array.h>

#include <pugixml.hpp>
#include <sstream>

#include "core/error.hpp"
#include "search/http/handlers.hpp"
#include "search/http/html_page.hpp"
#include "search/http/page_results.hpp"
#include "search/http/params.hpp"
#include "search/watch.hpp"

namespace cqc::search::http {
namespace {

using Poco::JSON::Object;

// Newest documents in a watch's page, feed and JSON.
constexpr std::size_t kNewest = 50;

Watch watch_named(ReaderPool& pool, const std::string& name) {
  try {
    check_watch_name(name);
  } catch (const core::UsageError&) {
    throw HttpError(404, "no saved search called '" + name.substr(0, 80) + "'");
  }
  auto w = WatchStore(pool.data_dir()).get(name);
  if (!w) throw HttpError(404, "no saved search called '" + name + "'");
  return *w;
}

// The search parameters of W, as the results page and the API take them.
std::vector<std::pair<std::string, std::string>> params_of(const Watch& w) {
  std::vector<std::pair<std::string, std::string>> params;
  if (!w.request.query.empty()) params.emplace_back("q", w.request.query);
  for (const std::string& name : filter_names())
    for (const std::string& v : *filter_values(w.request, name)) params.emplace_back(name, v);
  if (!w.request.from.empty()) params.emplace_back("from", w.request.from);
  if (!w.request.to.empty()) params.emplace_back("to", w.request.to);
  if ((!w.request.from.empty() || !w.request.to.empty()) && w.request.date_field != "inspected")
    params.emplace_back("date", w.request.date_field);
  return params;
}

std::vector<WatchItem> newest(ReaderPool& pool, const Watch& w) {
  auto reader = pool.acquire();
  return newest_matches(reader->db, w.request, kNewest);
}

// The watch's JSON (watch_object) with its links and newest documents.
std::string watch_api_json(const Watch& w, const std::vector<WatchItem>& items) {
  Object::Ptr o = watch_object(w);
  o->set("search", PageState::url(params_of(w)));
  o->set("feed", "/watches/" + w.name + "/feed");
  Poco::JSON::Array::Ptr docs = new Poco::JSON::Array;
  for (const WatchItem& it : items) docs->add(item_object(it));
  o->set("newest", docs);
  std::ostringstream out;
  o->stringify(out);
  return out.str();
}

std::string describe(const Watch& w) {
  std::string s = w.request.query.empty() ? "every document" : "“" + w.request.query + "”";
  for (const auto& [name, value] : params_of(w))
    if (name != "q") s += ", " + name + " " + value;
  return s;
}

void redirect(Response& resp, const std::string& to) {
  resp.setStatusAndReason(Poco::Net::HTTPResponse::HTTP_SEE_OTHER);
  resp.set("Location", to);
  resp.setContentLength(0);
  resp.send();
}

}  // namespace

void handle_watch_list_api(ReaderPool& pool, const Request&, Response& resp) {
  Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
  for (const Watch& w : WatchStore(pool.data_dir()).list()) list->add(watch_object(w));
  Object root;
  root.set("watches", list);
  std::ostringstream out;
  root.stringify(out);
  send_json(resp, out.str());
}

void handle_watch_api(ReaderPool& pool, const Request& req, Response& resp) {
  const Watch w = watch_named(pool, req.captures.at(0));
  send_json(resp, watch_api_json(w, newest(pool, w)));
}

void handle_watch_feed(ReaderPool& pool, const Request& req, Response& resp) {
  const Watch w = watch_named(pool, req.captures.at(0));
  const std::vector<WatchItem> items = newest(pool, w);
  const std::string base = "http://" + req.raw.getHost();
  pugi::xml_document doc;
  auto decl = doc.append_child(pugi::node_declaration);
  decl.append_attribute("version") = "1.0";
  decl.append_attribute("encoding") = "utf-8";
  pugi::xml_node feed = doc.append_child("feed");
  feed.append_attribute("xmlns") = "http://www.w3.org/2005/Atom";
  feed.append_child("title").text() = ("cqc-archive: " + w.name + " (" + describe(w) + ")").c_str();
  feed.append_child("id").text() = (base + "/watches/" + w.name + "/feed").c_str();
  pugi::xml_node self = feed.append_child("link");
  self.append_attribute("rel") = "self";
  self.append_attribute("href") = (base + "/watches/" + w.name + "/feed").c_str();
  pugi::xml_node alt = feed.append_child("link");
  alt.append_attribute("rel") = "alternate";
  alt.append_attribute("href") = (base + PageState::url(params_of(w))).c_str();
  feed.append_child("updated").text() = (items.empty() ? w.created : items.front().captured).c_str();
  feed.append_child("author").append_child("name").text() = "cqc-archive";
  for (const WatchItem& it : items) {
    pugi::xml_node e = feed.append_child("entry");
    e.append_child("title").text() = (it.title.empty() ? it.url : it.title).c_str();
    // A new version is a new entry: its id names the capture.
    e.append_child("id").text() = (base + "/documents/" + it.id + "?capture=" + std::to_string(it.capture)).c_str();
    pugi::xml_node link = e.append_child("link");
    link.append_attribute("href") = (base + "/documents/" + it.id).c_str();
    pugi::xml_node via = e.append_child("link");
    via.append_attribute("rel") = "via";
    via.append_attribute("href") = it.url.c_str();
    e.append_child("updated").text() = it.captured.c_str();
    if (!it.published.empty()) e.append_child("published").text() = (it.published + (it.published.size() == 10 ? "T00:00:00Z" : "")).c_str();
    e.append_child("summary").text() =
        (it.kind + (it.published.empty() ? "" : ", published " + it.published) + "; source " + it.url).c_str();
  }
  std::ostringstream out;
  doc.save(out, "  ");
  const std::string body = out.str();
  resp.setContentType("application/atom+xml; charset=utf-8");
  resp.set("Cache-Control", "no-cache");
  resp.sendBuffer(body.data(), body.size());
}

void handle_watch_create(ReaderPool& pool, const Request& req, Response& resp) {
  std::vector<std::pair<std::string, std::string>> search;
  std::string name;
  for (const auto& [k, v] : req.form) {
    if (k == "name")
      name = v;
    else
      search.emplace_back(k, v);
  }
  if (name.empty()) throw HttpError(400, "give the saved search a name");
  auto reader = pool.acquire();
  // The search parameters as export takes them (no paging); a bad one or a bad query is a 400.
  const Watch w = new_watch(*reader->searcher, name, parse_search_params(search, true).request);
  try {
    WatchStore(pool.data_dir()).add(w);
  } catch (const core::UsageError&) {
    throw;  // a taken or bad name: 400
  } catch (const core::Fatal& e) {
    throw HttpError(503, std::string("cannot save the search here (the data folder is read-only?): ") + e.what());
  }
  redirect(resp, "/watches/" + w.name);
}

void handle_watch_delete(ReaderPool& pool, const Request& req, Response& resp) {
  const std::string name = req.captures.at(0);
  watch_named(pool, name);
  WatchStore(pool.data_dir()).remove(name);
  redirect(resp, "/watches");
}

void handle_watch_list_page(ReaderPool& pool, const Request&, Response& resp) {
  std::string h = page_start("Saved searches", "document-page", "/", "Back to the search") +
                  "<article><h1>Saved searches</h1><p>Each saved search has a page, an Atom feed of its newest "
                  "documents and JSON; <code>cqc-archive watch report</code> lists what is new since its last report.</p>";
  const auto all = WatchStore(pool.data_dir()).list();
  if (all.empty()) h += "<p>None yet: search, then use “Save this search” below the results.</p>";
  h += "<ul class=\"watches\">";
  for (const Watch& w : all)
    h += "<li><a href=\"/watches/" + html_escape(w.name) + "\">" + html_escape(w.name) + "</a>: " + html_escape(describe(w)) +
         " · <a href=\"/watches/" + html_escape(w.name) + "/feed\">feed</a></li>";
  send_page(resp, h + "</ul></article></main></body></html>");
}

void handle_watch_page(ReaderPool& pool, const Request& req, Response& resp) {
  const Watch w = watch_named(pool, req.captures.at(0));
  const std::string n = html_escape(w.name);
  std::string h = page_start("Saved search " + w.name, "document-page", "/watches", "All saved searches") +
                  "<article><h1>Saved search: " + n + "</h1><p>" + html_escape(describe(w)) + "</p>" +
                  "<nav class=\"doc-links\"><a href=\"" + html_escape(PageState::url(params_of(w))) +
                  "\">Open the search</a><a href=\"/watches/" + n + "/feed\">Atom feed</a><a href=\"/api/watches/" + n +
                  "\">JSON</a></nav><p>Saved " + html_escape(w.created) + "; last reported " +
                  html_escape(w.last_report.empty() ? "never" : w.last_report) + ".</p><h2>Newest documents</h2><ol class=\"newest\">";
  for (const WatchItem& it : newest(pool, w))
    h += "<li><a href=\"/documents/" + html_escape(it.id) + "\">" + html_escape(it.title.empty() ? it.url : it.title) +
         "</a> <span class=\"from\">" + (it.published.empty() ? "" : "published " + html_escape(it.published) + " · ") +
         "captured " + html_escape(it.captured) + "</span></li>";
  h += "</ol><form method=\"post\" action=\"/watches/" + n +
       "/delete\"><button type=\"submit\">Delete this saved search</button></form></article></main></body></html>";
  send_page(resp, h);
}

}  // namespace cqc::search::http
