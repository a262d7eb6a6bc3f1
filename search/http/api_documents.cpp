// /api/documents/{id} and /documents/{id}/original: one document and its archived bytes.
#include <Poco/JSON/Array.h>
#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/DateTimeParser.h>
#include <Poco/JSON/Parser.h>
#include <Poco/URI.h>

#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <sstream>

#include "archive/http_message.hpp"
#include "core/gazetteer.hpp"
#include "core/schema.hpp"
#include "core/text.hpp"
#include "search/document_data.hpp"
#include "search/http/conditional.hpp"
#include "search/http/handlers.hpp"

namespace cqc::search::http {
namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

// Stored text one answer carries at most (plus the rest of the page that crosses it).
constexpr std::size_t kMaxTextPerAnswer = 2u << 20;

bool valid_id(const std::string& id) {
  if (id.size() != 16) return false;
  for (char c : id)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  return true;
}

// Current names of the trusts with codes IDS (the code itself when unknown).
Array::Ptr trust_names(const Array::Ptr& ids) {
  Array::Ptr out = new Array;
  for (size_t i = 0; ids && i < ids->size(); ++i) {
    const std::string code = ids->getElement<std::string>(static_cast<unsigned>(i));
    const auto* t = core::Gazetteer::builtin().trust_by_code(code);
    out->add(t ? t->name : code);
  }
  return out;
}

// Per-service ratings with display names, in search::to_json's shape.
Array::Ptr service_ratings(const Array::Ptr& stored) {
  const auto& g = core::Gazetteer::builtin();
  Array::Ptr out = new Array;
  for (size_t i = 0; stored && i < stored->size(); ++i) {
    auto x = stored->getObject(static_cast<unsigned>(i));
    const std::string service = x->optValue<std::string>("service", ""), rating = x->optValue<std::string>("rating", "");
    const auto* s = g.service_by_id(service);
    const auto* r = g.rating_by_id(rating);
    Object::Ptr o = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    o->set("service", service);
    o->set("name", s ? s->name : service);
    o->set("rating", rating);
    o->set("rating_name", r ? r->name : rating);
    out->add(o);
  }
  return out;
}

// Key-question ratings as in a search hit: {"safe":"good", ...}, first rating per question.
Object::Ptr key_question_ratings(const Array::Ptr& stored) {
  Object::Ptr out = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
  for (size_t i = 0; stored && i < stored->size(); ++i) {
    auto x = stored->getObject(static_cast<unsigned>(i));
    const std::string question = x ? x->optValue<std::string>("question", "") : "";
    if (!question.empty() && !out->has(question)) out->set(question, x->optValue<std::string>("rating", ""));
  }
  return out;
}

Object::Ptr capture_json(const archive::Capture& c) {
  Object::Ptr o = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
  o->set("capture", c.id);
  o->set("time", c.time);
  o->set("record_type", c.record_type);
  o->set("status", c.status);
  o->set("mime", c.mime);
  o->set("size", c.size);
  o->set("digest", c.digest);
  o->set("record_id", c.record_id);
  return o;
}

Object::Ptr metadata_object(const schema::DocumentData& data) {
  Poco::JSON::Parser parser;
  return parser.parse(std::string(data.metadata())).extract<Object::Ptr>();
}

}  // namespace

// The document with id ID (HttpError 400 / 404 as document_data).
Xapian::Document find_document(Xapian::Database& database, const std::string& id) {
  if (!valid_id(id)) throw HttpError(400, "document id must be 16 lower-case hex digits");
  const std::string term = std::string(schema::kUniqueId) + id;
  auto p = database.postlist_begin(term);
  if (p == database.postlist_end(term)) throw HttpError(404, "no document with id " + id);
  return database.get_document(*p);
}

Object::Ptr document_data(Xapian::Database& database, const std::string& id) {
  return metadata_object(stored_document(find_document(database, id)));
}

TextWindow text_window(const Request& req, std::string_view also_allowed) {
  TextWindow w;
  bool seen_from = false, seen_pages = false;
  for (const auto& [name, value] : req.query) {
    const bool is_from = name == "from";
    if (!also_allowed.empty() && name == also_allowed) continue;
    if (!is_from && name != "pages") throw HttpError(400, "unknown parameter '" + name.substr(0, 40) + "'");
    bool& seen = is_from ? seen_from : seen_pages;
    std::size_t& n = is_from ? w.from : w.pages;
    const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
    if (seen || ec != std::errc() || end != value.data() + value.size() || (!is_from && (n == 0 || n > 100000)))
      throw HttpError(400, is_from ? "parameter 'from' must be one page index (0, 1, ...)"
                                   : "parameter 'pages' must be one number from 1 to 100000");
    seen = true;
  }
  return w;
}

