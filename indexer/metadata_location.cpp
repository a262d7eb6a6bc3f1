// The location (hospital or site) a document is about, from the sites its text names.
#include <set>

#include "indexer/metadata_parts.hpp"

namespace cqc::indexer {

std::string document_location(const Tokens& t, const std::vector<SiteMention>& sites,
                              std::string_view trust, std::string& source) {
  for (Region region : {Region::kTitle, Region::kLead}) {
    std::set<std::string> named;      // sites of TRUST named in this region
    bool other_site = false;          // a site of another trust named there too
    for (const SiteMention& s : sites) {
      if (t[s.begin].region != region) continue;
      if (s.trust == trust) named.insert(s.id);
      else other_site = true;
    }
    if (named.size() == 1 && !other_site) {
      source = region == Region::kTitle ? "title" : "first paragraph";
      return *named.begin();
    }
    if (!named.empty() || other_site) return "";  // several sites: about the trust
  }
  return "";
}

}  // namespace cqc::indexer
