// /api/export: every match of a search, streamed as CSV or JSON (chunked), in result order.
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>

#include <ostream>

#include "core/gazetteer.hpp"
#include "core/schema.hpp"
#include "search/http/handlers.hpp"
#include "search/http/params.hpp"
#include "search/query.hpp"

namespace cqc::search::http {
namespace {

using Poco::JSON::Object;

const char* const kColumns[] = {"id", "title", "url", "kind", "trusts", "trust_names", "services",
                                "ratings", "overall_rating", "inspected", "inspected_end",
                                "published", "year", "original"};

// One CSV field: quoted when it holds a separator, quote or line break; a leading = + - @
// gets a ' so spreadsheets do not run it as a formula (OWASP's CSV-injection advice).
std::string csv_field(std::string v) {
  if (!v.empty() && (v[0] == '=' || v[0] == '+' || v[0] == '-' || v[0] == '@')) v.insert(0, "'");
  if (v.find_first_of(",\"\r\n") == std::string::npos) return v;
  std::string out = "\"";
  for (char c : v) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::vector<std::string> list(const Object::Ptr& d, const char* key) {
  std::vector<std::string> out;
  auto a = d->getArray(key);
  for (size_t i = 0; a && i < a->size(); ++i) out.push_back(a->getElement<std::string>(static_cast<unsigned>(i)));
  return out;
}

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& i : items) out += (out.empty() ? "" : "; ") + i;
  return out;
}

// The exported fields of one document, in kColumns order (lists as arrays).
Object::Ptr row(const Object::Ptr& d) {
  Object::Ptr o = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
  const std::string id = d->optValue<std::string>("id", "");
  o->set("id", id);
  o->set("title", d->optValue<std::string>("title", ""));
  o->set("url", d->optValue<std::string>("uri", ""));
  o->set("kind", d->optValue<std::string>("kind", ""));
  Poco::JSON::Array::Ptr trusts = new Poco::JSON::Array, names = new Poco::JSON::Array;
  for (const auto& code : list(d, "trusts")) {
    const auto* t = core::Gazetteer::builtin().trust_by_code(code);
    trusts->add(code);
    names->add(t ? t->name : code);
  }
  o->set("trusts", trusts);
  o->set("trust_names", names);
  for (const char* key : {"services", "ratings"}) {
    Poco::JSON::Array::Ptr a = new Poco::JSON::Array;
    for (const auto& v : list(d, key)) a->add(v);
    o->set(key, a);
  }
  for (const char* key : {"overall_rating", "inspected", "inspected_end", "published"}) {
    const std::string v = d->optValue<std::string>(key, "");
    o->set(key, v.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(v));
  }
  const int year = d->optValue<int>("year", 0);
  o->set("year", year ? Poco::Dynamic::Var(year) : Poco::Dynamic::Var());
  o->set("original", "/documents/" + id + "/original");
  return o;
}

void write_csv(std::ostream& out, const Object::Ptr& r) {
  bool first = true;
  for (const char* key : kColumns) {
    const Poco::Dynamic::Var v = r->get(key);
    std::string text;
    if (r->isArray(key)) {
      std::vector<std::string> items;
      auto a = r->getArray(key);
      for (size_t i = 0; i < a->size(); ++i) items.push_back(a->getElement<std::string>(static_cast<unsigned>(i)));
      text = join(items);
    } else if (!v.isEmpty()) {
      text = v.toString();
    }
    out << (first ? "" : ",") << csv_field(text);
    first = false;
  }
  out << "\r\n";
}

}  // namespace

void handle_export(ReaderPool& pool, const Request& req, Response& resp) {
  const SearchParams p = parse_search_params(req.query, true);
  auto reader = pool.acquire();
  const Xapian::Stem stem("english");
  // The whole match set's document ids first (cheap; nothing is sent yet, so a discarded
  // revision is retried by the dispatcher), then each document's data.
  const std::vector<Xapian::docid> ids = [&] {
    Xapian::Database& db = reader->db;
    ParsedQuery pq = parse_request(p.request, db, stem);
    Xapian::Enquire enq(db);
    enq.set_query(pq.combined());
    if (p.request.sort != "relevance")
      enq.set_sort_by_value_then_relevance(schema::kSlotSortDate, p.request.sort == "newest");
    Xapian::MSet mset = enq.get_mset(0, db.get_doccount(), db.get_doccount());
    std::vector<Xapian::docid> out;
    for (auto it = mset.begin(); it != mset.end(); ++it) out.push_back(*it);
    return out;
  }();
  const bool csv = p.format == "csv";
  resp.setContentType(csv ? "text/csv; charset=utf-8" : "application/json; charset=utf-8");
  resp.set("Content-Disposition", std::string("attachment; filename=\"cqc-archive-export.") + p.format + "\"");
  resp.set("Cache-Control", "no-store");
  resp.set("X-Total-Count", std::to_string(ids.size()));
  resp.setChunkedTransferEncoding(true);
  std::ostream& out = resp.send();
  if (csv) {
    bool first = true;
    for (const char* key : kColumns) out << (first ? "" : ",") << key, first = false;
    out << "\r\n";
  } else {
    out << "[";
  }
  Poco::JSON::Parser parser;
  bool first = true;
  for (Xapian::docid id : ids) {
    std::string data;
    try {
      data = with_retry(reader->db, [&](Xapian::Database& db) { return db.get_document(id).get_data(); });
    } catch (const Xapian::DocNotFoundError&) {
      continue;  // replaced by a commit made while exporting
    }
    parser.reset();  // the metadata alone: no page of text is inflated
    Object::Ptr r = row(parser.parse(std::string(schema::DocumentData(std::move(data)).metadata())).extract<Object::Ptr>());
    if (csv) {
      write_csv(out, r);
    } else {
      out << (first ? "\n" : ",\n");
      r->stringify(out);
    }
    first = false;
    if (!out) return;  // the client went away
  }
  if (!csv) out << "\n]\n";
}

}  // namespace cqc::search::http
