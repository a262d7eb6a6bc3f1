#include "archive/verify.hpp"

#include "archive/digest.hpp"

namespace cqc::archive {
namespace {

// Empty when CAPTURE's record is sound, else what is wrong.
std::string check(const Archive& archive, const Capture& c, std::uint64_t& bytes) {
  const std::string where = archive.warc_path(c.warc_file) + " offset " + std::to_string(c.span.offset);
  auto rec = archive.record(c);
  if (!rec) return rec.error();
  const WarcRecord& r = rec.value();
  if (r.get("WARC-Record-ID") != c.record_id)
    return where + ": WARC-Record-ID " + r.get("WARC-Record-ID") + " but the catalog says " + c.record_id;
  if (r.target_uri() != c.uri)
    return where + ": WARC-Target-URI " + r.get("WARC-Target-URI") + " but the catalog says " + c.uri;
  // Other tools' records may use another algorithm (warcio: sha256 in hex): checked in it.
  const std::string declared = r.get("WARC-Block-Digest");
  if (!declared.empty() && digest_matches(declared, r.block) == false)
    return where + ": block digest " + warc_digest(r.block) + " does not match WARC-Block-Digest " + declared;
  if (c.record_type == "revisit") return "";
  auto payload = record_entity(r);
  if (!payload) return where + ": " + payload.error();
  bytes += payload->size();
  const std::string payload_digest = warc_digest(payload.value());
  if (payload_digest != c.digest)
    return where + ": payload digest " + payload_digest + " does not match the catalog's " + c.digest;
  return "";
}

}  // namespace

VerifyReport verify(const Archive& archive, const ProgressFn& progress) {
  VerifyReport report;
  const auto captures = archive.catalog().all();
  for (const Capture& c : captures) {
    ++report.checked;
    std::string what = check(archive, c, report.bytes);
    if (!what.empty()) report.problems.push_back({c, what});
    if (progress) progress(report.checked, captures.size());
  }
  return report;
}

}  // namespace cqc::archive
