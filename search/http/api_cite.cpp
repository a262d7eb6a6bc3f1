// GET /api/documents/{id}/cite: a citation of one capture of a document (search/citation.hpp)
// as plain text, BibTeX or CSL-JSON, with the SHA-256 of the archived payload computed from
// the WARC record (the catalog keeps its SHA-1) and a permalink to that capture on this server.
#include <Poco/DigestEngine.h>
#include <Poco/JSON/Array.h>
#include <Poco/SHA2Engine.h>

#include <charconv>

#include "archive/archive.hpp"
#include "core/gazetteer.hpp"
#include "search/citation.hpp"
#include "search/http/handlers.hpp"

namespace cqc::search::http {
namespace {

long long number(const std::string& name, const std::string& value, long long max) {
  long long n = 0;
  const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
  if (ec != std::errc() || end != value.data() + value.size() || n <= 0 || n > max)
    throw HttpError(400, "parameter '" + name + "' must be a number from 1 to " + std::to_string(max));
  return n;
}

}  // namespace

void handle_cite(ReaderPool& pool, const Request& req, Response& resp) {
  std::string format = "text";
  long long wanted = 0, page = 0;
  for (const auto& [name, value] : req.query) {
    if (name == "format") format = value;
    else if (name == "capture") wanted = number(name, value, 1ll << 62);
    else if (name == "page") page = number(name, value, 100000);
    else throw HttpError(400, "unknown parameter '" + name.substr(0, 40) + "'");
  }
  if (format != "text" && format != "bibtex" && format != "csl-json")
    throw HttpError(400, "parameter 'format' must be text, bibtex or csl-json");
  auto reader = pool.acquire();
  const std::string& id = req.captures.at(0);
  const Poco::JSON::Object::Ptr d = document_data(reader->db, id);
  const archive::Capture capture = document_capture(reader.archive(), d, wanted);
  auto stored = reader.archive().stored_payload(capture);
  if (!stored) throw HttpError(500, "the archived record could not be read");
  Poco::SHA2Engine sha256(Poco::SHA2Engine::SHA_256);
  sha256.update(stored->bytes.data(), static_cast<unsigned>(stored->bytes.size()));

  Citation c;
  c.id = id;
  c.title = d->optValue<std::string>("title", "");
  if (auto codes = d->getArray("trusts"))
    for (unsigned i = 0; i < codes->size(); ++i) {
      const auto* t = core::Gazetteer::builtin().trust_by_code(codes->getElement<std::string>(i));
      c.trusts.push_back(t ? t->name : codes->getElement<std::string>(i));
    }
  c.kind = d->optValue<std::string>("kind", "");
  c.published = d->optValue<std::string>("published", "");
  c.inspected = d->optValue<std::string>("inspected", "");
  c.inspected_end = d->optValue<std::string>("inspected_end", "");
  c.url = d->optValue<std::string>("uri", "");
  c.captured = capture.time;
  c.capture = capture.id;
  c.sha256 = Poco::DigestEngine::digestToHex(sha256.digest());
  c.sha1 = capture.digest;
  c.warc_file = capture.warc_file;
  c.record_id = capture.record_id;
  c.page = static_cast<int>(page);
  const std::string host = req.raw.getHost().empty() ? "localhost" : req.raw.getHost();
  c.permalink = "http://" + host + "/documents/" + id + "/original?capture=" + std::to_string(capture.id) +
                (page ? "#page=" + std::to_string(page) : "");

  std::string body, type, ext;
  if (format == "text") body = cite_text(c) + "\n", type = "text/plain; charset=utf-8", ext = "txt";
  else if (format == "bibtex") body = cite_bibtex(c), type = "application/x-bibtex; charset=utf-8", ext = "bib";
  else body = cite_csl_json(c), type = "application/vnd.citationstyles.csl+json", ext = "json";
  resp.setContentType(type);
  resp.set("Content-Disposition", "inline; filename=\"cqc-" + id + "." + ext + "\"");
  resp.set("Cache-Control", "no-cache");
  resp.sendBuffer(body.data(), body.size());
}

}  // namespace cqc::search::http