Object::Ptr document_object(const ReaderPool::Lease& reader, const std::string& id, const TextWindow& window) {
  const Xapian::Document doc = find_document(reader->db, id);
  const schema::DocumentData data = stored_document(doc);
  Object::Ptr d = metadata_object(data);
  Object::Ptr result = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
  Object& out = *result;
  for (const char* key : {"id", "title", "kind", "mime", "format"}) out.set(key, d->optValue<std::string>(key, ""));
  out.set("url", d->optValue<std::string>("uri", ""));
  out.set("trusts", d->getArray("trusts") ? d->getArray("trusts") : Array::Ptr(new Array));
  out.set("trust_names", trust_names(d->getArray("trusts")));
  out.set("mentioned_trusts", d->getArray("mentioned_trusts") ? d->getArray("mentioned_trusts") : Array::Ptr(new Array));
  for (const char* key : {"location", "location_id"}) {
    const std::string v = d->optValue<std::string>(key, "");
    out.set(key, v.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(v));
  }
  for (const char* key : {"services", "ratings"}) out.set(key, d->getArray(key) ? d->getArray(key) : Array::Ptr(new Array));
  out.set("service_ratings", service_ratings(d->getArray("service_ratings")));
  out.set("key_question_ratings", key_question_ratings(d->getArray("key_question_ratings")));
  for (const char* key : {"overall_rating", "inspected", "inspected_end", "published"}) {
    const std::string v = d->optValue<std::string>(key, "");
    out.set(key, v.empty() ? Poco::Dynamic::Var() : Poco::Dynamic::Var(v));
  }
  const int year = d->optValue<int>("year", 0);
  out.set("year", year ? Poco::Dynamic::Var(year) : Poco::Dynamic::Var());
  out.set("provenance", d->getObject("provenance") ? d->getObject("provenance") : Object::Ptr(new Object));
  out.set("original", "/documents/" + id + "/original");
  // Whether the source still serves it, and the versions of its text (indexer/versions.hpp).
  out.set("removed", d->getObject("removed") ? Poco::Dynamic::Var(d->getObject("removed")) : Poco::Dynamic::Var());
  out.set("versions", d->getArray("versions") ? d->getArray("versions") : Array::Ptr(new Array));
  // Text by page, from the stored blocks (core/schema.hpp), kMaxTextPerAnswer at a time.
  schema::PageRange range = data.pages(
      [&](size_t i) { return doc.get_value(schema::kSlotText + static_cast<unsigned>(i)); }, window.from,
      kMaxTextPerAnswer);
  if (window.pages && range.pages.size() > window.pages) {  // (reads a little more than needed)
    range.next = window.from + window.pages;
    range.pages.resize(window.pages);
  }
  Array::Ptr pages = new Array;
  for (const schema::PageText& page : range.pages) {
    Object::Ptr p = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
    p->set("page", page.number);
    p->set("text", page.text);
    if (page.cut) p->set("text_cut", true);
    pages->add(p);
  }
  out.set("pages", pages);
  out.set("pages_total", range.total);
  out.set("pages_from", std::min(window.from, range.total));
  out.set("next", range.next < range.total
                      ? Poco::Dynamic::Var("/api/documents/" + id + "?from=" + std::to_string(range.next) +
                                           (window.pages ? "&pages=" + std::to_string(window.pages) : ""))
                      : Poco::Dynamic::Var());
  Array::Ptr captures = new Array;
  for (const auto& c : reader.archive().catalog().history(d->optValue<std::string>("uri", "")))
    captures->add(capture_json(c));
  out.set("captures", captures);
  return result;
}

void handle_document(ReaderPool& pool, const Request& req, Response& resp) {
  const TextWindow window = text_window(req);
  auto reader = pool.acquire();
  std::ostringstream s;
  document_object(reader, req.captures.at(0), window)->stringify(s);
  send_json(resp, s.str());
}

namespace {

// The file name a download of the original gets: the last segment of URI's path when it is a
// plain name (letters, digits, "._-"), else the document id with an extension for MIME.
std::string download_name(const std::string& uri, const std::string& id, const std::string& mime) {
  std::string path;
  try {
    path = Poco::URI(uri).getPath();
  } catch (const Poco::Exception&) {
  }
  std::string name = path.substr(path.find_last_of('/') + 1);
  const bool plain = !name.empty() && name.size() <= 120 && name.front() != '.' &&
                     name.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-") ==
                         std::string::npos;
  if (plain) return name;
  if (mime.rfind("application/pdf", 0) == 0) return id + ".pdf";
  if (mime.rfind("text/html", 0) == 0) return id + ".html";
  return id;
}

// An ISO 8601 time ("2026-12-02T00:46:28Z") as an HTTP date ("Wed, 02 Dec 2026 00:46:28
// GMT"); "" when it does not parse.
std::string http_date(const std::string& iso) {
  try {
    int tz = 0;
    const Poco::DateTime t = Poco::DateTimeParser::parse(Poco::DateTimeFormat::ISO8601_FORMAT, iso, tz);
    return Poco::DateTimeFormatter::format(Poco::Timestamp(t.timestamp() - Poco::Timespan(tz, 0).totalMicroseconds()),
                                           Poco::DateTimeFormat::HTTP_FORMAT);
  } catch (const Poco::Exception&) {
    return "";
  }
}

// Originals inflated for a client that cannot take their coding: at most this many bytes.
constexpr std::uint64_t kMaxInflated = 64ull << 20;

}  // namespace

