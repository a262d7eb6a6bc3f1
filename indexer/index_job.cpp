#include "indexer/index_job.hpp"

#include <cstdio>
#include <optional>

#include <xapian.h>

#include "core/error.hpp"
#include "indexer/document_builder.hpp"
#include "indexer/extract_cqc_api.hpp"
#include "indexer/metadata.hpp"
#include "indexer/worker_pool.hpp"

namespace cqc::indexer {
namespace {

void put(std::string& out, std::uint64_t n) {
  for (int i = 0; i < 8; ++i) out.push_back(static_cast<char>((n >> (8 * i)) & 0xff));
}
void put(std::string& out, const std::string& s) {
  put(out, static_cast<std::uint64_t>(s.size()));
  out += s;
}

class Reader {
 public:
  explicit Reader(const std::string& bytes) : s_(bytes) {}
  std::uint64_t number() {
    need(8);
    std::uint64_t n = 0;
    for (int i = 7; i >= 0; --i) n = (n << 8) | static_cast<unsigned char>(s_[pos_ + i]);
    pos_ += 8;
    return n;
  }
  std::string text() {
    const std::uint64_t n = number();
    need(n);
    std::string out = s_.substr(pos_, n);
    pos_ += n;
    return out;
  }
  void end() const {
    if (pos_ != s_.size()) throw core::Error("indexing job message has trailing bytes");
  }

