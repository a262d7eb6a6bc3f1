// Dates in listings: W3C datetime (sitemap lastmod, Atom) and RFC 822 (RSS pubDate), to ISO.
// Internal to fetch/listing.cpp.
#pragma once
#include <string>
#include <string_view>

namespace cqc::fetch {

// W3C datetime (sitemap lastmod, Atom updated): "2024", "2024-03", "2024-03-05" keep their
// precision; with a time, converted to UTC "YYYY-MM-DDThh:mm:ssZ". "" when not parseable.
std::string iso_from_w3c(std::string_view text);

// RFC 822/2822 date (RSS pubDate): "[Tue, ]05 Mar 2024 10:00[:00] +0000|GMT|BST|EST..." as
// UTC "YYYY-MM-DDThh:mm:ssZ". "" when not parseable.
std::string iso_from_rfc822(std::string_view text);

}  // namespace cqc::fetch
