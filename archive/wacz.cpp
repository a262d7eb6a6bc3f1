// write_wacz: a WARC file packaged for replay tools (WACZ 1.1.1).
#include <Poco/DateTime.h>
#include <Poco/DigestStream.h>
#include <Poco/JSON/Object.h>
#include <Poco/SHA2Engine.h>
#include <Poco/StreamCopier.h>
#include <Poco/Zip/Compress.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "archive/export.hpp"
#include "core/error.hpp"
#include "core/text.hpp"

namespace cqc::archive {
namespace {

// The Sort-friendly URI Reordering Transform replay indexes are sorted by:
// "https://www.Example.org:443/a?b" -> "org,example)/a?b" (host reversed, "www." and the
// default port dropped, lower case).
std::string surt(const std::string& url) {
  std::string u = core::to_lower(url);
  const std::size_t scheme = u.find("://");
  if (scheme != std::string::npos) u = u.substr(scheme + 3);
  const std::size_t slash = u.find_first_of("/?");
  std::string host = u.substr(0, slash), rest = slash == std::string::npos ? "/" : u.substr(slash);
  if (const std::size_t at = host.rfind('@'); at != std::string::npos) host = host.substr(at + 1);
  if (host.ends_with(":80") || host.ends_with(":443")) host = host.substr(0, host.rfind(':'));
  if (host.rfind("www.", 0) == 0) host = host.substr(4);
  std::string out;
  for (auto part : core::split(host, '.')) out = std::string(part) + (out.empty() ? "" : ",") + out;
  return out + ")" + rest;
}

// "2024-03-01T10:00:01Z" -> "20240301100001".
std::string timestamp14(const std::string& warc_date) {
  std::string digits;
  for (char c : warc_date)
    if (std::isdigit(static_cast<unsigned char>(c))) digits += c;
  return digits.substr(0, 14);
}

std::string json(const Poco::JSON::Object& o) {
  std::ostringstream out;
  o.stringify(out);
  return out.str();
}

std::string sha256_of_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  Poco::SHA2Engine engine(Poco::SHA2Engine::SHA_256);
  Poco::DigestOutputStream digest(engine);
  Poco::StreamCopier::copyStream(in, digest);
  digest.close();
  return "sha256:" + Poco::DigestEngine::digestToHex(engine.digest());
}

}  // namespace

void write_wacz(const std::string& out, const std::string& warc, const ExportSummary& sum,
                const std::vector<WaczPage>& pages, const std::string& title) {
  namespace fs = std::filesystem;
  // The index, one CDXJ line per record, sorted as replay tools binary-search it.
  std::vector<std::string> lines;
  for (const ExportedRecord& r : sum.written) {
    const Capture& c = r.capture;
    Poco::JSON::Object o(Poco::JSON_PRESERVE_KEY_ORDER);
    o.set("url", c.uri);
    o.set("mime", c.record_type == "revisit" ? std::string("warc/revisit") : c.mime);
    if (c.status) o.set("status", std::to_string(c.status));
    o.set("digest", c.digest);
    o.set("length", std::to_string(r.span.length));
    o.set("offset", std::to_string(r.span.offset));
    o.set("filename", std::string("data.warc.gz"));
    lines.push_back(surt(c.uri) + " " + timestamp14(c.time) + " " + json(o));
  }
  std::sort(lines.begin(), lines.end());
  std::string cdx;
  for (const auto& l : lines) cdx += l + "\n";
  Poco::JSON::Object header(Poco::JSON_PRESERVE_KEY_ORDER);
  header.set("format", std::string("json-pages-1.0"));
  header.set("id", std::string("pages"));
  header.set("title", title);
  std::string jsonl = json(header) + "\n";
  for (const WaczPage& p : pages) {
    Poco::JSON::Object o(Poco::JSON_PRESERVE_KEY_ORDER);
    o.set("url", p.url);
    o.set("ts", p.time);
    o.set("title", p.title);
    jsonl += json(o) + "\n";
  }
  // The text parts go through files so that their digests are of the bytes zipped.
  const std::string dir = out + ".parts";
  fs::create_directories(dir);
  std::ofstream(dir + "/index.cdx", std::ios::binary) << cdx;
  std::ofstream(dir + "/pages.jsonl", std::ios::binary) << jsonl;
  const std::vector<std::pair<std::string, std::string>> parts = {
      {"archive/data.warc.gz", warc}, {"indexes/index.cdx", dir + "/index.cdx"}, {"pages/pages.jsonl", dir + "/pages.jsonl"}};
  Poco::JSON::Object package(Poco::JSON_PRESERVE_KEY_ORDER);
  package.set("profile", std::string("data-package"));
  package.set("wacz_version", std::string("1.1.1"));
  package.set("title", title);
  package.set("software", std::string("cqc-archive/0.1.0"));
  package.set("created", timestamp14(warc_date(std::chrono::system_clock::now())));
  Poco::JSON::Array::Ptr resources = new Poco::JSON::Array;
  for (const auto& [name, path] : parts) {
    Poco::JSON::Object::Ptr r = new Poco::JSON::Object(Poco::JSON_PRESERVE_KEY_ORDER);
    r->set("name", fs::path(name).filename().string());
    r->set("path", name);
    r->set("hash", sha256_of_file(path));
    r->set("bytes", static_cast<std::uint64_t>(fs::file_size(path)));
    resources->add(r);
  }
  package.set("resources", resources);
  std::ofstream(dir + "/datapackage.json", std::ios::binary) << json(package);
  const std::string part = out + ".part";
  {
    std::ofstream zip_out(part, std::ios::binary | std::ios::trunc);
    if (!zip_out) throw core::Error("cannot write " + part);
    Poco::Zip::Compress zip(zip_out, true);
    // The WARC file is stored, not deflated again: replay tools read records by offset.
    zip.addFile(Poco::Path(warc), Poco::Path("archive/data.warc.gz"), Poco::Zip::ZipCommon::CM_STORE);
    zip.addFile(Poco::Path(dir + "/index.cdx"), Poco::Path("indexes/index.cdx"));
    zip.addFile(Poco::Path(dir + "/pages.jsonl"), Poco::Path("pages/pages.jsonl"));
    zip.addFile(Poco::Path(dir + "/datapackage.json"), Poco::Path("datapackage.json"));
    zip.close();
    zip_out.flush();
    if (!zip_out) throw core::Error("cannot write " + part + " (disk full?)");
  }
  std::error_code ec;
  fs::remove_all(dir, ec);
  fs::rename(part, out, ec);
  if (ec) throw core::Error("cannot write " + out + ": " + ec.message());
}

}  // namespace cqc::archive