 private:
  void need(std::uint64_t n) const {
    if (n > s_.size() - pos_) throw core::Error("indexing job message is truncated");
  }
  const std::string& s_;
  std::size_t pos_ = 0;
};

void put_capture(std::string& out, const archive::Capture& c) {
  put(out, static_cast<std::uint64_t>(c.id));
  for (const std::string* s : {&c.uri, &c.record_type, &c.digest, &c.mime, &c.warc_file, &c.record_id,
                               &c.time, &c.etag, &c.last_modified})
    put(out, *s);
  put(out, c.size);
  put(out, c.span.offset);
  put(out, c.span.length);
  put(out, static_cast<std::uint64_t>(c.refers_to));
  put(out, static_cast<std::uint64_t>(static_cast<std::int64_t>(c.status)));
}

archive::Capture get_capture(Reader& in) {
  archive::Capture c;
  c.id = static_cast<std::int64_t>(in.number());
  for (std::string* s : {&c.uri, &c.record_type, &c.digest, &c.mime, &c.warc_file, &c.record_id,
                         &c.time, &c.etag, &c.last_modified})
    *s = in.text();
  c.size = in.number();
  c.span.offset = in.number();
  c.span.length = in.number();
  c.refers_to = static_cast<std::int64_t>(in.number());
  c.status = static_cast<int>(static_cast<std::int64_t>(in.number()));
  return c;
}

// True for a site's robots.txt, which the fetcher archives but is no document.
bool is_robots_txt(const std::string& uri) {
  const std::string path = uri.substr(0, uri.find_first_of("?#"));
  return path.size() > 11 && path.ends_with("/robots.txt") && path.find("://") != std::string::npos &&
         path.find('/', path.find("://") + 3) == path.size() - 11;
}

}  // namespace

std::string encode_job(const IndexJob& job) {
  std::string out;
  put_capture(out, job.capture);
  put_capture(out, job.payload);
  put(out, job.api_metadata);
  put(out, static_cast<std::uint64_t>(job.source.removed_status));
  put(out, job.source.removed_since);
  put(out, static_cast<std::uint64_t>(job.versions.size()));
  for (const Version& v : job.versions) {
    put_capture(out, v.first);
    put_capture(out, v.payload);
  }
  return out;
}

IndexJob decode_job(const std::string& bytes) {
  Reader in(bytes);
  IndexJob job;
  job.capture = get_capture(in);
  job.payload = get_capture(in);
  job.api_metadata = in.text();
  job.source.removed_status = static_cast<int>(in.number());
  job.source.removed_since = in.text();
  const std::uint64_t versions = in.number();
  if (versions > kMaxVersions) throw core::Error("indexing job has too many versions");
  for (std::uint64_t i = 0; i < versions; ++i) {
    Version v;
    v.first = get_capture(in);
    v.payload = get_capture(in);
    job.versions.push_back(std::move(v));
  }
  in.end();
  return job;
}

std::string encode_result(const JobResult& r) {
  std::string out;
  out.reserve(r.document.size() + r.reason.size() + r.warning.size() + 48);
  put(out, static_cast<std::uint64_t>(r.outcome));
  put(out, r.reason);
  put(out, r.warning);
  put(out, r.text_bytes);
  put(out, r.document);
  return out;
}

JobResult decode_result(const std::string& bytes) {
  Reader in(bytes);
  JobResult r;
  const std::uint64_t outcome = in.number();
  if (outcome > static_cast<std::uint64_t>(JobResult::Outcome::unsupported))
    throw core::Error("indexing job answer has an unknown outcome");
  r.outcome = static_cast<JobResult::Outcome>(outcome);
  r.reason = in.text();
  r.warning = in.text();
  r.text_bytes = in.number();
  r.document = in.text();
  in.end();
  return r;
}

namespace {

std::string mib(std::size_t bytes) {
  char out[32];
  std::snprintf(out, sizeof out, "%.1f MiB", static_cast<double>(bytes) / (1 << 20));
  return out;
}

// The first kMaxMarkupBytes of BYTES, cut just before the last BOUNDARY character in them
// (a tag's '<' or a line end), so no tag or character is cut in half.
std::string_view markup_prefix(std::string_view bytes, char boundary) {
  std::string_view head = bytes.substr(0, kMaxMarkupBytes);
  const std::size_t at = head.rfind(boundary);
  return at == std::string_view::npos || at == 0 ? head : head.substr(0, at);
}

// Cuts DOC's text to kMaxExtractedText bytes (at a UTF-8 character boundary); returns the
// text's length before.
std::size_t cap_text(Extraction& doc) {
  std::size_t total = 0, kept = 0;
  for (Page& p : doc.pages) {
    total += p.text.size();
    if (kept + p.text.size() > kMaxExtractedText) {
      std::size_t room = kMaxExtractedText - kept;
      while (room > 0 && room < p.text.size() && (static_cast<unsigned char>(p.text[room]) & 0xC0) == 0x80) --room;
      p.text.resize(room);
      p.text.shrink_to_fit();
    }
    kept += p.text.size();
  }
  return total;
}

}  // namespace

Extracted extract_payload(const archive::Archive& archive, const archive::Capture& capture,
                          const archive::Capture& payload) {
  Extracted x;
  if (payload.record_type == "revisit") {  // its original is not in the catalog
    x.reason = "revisit " + payload.record_id + " refers to a missing capture";
    return x;
  }
  // A compressed body is inflated to at most kMaxDecoded (index_job.hpp).
  auto typed = archive.typed_payload(payload, kMaxDecoded);
  if (!typed) {
    x.reason = typed.error();
    return x;
  }
  x.bytes = std::move(typed->bytes);
  const Extractor* extractor = is_robots_txt(capture.uri) ? nullptr : extractor_for(capture.mime, x.bytes);
  if (!extractor) {
    x.unsupported = true;
    x.reason = is_robots_txt(capture.uri) ? "robots.txt is not a document" : "unsupported format \"" + capture.mime + "\"";
    return x;
  }
  // The archived Content-Type keeps its parameters (the charset); the catalog's mime does not.
  const std::string& type = typed->content_type.empty() ? capture.mime : typed->content_type;
  std::string_view input = x.bytes;
  if (input.size() > kMaxMarkupBytes && (extractor->name() == "html" || extractor->name() == "text")) {
    const std::size_t whole = x.bytes.size();
    x.bytes.resize(markup_prefix(input, extractor->name() == "html" ? '<' : '\n').size());
    x.bytes.shrink_to_fit();  // the rest is never read: its memory goes before extraction needs more
    input = x.bytes;
    x.warning = "only the first " + mib(input.size()) + " of " + mib(whole) + " were read";
  }
  auto doc = extractor->extract(input, type);
  if (!doc) {
    x.reason = doc.error();
    return x;
  }
  if (const std::size_t total = cap_text(doc.value()); total > kMaxExtractedText)
    x.warning += (x.warning.empty() ? "" : "; ") + std::string("text cut to ") + mib(kMaxExtractedText) + " of " + mib(total);
  x.doc = std::move(doc.value());
  return x;
}

namespace {

std::string fingerprint(const Extraction& doc) {
  std::vector<std::string> texts;
  for (const Page& p : doc.pages) texts.push_back(p.text);
  return text_fingerprint(texts);
}

// The versions of JOB's URI with their text changes: each earlier version's text is
// extracted and compared with the next one's; CURRENT is the last version's (the document's).
std::vector<VersionInfo> compare_versions(const archive::Archive& archive, const IndexJob& job,
                                          const Extraction& current) {
  std::vector<VersionInfo> out;
  std::vector<std::optional<std::string>> prints;
  for (std::size_t i = 0; i < job.versions.size(); ++i) {
    const Version& v = job.versions[i];
    if (i + 1 == job.versions.size()) {
      prints.push_back(fingerprint(current));
    } else {
      const Extracted x = extract_payload(archive, v.first, v.payload);
      prints.push_back(x.doc ? std::optional<std::string>(fingerprint(*x.doc)) : std::nullopt);
    }
    out.push_back({v.first.id, v.first.time, v.payload.digest, std::nullopt});
  }
  for (std::size_t i = 1; i < out.size(); ++i)
    if (prints[i - 1] && prints[i]) out[i].changed = *prints[i - 1] != *prints[i];
  return out;
}

}  // namespace

JobResult run_job(const archive::Archive& archive, const IndexJob& job) {
  JobResult r;
  test_fault_point(job.capture.uri);
  Extracted x = extract_payload(archive, job.capture, job.payload);
  r.warning = x.warning;
  if (!x.doc) {
    if (x.unsupported) r.outcome = JobResult::Outcome::unsupported;
    r.reason = x.reason;
    return r;
  }
  Extraction& doc = *x.doc;
  Metadata meta;
  if (doc.format == "cqc-api") {  // a location's ratings: every field from the API
    apply_api_metadata(api_rating_metadata_json(x.bytes), meta, job.capture.time);
  } else {
    meta = extract_metadata(doc, job.capture.uri);
    apply_api_metadata(job.api_metadata, meta, job.capture.time);
  }
  meta.versions = compare_versions(archive, job, doc);
  for (const std::string& w : meta.warnings) r.warning += (r.warning.empty() ? "" : "; ") + w;
  r.document = build_document(job.capture, doc, meta, job.source, job.api_metadata).serialise();
  for (const Page& p : doc.pages) r.text_bytes += p.text.size();
  r.outcome = JobResult::Outcome::indexed;
  return r;
}

}  // namespace cqc::indexer
