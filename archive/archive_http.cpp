// Archive::store_http: HTTP exchanges as WARC request, metadata, response/revisit records.
#include <chrono>
#include <filesystem>
#include <fstream>

#include "archive/archive.hpp"
#include "archive/digest.hpp"
#include "archive/http_message.hpp"
#include "core/error.hpp"
#include "core/text.hpp"

namespace fs = std::filesystem;

namespace cqc::archive {
namespace {

struct BodyDigests {
  std::string block;    // over response head + raw body
  std::string payload;  // over the entity (transfer coding removed when it is intact)
  std::uint64_t raw_size = 0;
  std::uint64_t entity_size = 0;
};

// Reads the body file once, in chunks, computing both digests without holding it in memory.
BodyDigests digest_body(const std::string& path, const std::string& head, bool chunked) {
  Sha1 block, payload, raw;
  block.update(head);
  Dechunker dechunker;
  bool framing_ok = true;
  BodyDigests d;
  if (!path.empty()) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw core::Error("cannot read response body " + path);
    std::string buf(1 << 16, '\0'), decoded;
    while (in) {
      in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
      std::string_view piece(buf.data(), static_cast<size_t>(in.gcount()));
      block.update(piece);
      raw.update(piece);
      d.raw_size += piece.size();
      if (chunked && framing_ok) {
        decoded.clear();
        framing_ok = dechunker.feed(piece, decoded);
        payload.update(decoded);
        d.entity_size += decoded.size();
      }
    }
  }
  d.block = block.warc_digest();
  // A broken chunked body is still archived as received; its digest covers the raw bytes.
  if (chunked && framing_ok && dechunker.done()) {
    d.payload = payload.warc_digest();
  } else {
    d.payload = raw.warc_digest();
    d.entity_size = d.raw_size;
  }
  return d;
}

// The newest capture of URI that holds (or refers to) a successful payload.
std::optional<Capture> previous_ok(const Catalog& catalog, const std::string& uri) {
  auto history = catalog.history(uri);
  for (auto it = history.rbegin(); it != history.rend(); ++it)
    if (it->status >= 200 && it->status < 300) return *it;
  return std::nullopt;
}

}  // namespace

ImportOutcome Archive::store_http(const HttpExchange& x) {
  auto head = parse_http_head(x.response_head);
  if (!head) throw core::Error(x.uri + ": " + head.error());
  const bool chunked = core::to_lower(head->get("Transfer-Encoding")).find("chunked") != std::string::npos;
  const BodyDigests body = digest_body(x.body_path, x.response_head, chunked);
  const std::string& payload_digest = body.payload;
  const auto now = std::chrono::system_clock::now();

  Capture c;
  c.uri = x.uri;
  c.status = head->status;
  c.time = warc_date(now);
  c.record_id = new_record_id();
  c.digest = payload_digest;
  c.size = body.entity_size;
  c.mime = media_type(head->get("Content-Type"));
  c.etag = head->get("ETag");
  c.last_modified = head->get("Last-Modified");

  ImportStatus status = ImportStatus::stored;
  WarcHeaders h{{"WARC-Type", "response"},
                {"WARC-Record-ID", c.record_id},
                {"WARC-Date", c.time},
                {"WARC-Target-URI", x.uri}};
  const std::string request_id = new_record_id();
  h.push_back({"WARC-Concurrent-To", request_id});
  if (!x.ip.empty()) h.push_back({"WARC-IP-Address", x.ip});

  auto previous = previous_ok(*catalog_, x.uri);
  const bool not_modified = head->status == 304 && previous;
  const bool same_payload = previous && head->status == previous->status && previous->digest == payload_digest;
  if (not_modified || same_payload) {
    status = ImportStatus::revisit;
    const Capture& original = previous->record_type == "revisit" ? *catalog_->get(previous->refers_to) : *previous;
    c.record_type = "revisit";
    c.refers_to = original.id;
    c.digest = original.digest;
    c.size = original.size;
    c.mime = original.mime;
    if (c.etag.empty()) c.etag = previous->etag;
    if (c.last_modified.empty()) c.last_modified = previous->last_modified;
    h[0].second = "revisit";
    h.push_back({"WARC-Profile", not_modified
                                     ? "http://netpreserve.org/warc/1.1/revisit/server-not-modified"
                                     : "http://netpreserve.org/warc/1.1/revisit/identical-payload-digest"});
    h.push_back({"WARC-Refers-To", original.record_id});
    h.push_back({"WARC-Refers-To-Target-URI", original.uri});
    h.push_back({"WARC-Refers-To-Date", original.time});
    if (same_payload) h.push_back({"WARC-Payload-Digest", payload_digest});
    // Headers only: the payload is in the referred record.
    h.push_back({"WARC-Block-Digest", warc_digest(x.response_head)});
  } else {
    c.record_type = "response";
    h.push_back({"WARC-Payload-Digest", payload_digest});
    h.push_back({"WARC-Block-Digest", body.block});
  }
  h.push_back({"Content-Type", "application/http;msgtype=response"});

  WarcAppender& out = appender();
  WarcHeaders req{{"WARC-Type", "request"},
                  {"WARC-Record-ID", request_id},
                  {"WARC-Date", c.time},
                  {"WARC-Target-URI", x.uri},
                  {"WARC-Concurrent-To", c.record_id},
                  {"WARC-Block-Digest", warc_digest(x.request_head)},
                  {"Content-Type", "application/http;msgtype=request"}};
  // One fsync for the whole exchange, after its last record (the response).
  out.append(format_head(req, x.request_head.size()), x.request_head, false);
  if (!x.metadata_json.empty()) {
    WarcHeaders meta{{"WARC-Type", "metadata"},
                     {"WARC-Record-ID", new_record_id()},
                     {"WARC-Date", c.time},
                     {"WARC-Target-URI", x.uri},
                     {"WARC-Refers-To", c.record_id},
                     {"WARC-Block-Digest", warc_digest(x.metadata_json)},
                     {"Content-Type", "application/json"}};
    out.append(format_head(meta, x.metadata_json.size()), x.metadata_json, false);
  }
  // The response goes last: the catalog row's span ends the exchange, so recovery after a
  // crash removes a half-written exchange whole.
  if (c.record_type == "revisit") {
    c.span = out.append(format_head(h, x.response_head.size()), x.response_head, !grouping());
  } else {
    std::ifstream in(x.body_path.empty() ? "/dev/null" : x.body_path, std::ios::binary);
    c.span = out.append(format_head(h, x.response_head.size() + body.raw_size) + x.response_head, in,
                        body.raw_size, !grouping());
  }
  if (grouping()) unsynced_ = true;
  c.warc_file = fs::path(out.path()).filename().string();
  begin_capture();
  c.id = catalog_->add(c);
  if (!x.metadata_json.empty()) catalog_->set_metadata(c.id, x.metadata_json);
  end_capture();
  return {status, c};
}

}  // namespace cqc::archive
