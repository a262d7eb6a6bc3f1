// Listings that name documents to fetch: sitemaps (sitemaps.org urlset and sitemapindex,
// gzipped or not), RSS 2.0 and Atom feeds. Parsed with pugixml.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace cqc::fetch {

enum class ListingKind { none, urlset, sitemap_index, rss, atom };

struct ListedLink {
  std::string url;      // absolute http(s) URL (relative links resolved against the base)
  std::string updated;  // lastmod / pubDate / updated as ISO 8601 when parseable, else ""
  std::string title;    // feed item title, "" for sitemaps
};

struct Listing {
  ListingKind kind = ListingKind::none;
  std::vector<ListedLink> links;  // in document order, duplicates removed
};

// Recognises BODY as a sitemap, sitemap index, RSS or Atom feed (gunzipping first when it
// starts with the gzip magic bytes) and lists its links, resolved against BASE_URL. kind is
// none when BODY is well-formed but none of these, or is not XML at all. Failure only for a
// listing that is recognisably one of these kinds but broken (e.g. truncated gzip or XML
// that fails to parse after a <urlset> start); the reason names what is wrong.
core::Result<Listing> parse_listing(std::string_view body, std::string_view base_url);

// A readable name for KIND ("sitemap", "sitemap index", "RSS feed", "Atom feed", "").
std::string_view listing_kind_name(ListingKind kind);

}  // namespace cqc::fetch
