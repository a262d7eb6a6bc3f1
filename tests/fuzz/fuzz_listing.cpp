// Fuzz target "listing": fetch::parse_listing (fetch/listing.hpp) on a body fetched as a
// sitemap, sitemap index, RSS or Atom feed (gzipped or not; pugixml, Poco's inflater), and
// the two date readers it normalises dates with (fetch/listing_dates.hpp).
// Input: the body; its first line also goes to iso_from_w3c and iso_from_rfc822. The
// parser answers a Failure for a broken listing and documents no exception, so none is
// caught. Checked: every link is an absolute http(s) URL without fragment, listed once, and
// every date is ISO 8601 or "".
#include <string>
#include <unordered_set>

#include "core/date.hpp"
#include "fetch/listing.hpp"
#include "fetch/listing_dates.hpp"
#include "tests/fuzz/fuzz_target.hpp"

namespace {

using namespace cqc;

// True for "", YYYY, YYYY-MM, YYYY-MM-DD (real dates) or YYYY-MM-DDThh:mm:ssZ.
bool iso_or_empty(const std::string& s) {
  if (s.empty()) return true;
  const std::string date = s.substr(0, s.find('T'));
  auto d = core::parse_iso_date(date);
  if (!d || d->iso() != date) return false;
  if (date.size() == s.size()) return true;
  if (date.size() != 10 || s.size() != 20 || s.back() != 'Z') return false;
  const std::string time = s.substr(11, 8);
  return time.size() == 8 && time[2] == ':' && time[5] == ':' && time.substr(0, 2) <= "23" &&
         time.substr(3, 2) <= "59" && time.substr(6, 2) <= "60";
}

}  // namespace

CQC_FUZZ_TARGET(listing) {
  const std::string_view input = fuzz::bytes(data, size);
  const std::string_view first_line = input.substr(0, input.find('\n'));
  CQC_FUZZ_CHECK(iso_or_empty(fetch::iso_from_w3c(first_line)), "iso_from_w3c gave a non-ISO date");
  CQC_FUZZ_CHECK(iso_or_empty(fetch::iso_from_rfc822(first_line)), "iso_from_rfc822 gave a non-ISO date");

  auto listing = fetch::parse_listing(input, "https://www.example-trust.nhs.uk/news/feed.xml");
  if (!listing) {
    CQC_FUZZ_CHECK(!listing.error().empty(), "a Failure without a reason");
    return 0;
  }
  CQC_FUZZ_CHECK(listing->kind != fetch::ListingKind::none || listing->links.empty(),
                 "links listed from a body that is no listing");
  std::unordered_set<std::string> seen;
  for (const fetch::ListedLink& link : listing->links) {
    CQC_FUZZ_CHECK(link.url.starts_with("http://") || link.url.starts_with("https://"),
                   "a listed link is not an http(s) URL");
    CQC_FUZZ_CHECK(link.url.find('#') == std::string::npos, "a listed link keeps its fragment");
    CQC_FUZZ_CHECK(seen.insert(link.url).second, "a link listed twice");
    CQC_FUZZ_CHECK(iso_or_empty(link.updated), "a listed date is not ISO 8601");
  }
  return 0;
}
