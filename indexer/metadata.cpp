// extract_metadata: runs the stages in metadata_*.cpp over one tokenised document.
#include "indexer/metadata.hpp"

#include <algorithm>

#include "core/gazetteer.hpp"
#include "indexer/metadata_parts.hpp"
#include "indexer/metadata_published.hpp"

namespace cqc::indexer {
namespace {

// The trust a CQC provider URI names: ".../provider/RT5" or ".../provider/RT5/reports".
const core::Trust* uri_trust(std::string_view uri) {
  size_t pos = uri.find("/provider/");
  if (pos == std::string_view::npos) return nullptr;
  std::string_view code = uri.substr(pos + 10);
  code = code.substr(0, code.find_first_of("/?#"));
  return code.empty() ? nullptr : core::Gazetteer::builtin().trust_by_code(code);
}

}  // namespace

Metadata extract_metadata(const Extraction& doc, std::string_view uri) {
  Metadata md;
  const bool report = doc.format == "pdf";
  const Tokens t = tokenize(doc);
  std::vector<Mention> trusts = find_trusts(t);
  std::vector<Mention> services = find_services(t);
  // Outside health care (a manual, a spec) no name is a trust's or a service's.
  const bool health = health_context(t, trusts, services);
  if (!health) trusts.clear(), services.clear();
  services = services_in_context(t, services);
  md.kind = document_kind(doc, uri, t, health);
  std::string source;

  TrustSplit split = about_trusts(t, trusts, report, source);
  // A list of many trusts (a national release, a round-up) none of which the title names is
  // about none of them: they are all only mentioned.
  if (split.about.size() + split.mentioned.size() >= 5 &&
      std::none_of(trusts.begin(), trusts.end(), [&](const Mention& m) {
        return t[m.begin].region == Region::kTitle;
      })) {
    split.mentioned.insert(split.mentioned.begin(), split.about.begin(), split.about.end());
    split.about.clear();
  }
  if (!split.about.empty()) md.provenance["trusts"] = source;
  if (const core::Trust* named = health ? uri_trust(uri) : nullptr) {
    std::erase(split.about, named->code);
    std::erase(split.mentioned, named->code);
    split.about.insert(split.about.begin(), named->code);
    md.provenance["trusts"] = "uri";
  }
  md.trusts = split.about;
  md.trusts.insert(md.trusts.end(), split.mentioned.begin(), split.mentioned.end());
  md.mentioned_trusts = std::move(split.mentioned);
  if (!md.mentioned_trusts.empty()) md.provenance["mentioned_trusts"] = "text";

  md.services = distinct_ids(services);
  if (!services.empty())
    md.provenance["services"] =
        report && t[services.front().begin].page == 1 ? "cover page" : "text";

  if (health)
    find_ratings(t, trusts, services, report, md.trusts.size() - md.mentioned_trusts.size(), md);

  if (auto publication = find_publication(doc, t, uri, report)) {
    md.published = publication->date;
    md.provenance["published"] = publication->source;
  }

  if (auto visit = health ? find_inspected(t, report, md.published, source) : std::nullopt) {
    md.inspected_from = visit->from;
    md.inspected_to = visit->to;
    md.provenance["inspected"] = source;
  }

  if (md.inspected_from.known()) {
    md.year = md.inspected_from.year;
    md.provenance["year"] = md.provenance["inspected"];
  } else if (md.published.known()) {
    md.year = md.published.year;
    md.provenance["year"] = md.provenance["published"];
  }
  return md;
}

}  // namespace cqc::indexer
