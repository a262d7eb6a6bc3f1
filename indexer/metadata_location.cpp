// The location (hospital or site) a document is about, from the sites its text names.
#include <set>

#include "indexer/metadata_parts.hpp"

namespace cqc::indexer {

std::string document_location(const Tokens& t, const std::vector<SiteMention>& sites,
                              std::string_view trust, std::string& source) {
  // Only the title: a report's cover page or a story's lead names the trust's head office or
  // the hospital its inspectors visited first, although the document is about the trust.
  std::set<std::string> named;  // sites of TRUST named in the title
  for (const SiteMention& s : sites) {
    if (t[s.begin].region != Region::kTitle) continue;
    if (s.trust != trust) return "";  // another trust's site too: not one location
    named.insert(s.id);
  }
  if (named.size() != 1) return "";
  source = "title";
  return *named.begin();
}

}  // namespace cqc::indexer
