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

// The trust whose own web site serves URI ("https://www.leicspt.nhs.uk/news/..."): only
// nhs.uk hosts are asked (Gazetteer::trust_by_host), so a newspaper never names a trust.
const core::Trust* site_trust(std::string_view uri) {
  size_t start = uri.find("://");
  if (start == std::string_view::npos) return nullptr;
  std::string_view host = uri.substr(start + 3);
  host = host.substr(0, host.find_first_of("/?#:"));
  if (!host.ends_with(".nhs.uk")) return nullptr;
  return core::Gazetteer::builtin().trust_by_host(host);
}

}  // namespace

Metadata extract_metadata(const Extraction& doc, std::string_view uri) {
  Metadata md;
  const bool report = doc.format == "pdf";
  const Tokens t = tokenize(doc);
  std::vector<SiteMention> sites;
  std::vector<Mention> trusts = find_trusts(t, &sites);
  std::vector<Mention> services = find_services(t);
  // Outside health care (a manual, a spec) no name is a trust's or a service's.
  const bool health = health_context(t, trusts, services);
  if (!health) trusts.clear(), services.clear();
  services = services_in_context(t, services);
  md.kind = document_kind(doc, uri, t, health);
  std::string source;

  TrustSplit split = about_trusts(t, trusts, report, source);
  if (!split.about.empty()) md.provenance["trusts"] = source;
  auto make_main = [&](const std::string& code, const char* why) {  // the trust it is about
    std::erase(split.about, code);
    std::erase(split.mentioned, code);
    split.about.insert(split.about.begin(), code);
    md.provenance["trusts"] = why;
  };
  if (const core::Trust* named = health ? uri_trust(uri) : nullptr) {
    make_main(named->code, "uri");
  } else if (const core::Trust* own = health ? site_trust(uri) : nullptr) {
    // A trust's own page is about that trust unless its text is plainly about others.
    if (split.about.empty() || std::ranges::find(split.about, own->code) != split.about.end())
      make_main(own->code, "site");
  }
  if (!split.about.empty()) {
    std::string where;
    md.location = document_location(t, sites, split.about.front(), where);
    if (!md.location.empty()) md.provenance["location"] = where;
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