archive::Capture document_capture(const archive::Archive& archive, const Object::Ptr& d, std::int64_t wanted) {
  const std::string id = d->optValue<std::string>("id", "");
  const auto history = archive.catalog().history(d->optValue<std::string>("uri", ""));
  // By default the capture the document was built from (not a later 404 or redirect).
  const archive::Capture* chosen = history.empty() ? nullptr : &history.back();
  for (const auto& c : history)
    if (c.id == d->optValue<std::int64_t>("capture_id", 0)) chosen = &c;
  if (wanted) {
    chosen = nullptr;
    for (const auto& c : history)
      if (c.id == wanted) chosen = &c;
    if (!chosen) throw HttpError(404, "document " + id + " has no capture " + std::to_string(wanted));
  }
  if (!chosen) throw HttpError(404, "no archived capture of document " + id);
  return *chosen;
}

void handle_original(ReaderPool& pool, const Request& req, Response& resp) {
  std::int64_t wanted = 0;
  for (const auto& [name, value] : req.query) {
    auto [p, ec] = std::from_chars(value.data(), value.data() + value.size(), wanted);
    if (name != "capture") throw HttpError(400, "unknown parameter '" + name.substr(0, 40) + "'");
    if (ec != std::errc() || p != value.data() + value.size() || wanted <= 0)
      throw HttpError(400, "parameter 'capture' must be a capture number");
  }
  auto reader = pool.acquire();
  const std::string& id = req.captures.at(0);
  Object::Ptr d = document_data(reader->db, id);
  const auto found = document_capture(reader.archive(), d, wanted);
  const archive::Capture* chosen = &found;
  // A capture's bytes never change: its digest is a strong validator (per coding sent).
  const bool gzip_ok = accepts_coding(req.raw.get("Accept-Encoding", ""), "gzip");
  const std::string etag = "\"" + chosen->digest.substr(chosen->digest.find(':') + 1) + (gzip_ok ? "-z" : "") + "\"";
  resp.set("ETag", etag);
  resp.set("Vary", "Accept-Encoding");
  if (const std::string when = http_date(chosen->time); !when.empty()) resp.set("Last-Modified", when);
  if (not_modified(etag)) {
    resp.setStatusAndReason(Poco::Net::HTTPResponse::HTTP_NOT_MODIFIED);
    resp.setContentLength(0);
    resp.send();
    return;
  }
  // Compressed as the site sent it, passed on compressed to a client that takes that coding
  // (a decompression bomb costs its compressed size); inflated, at most kMaxInflated, for
  // one that does not.
  auto stored = reader.archive().stored_payload(*chosen);
  if (!stored) {
    std::fprintf(stderr, "serve: original of %s: %s\n", id.c_str(), stored.error().c_str());
    throw HttpError(500, "the archived record could not be read");
  }
  std::string coding = stored->content_encoding;
  if (!coding.empty() && !accepts_coding(req.raw.get("Accept-Encoding", ""), coding)) {
    auto plain = archive::decode_content(stored->bytes, coding, kMaxInflated);
    if (!plain) throw HttpError(502, "the archived original cannot be decoded without its " + coding + " coding (" + plain.error() + "); ask with Accept-Encoding: " + coding);
    stored->bytes = std::move(plain.value());
    coding.clear();
  }
  if (!coding.empty()) {
    resp.set("Content-Encoding", coding);
    resp.set("Vary", "Accept-Encoding");
  }
  const auto& bytes = stored;
  std::string mime = chosen->mime.empty() ? d->optValue<std::string>("mime", "") : chosen->mime;
  if (mime.empty()) mime = "application/octet-stream";
  resp.setContentType(mime);
  // What it is, in Memento's terms (RFC 7089): when it was captured and what it is a copy of;
  // and a real file name for a download.
  const std::string uri = d->optValue<std::string>("uri", "");
  resp.set("Content-Disposition", "inline; filename=\"" + download_name(uri, id, mime) + "\"");
  if (const std::string when = http_date(chosen->time); !when.empty()) resp.set("Memento-Datetime", when);
  if (!uri.empty() && uri.find_first_of("<>\"\r\n ") == std::string::npos)
    resp.set("Link", "<" + uri + ">; rel=\"original\"");
  resp.set("Cache-Control", "private, max-age=300");
  resp.set("X-Archive-Capture", std::to_string(chosen->id));
  resp.set("X-Archive-Captured", chosen->time);
  resp.set("X-Archive-Digest", chosen->digest);
  // Archived pages are evidence, not code: they must never run script on this origin.
  if (mime.rfind("application/pdf", 0) != 0) resp.set("Content-Security-Policy", "sandbox; default-src 'none'; img-src data:; style-src 'unsafe-inline'");
  resp.sendBuffer(bytes->bytes.data(), bytes->bytes.size());
}

}  // namespace cqc::search::http
