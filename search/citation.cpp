#include "search/citation.hpp"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/URI.h>

#include <sstream>

namespace cqc::search {
namespace {

bool by_cqc(const Citation& c) { return c.kind == "report" || c.kind == "cqc-page" || c.kind == "cqc-press" || c.kind == "rating"; }

// Who published it: the CQC for its own documents, else the source's host.
std::string publisher(const Citation& c) {
  if (by_cqc(c)) return "Care Quality Commission";
  try {
    return Poco::URI(c.url).getHost();
  } catch (const Poco::Exception&) {
    return "";
  }
}

std::string joined(const std::vector<std::string>& items, const std::string& sep) {
  std::string out;
  for (const auto& s : items) out += (out.empty() ? "" : sep) + s;
  return out;
}

std::string inspection(const Citation& c) {
  if (c.inspected.empty()) return "";
  return c.inspected_end.empty() || c.inspected_end == c.inspected ? c.inspected : c.inspected + " to " + c.inspected_end;
}

std::string evidence(const Citation& c) {
  return "capture " + std::to_string(c.capture) + ", " + c.captured + "; WARC file " + c.warc_file + ", record " +
         c.record_id + "; SHA-256 " + c.sha256 + "; " + c.sha1;
}

std::string bib(const std::string& text) {
  std::string out;
  for (char ch : text) {
    if (ch == '{' || ch == '}' || ch == '\\' || ch == '%' || ch == '&' || ch == '#' || ch == '_' || ch == '$') out += '\\';
    out += ch;
  }
  return out;
}

// "2019-03-04" -> [[2019, 3, 4]] (CSL's date-parts; "2019-03" gives [[2019, 3]]).
Poco::JSON::Array::Ptr date_parts(const std::string& iso) {
  Poco::JSON::Array::Ptr parts = new Poco::JSON::Array;
  std::istringstream in(iso.substr(0, 10));
  for (std::string piece; parts->size() < 3 && std::getline(in, piece, '-');) {
    try {
      parts->add(std::stoi(piece));
    } catch (const std::exception&) {
      break;
    }
  }
  Poco::JSON::Array::Ptr outer = new Poco::JSON::Array;
  outer->add(parts);
  return outer;
}

}  // namespace

std::string cite_text(const Citation& c) {
  std::string out;
  if (!c.trusts.empty()) out += joined(c.trusts, "; ") + ". ";
  out += "\u201c" + c.title + ".\u201d " + publisher(c);
  if (!c.published.empty()) out += ", published " + c.published;
  if (!inspection(c).empty()) out += "; inspected " + inspection(c);
  if (c.page) out += ", page " + std::to_string(c.page);
  out += ". " + c.url + ". Archived copy: " + c.permalink + " (" + evidence(c) + ").";
  return out;
}

std::string cite_bibtex(const Citation& c) {
  std::string out = std::string(c.kind == "report" ? "@techreport" : "@misc") + "{cqc-" + c.id + "-" + std::to_string(c.capture) + ",\n";
  auto field = [&](const char* name, const std::string& value) {
    if (!value.empty()) out += std::string("  ") + name + " = {" + value + "},\n";
  };
  field("title", "{" + bib(c.title) + "}");  // double braces keep its capitals
  field(c.kind == "report" ? "institution" : "organization", "{" + bib(publisher(c)) + "}");
  if (!c.published.empty()) field("year", c.published.substr(0, 4));
  field("date", c.published);
  field("url", c.url);
  field("urldate", c.captured.substr(0, 10));
  if (c.page) field("pages", std::to_string(c.page));
  std::string note = "Archived copy " + c.permalink + " (" + evidence(c) + ")";
  if (!c.trusts.empty()) note = "About " + joined(c.trusts, "; ") + ". " + note;
  if (!inspection(c).empty()) note = "Inspected " + inspection(c) + ". " + note;
  field("note", bib(note));
  out += "}\n";
  return out;
}

std::string cite_csl_json(const Citation& c) {
  using Poco::JSON::Array;
  using Poco::JSON::Object;
  Object::Ptr item = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
  item->set("id", "cqc-" + c.id + "-" + std::to_string(c.capture));
  item->set("type", c.kind == "report" ? "report" : (c.kind == "press" ? "article-newspaper" : "webpage"));
  item->set("title", c.title);
  Array::Ptr author = new Array;
  Object::Ptr who = new Object;
  who->set("literal", publisher(c));
  author->add(who);
  item->set("author", author);
  item->set("publisher", publisher(c));
  if (!c.published.empty()) {
    Object::Ptr issued = new Object;
    issued->set("date-parts", date_parts(c.published));
    item->set("issued", issued);
  }
  Object::Ptr accessed = new Object;
  accessed->set("date-parts", date_parts(c.captured.substr(0, 10)));
  item->set("accessed", accessed);
  item->set("URL", c.url);
  item->set("archive", "cqc-archive");
  item->set("archive_location", c.permalink);
  if (c.page) item->set("page", std::to_string(c.page));
  std::string note = evidence(c);
  if (!c.trusts.empty()) note = "About " + joined(c.trusts, "; ") + ". " + note;
  if (!inspection(c).empty()) note = "Inspected " + inspection(c) + ". " + note;
  item->set("note", note);
  Array list;
  list.add(item);
  std::ostringstream out;
  list.stringify(out);
  return out.str();
}

}  // namespace cqc::search
