#include "search/export_rows.hpp"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>

#include <ostream>

#include "core/gazetteer.hpp"
#include "core/schema.hpp"
#include "search/document_data.hpp"
#include "search/query.hpp"

namespace cqc::search {
namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;


Array::Ptr strings(const Object::Ptr& d, const char* key) {
  Array::Ptr out = new Array;
  if (auto a = d->getArray(key))
    for (std::size_t i = 0; i < a->size(); ++i) out->add(a->getElement<std::string>(static_cast<unsigned>(i)));
  return out;
}

std::string rating_name(const std::string& id) {
  const auto* r = core::Gazetteer::builtin().rating_by_id(id);
  return r ? r->name : id;
}

// "Acute wards ...: Inadequate" per stored service rating; "Safe: Inadequate" per key question.
Array::Ptr named_ratings(const Object::Ptr& d, const char* key, bool questions) {
  Array::Ptr out = new Array;
  const auto& g = core::Gazetteer::builtin();
  if (auto a = d->getArray(key))
    for (std::size_t i = 0; i < a->size(); ++i) {
      auto x = a->getObject(static_cast<unsigned>(i));
      const std::string what = x->optValue<std::string>(questions ? "question" : "service", "");
      std::string name = what;
      if (questions) {
        for (const auto& q : g.questions())
          if (q.id == what) name = q.name;
      } else if (const auto* s = g.service_by_id(what)) {
        name = s->name;
      }
      out->add(name + ": " + rating_name(x->optValue<std::string>("rating", "")));
    }
  return out;
}

Poco::Dynamic::Var text_or_null(const Object::Ptr& d, const char* key) {
  const std::string v = d->optValue<std::string>(key, "");
  return v.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(v);
}

}  // namespace

std::string csv_field(std::string v) {
  if (!v.empty() && (v[0] == '=' || v[0] == '+' || v[0] == '-' || v[0] == '@')) v.insert(0, "'");
  if (v.find_first_of(",\"\r\n") == std::string::npos) return v;
  std::string out = "\"";
  for (char c : v) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

const std::vector<std::string> kExportColumns = {
    "id", "title", "url", "kind", "trusts", "trust_names", "services", "ratings", "overall_rating",
    "service_ratings", "key_question_ratings", "inspected", "inspected_end", "published", "year", "captured",
    "capture", "digest", "document", "original"};

std::vector<Xapian::docid> all_matches(const Xapian::Database& db, const SearchRequest& request) {
  const Xapian::Stem stem("english");
  const ParsedQuery pq = parse_request(request, db, stem);
  Xapian::Enquire enq(db);
  enq.set_query(pq.combined());
  if (request.sort != "relevance") enq.set_sort_by_value_then_relevance(schema::kSlotSortDate, request.sort == "newest");
  const Xapian::MSet mset = enq.get_mset(0, db.get_doccount(), db.get_doccount());
  std::vector<Xapian::docid> out;
  out.reserve(mset.size());
  for (auto it = mset.begin(); it != mset.end(); ++it) out.push_back(*it);
  return out;
}

Object::Ptr export_row(const Object::Ptr& d, const std::string& link_base) {
  Object::Ptr o = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
  const std::string id = d->optValue<std::string>("id", "");
  o->set("id", id);
  o->set("title", d->optValue<std::string>("title", ""));
  o->set("url", d->optValue<std::string>("uri", ""));
  o->set("kind", d->optValue<std::string>("kind", ""));
  Array::Ptr codes = strings(d, "trusts"), names = new Array;
  for (std::size_t i = 0; i < codes->size(); ++i) {
    const std::string code = codes->getElement<std::string>(static_cast<unsigned>(i));
    const auto* t = core::Gazetteer::builtin().trust_by_code(code);
    names->add(t ? t->name : code);
  }
  o->set("trusts", codes);
  o->set("trust_names", names);
  o->set("services", strings(d, "services"));
  o->set("ratings", strings(d, "ratings"));
  o->set("overall_rating", text_or_null(d, "overall_rating"));
  o->set("service_ratings", named_ratings(d, "service_ratings", false));
  o->set("key_question_ratings", named_ratings(d, "key_question_ratings", true));
  for (const char* key : {"inspected", "inspected_end", "published"}) o->set(key, text_or_null(d, key));
  const int year = d->optValue<int>("year", 0);
  o->set("year", year ? Poco::Dynamic::Var(year) : Poco::Dynamic::Var());
  o->set("captured", text_or_null(d, "captured"));
  const auto capture = d->optValue<std::int64_t>("capture_id", 0);
  o->set("capture", capture ? Poco::Dynamic::Var(capture) : Poco::Dynamic::Var());
  o->set("digest", text_or_null(d, "digest"));
  o->set("document", link_base + "/documents/" + id);
  o->set("original", link_base + "/documents/" + id + "/original" + (capture ? "?capture=" + std::to_string(capture) : ""));
  return o;
}

Object::Ptr export_row(const Xapian::Database& db, Xapian::docid docid, const std::string& link_base) {
  Poco::JSON::Parser parser;
  const schema::DocumentData data = stored_document(db.get_document(docid));
  return export_row(parser.parse(std::string(data.metadata())).extract<Object::Ptr>(), link_base);
}

void write_csv_header(std::ostream& out) {
  for (std::size_t i = 0; i < kExportColumns.size(); ++i) out << (i ? "," : "") << kExportColumns[i];
  out << "\r\n";
}

void write_csv_row(std::ostream& out, const Object::Ptr& r) {
  bool first = true;
  for (const std::string& key : kExportColumns) {
    std::string text;
    if (r->isArray(key)) {
      auto a = r->getArray(key);
      for (std::size_t i = 0; i < a->size(); ++i) text += (i ? "; " : "") + a->getElement<std::string>(static_cast<unsigned>(i));
    } else if (const Poco::Dynamic::Var v = r->get(key); !v.isEmpty()) {
      text = v.toString();
    }
    out << (first ? "" : ",") << csv_field(text);
    first = false;
  }
  out << "\r\n";
}

}  // namespace cqc::search
