// GET /documents/{id}/diff[?from=A&to=B]: what changed in a document's text between two of its
// captures (issue 12, point 6). The texts are extracted and compared by `cqc-archive history
// --diff --json` run as a child process (core/subprocess.hpp), so a hostile PDF can crash or
// exhaust only that child; the page renders its answer. Server-rendered, no script.
#include <Poco/JSON/Parser.h>

#include <string>

#include "core/subprocess.hpp"
#include "search/http/handlers.hpp"
#include "search/http/html_page.hpp"

namespace cqc::search::http {
namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

std::string text_of(const Object::Ptr& o, const char* key) { return o->optValue<std::string>(key, ""); }

std::string number_param(const Request& req, const char* name) {
  std::string v;
  for (const auto& [n, value] : req.query)
    if (n == name) v = value;
  if (!v.empty() && (v.size() > 18 || v.find_first_not_of("0123456789") != std::string::npos))
    throw HttpError(400, std::string("parameter '") + name + "' must be a capture number");
  return v;
}

// Unchanged paragraphs are folded away except one on each side of a change.
std::string parts_html(const Array::Ptr& parts) {
  std::string h;
  const unsigned n = parts->size();
  auto kind = [&](unsigned i) { return parts->getObject(i)->getValue<std::string>("kind"); };
  unsigned i = 0;
  while (i < n) {
    if (kind(i) != "same") {
      const Object::Ptr p = parts->getObject(i);
      const std::string k = kind(i);
      if (k == "added") {
        h += "<p class=\"para added\"><span class=\"mark\">Added</span> <ins>" + html_escape(text_of(p, "after")) + "</ins></p>";
      } else if (k == "removed") {
        h += "<p class=\"para removed\"><span class=\"mark\">Removed</span> <del>" + html_escape(text_of(p, "before")) + "</del></p>";
      } else {
        h += "<p class=\"para altered\"><span class=\"mark\">Altered</span> ";
        for (const auto& w : *p->getArray("words")) {
          const auto pair = w.extract<Array::Ptr>();
          const std::string op = pair->getElement<std::string>(0), word = html_escape(pair->getElement<std::string>(1));
          h += op == "=" ? word + " " : op == "-" ? "<del>" + word + "</del> " : "<ins>" + word + "</ins> ";
        }
        h += "</p>";
      }
      ++i;
      continue;
    }
    unsigned end = i;
    while (end < n && kind(end) == "same") ++end;
    const bool after_change = i > 0, before_change = end < n;
    unsigned shown_from = i, shown_to = end;  // [from, to) folded
    if (after_change) {
      h += "<p class=\"para same\">" + html_escape(text_of(parts->getObject(i), "before")) + "</p>";
      shown_from = i + 1;
    }
    if (before_change && end > shown_from) shown_to = end - 1;
    if (shown_to > shown_from)
      h += "<p class=\"folded\">… " + std::to_string(shown_to - shown_from) + " unchanged " +
           (shown_to - shown_from == 1 ? "paragraph" : "paragraphs") + " …</p>";
    if (before_change && end > shown_from)
      h += "<p class=\"para same\">" + html_escape(text_of(parts->getObject(end - 1), "before")) + "</p>";
    i = end;
  }
  return h;
}

std::string version_options(const Array::Ptr& versions, const std::string& chosen) {
  std::string h;
  for (const auto& v : *versions) {
    const auto o = v.extract<Object::Ptr>();
    const std::string id = text_of(o, "capture");
    h += "<option value=\"" + html_escape(id) + "\"" + (id == chosen ? " selected" : "") + ">#" + html_escape(id) + ", " +
         html_escape(text_of(o, "time")) + "</option>";
  }
  return h;
}

}  // namespace

void handle_diff_page(ReaderPool& pool, const Request& req, Response& resp) {
  for (const auto& [name, value] : req.query)
    if (name != "from" && name != "to") throw HttpError(400, "unknown parameter '" + name.substr(0, 40) + "'");
  std::string from = number_param(req, "from"), to = number_param(req, "to");
  const std::string& id = req.captures.at(0);
  auto reader = pool.acquire();
  const Object::Ptr d = document_object(reader, id, TextWindow{0, 1});
  const std::string uri = text_of(d, "url"), title = text_of(d, "title").empty() ? uri : text_of(d, "title");
  const Array::Ptr versions = d->getArray("versions");
  if (!versions || versions->size() < 2) throw HttpError(404, "the archive has one version of " + uri + ": nothing to compare");
  if (from.empty()) from = text_of(versions->getObject(versions->size() - 2), "capture");
  if (to.empty()) to = text_of(versions->getObject(versions->size() - 1), "capture");
  if (uri.empty() || uri.front() == '-') throw HttpError(400, "this document's URL cannot be compared");
  if (pool.program().empty()) throw HttpError(503, "this server cannot compare versions (no cqc-archive program given)");
  const core::ProcessResult run = core::run_process(
      {pool.program(), "history", "--data", pool.data_dir(), "--json", "--diff", "--from", from, "--to", to, uri});
  if (run.timed_out || run.too_much || run.exit_code != 0) {
    std::string why = run.timed_out ? "it took too long" : run.too_much ? "the answer was too large" : run.err;
    if (why.size() > 300) why.resize(300);
    throw HttpError(run.exit_code == 2 ? 400 : 500, "cannot compare captures " + from + " and " + to + ": " + why);
  }
  Poco::JSON::Parser parser;
  const Object::Ptr diff = parser.parse(run.out).extract<Object::Ptr>();
  const Object::Ptr a = diff->getObject("from"), b = diff->getObject("to");
  auto count = [&](const char* key) { return std::to_string(diff->getValue<std::size_t>(key)); };
  std::string h = page_start("Changes: " + title, "diff-page", "/documents/" + id, "Back to the document") +
                  "<article><h1>What changed: " + html_escape(title) + "</h1>" +
                  "<p class=\"diff-summary\">From capture #" + html_escape(text_of(a, "capture")) + " (" +
                  html_escape(text_of(a, "time")) + ") to capture #" + html_escape(text_of(b, "capture")) + " (" +
                  html_escape(text_of(b, "time")) + "): <strong>" + count("added") + " added, " + count("removed") +
                  " removed, " + count("altered") + " altered</strong>, " + count("same") + " unchanged paragraphs.</p>";
  h += "<form class=\"diff-pick\" method=\"get\" action=\"/documents/" + id + "/diff\"><label>From <select name=\"from\">" +
       version_options(versions, from) + "</select></label> <label>to <select name=\"to\">" + version_options(versions, to) +
       "</select></label> <button type=\"submit\">Compare</button></form>";
  const Array::Ptr parts = diff->getArray("parts");
  h += diff->getValue<bool>("identical") ? "<p class=\"diff-same\">The text is the same in both captures (the bytes differ: layout, "
                            "markup or metadata).</p>"
                          : "<section class=\"diff\">" + parts_html(parts) + "</section>";
  h += "<p><a href=\"/documents/" + id + "/original?capture=" + html_escape(text_of(a, "capture")) +
       "\">Earlier original</a> · <a href=\"/documents/" + id + "/original?capture=" + html_escape(text_of(b, "capture")) +
       "\">Later original</a></p></article></main></body></html>";
  send_page(resp, h);
}

}  // namespace cqc::search::http
