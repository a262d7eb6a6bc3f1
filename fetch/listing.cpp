// Sitemaps, sitemap indexes, RSS and Atom feeds: recognise the kind by the root element's
// local name (namespaces tolerated), list the links, normalise dates to ISO 8601.
#include "fetch/listing.hpp"
#include "fetch/listing_dates.hpp"

#include <Poco/Checksum.h>
#include <Poco/InflatingStream.h>
#include <Poco/MemoryStream.h>
#include <Poco/URI.h>

#include <cctype>
#include <cstdint>
#include <ctime>
#include <pugixml.hpp>
#include <unordered_set>

#include "core/date.hpp"
#include "core/text.hpp"

namespace cqc::fetch {
namespace {

// A decompression-bomb guard: no listing is legitimately larger (sitemaps cap at 50 MB).
constexpr size_t kMaxInflated = 50u * 1024 * 1024;

// Gunzips one gzip member, refusing more than kMaxInflated bytes of output and checking the
// trailer's CRC-32 and length (Poco reports a stream cut inside the header as plain EOF).
core::Result<std::string> gunzip(std::string_view gz) {
  std::string out;
  try {
    Poco::MemoryInputStream raw(gz.data(), gz.size());
    Poco::InflatingInputStream inflater(raw, Poco::InflatingStreamBuf::STREAM_GZIP);
    char buf[65536];
    while (inflater.read(buf, sizeof buf) || inflater.gcount() > 0) {
      out.append(buf, static_cast<size_t>(inflater.gcount()));
      if (out.size() > kMaxInflated)
        return core::Failure{"gzip data inflates to more than 50 MiB (refused)"};
    }
    if (inflater.bad()) return core::Failure{"gzip data is truncated or corrupt"};
  } catch (const std::exception& e) {
    return core::Failure{std::string("gzip data is corrupt: ") + e.what()};
  }
  auto le32 = [&](size_t at) {
    uint32_t v = 0;
    for (int i = 3; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(gz[at + i]);
    return v;
  };
  if (gz.size() < 18) return core::Failure{"gzip data is truncated"};
  Poco::Checksum crc(Poco::Checksum::TYPE_CRC32);
  crc.update(out.data(), static_cast<unsigned>(out.size()));
  if (crc.checksum() != le32(gz.size() - 8) ||
      static_cast<uint32_t>(out.size()) != le32(gz.size() - 4))
    return core::Failure{"gzip data is truncated or corrupt (trailer mismatch)"};
  return out;
}

std::string_view local_name(const char* name) {
  std::string_view n(name);
  size_t colon = n.rfind(':');
  return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

ListingKind kind_of_root(std::string_view name) {
  if (name == "urlset") return ListingKind::urlset;
  if (name == "sitemapindex") return ListingKind::sitemap_index;
  if (name == "rss" || name == "RDF") return ListingKind::rss;  // RDF: RSS 1.0
  if (name == "feed") return ListingKind::atom;
  return ListingKind::none;
}

pugi::xml_node child(pugi::xml_node parent, std::string_view name) {
  for (pugi::xml_node c : parent.children())
    if (c.type() == pugi::node_element && local_name(c.name()) == name) return c;
  return {};
}

// All text inside NODE (CDATA included, markup dropped), white space collapsed.
std::string text_of(pugi::xml_node node) {
  std::string out;
  struct Walker : pugi::xml_tree_walker {
    std::string* out;
    bool for_each(pugi::xml_node& n) override {
      if (n.type() == pugi::node_pcdata || n.type() == pugi::node_cdata) *out += n.value();
      return true;
    }
  } walker;
  walker.out = &out;
  node.traverse(walker);
  return core::collapse_space(out);
}

// --- links ----------------------------------------------------------------------------

// REF resolved against BASE as an absolute http(s) URL without fragment; "" if impossible.
std::string resolve(std::string_view base, std::string_view ref) {
  std::string r(core::trim(ref));
  if (r.empty()) return "";
  std::string out;
  size_t colon = r.find(':');
  bool has_scheme = colon != std::string::npos && colon > 0 &&
                    std::isalpha(static_cast<unsigned char>(r[0])) &&
                    r.find_first_not_of(
                        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                        "0123456789+.-") == colon;
  if (has_scheme) {
    // Absolute already: kept as written (Poco would decode %2F and the like).
    out = core::to_lower(r.substr(0, colon)) + r.substr(colon);
  } else {
    try {
      Poco::URI b{std::string(base)};
      if (r.starts_with("//")) {
        out = b.getScheme() + ":" + r;  // network-path reference (Poco mis-resolves it)
      } else {
        b.resolve(r);
        out = b.toString();
      }
    } catch (const std::exception&) {
      return "";
    }
  }
  if (!out.starts_with("http://") && !out.starts_with("https://")) return "";
  if (size_t hash = out.find('#'); hash != std::string::npos) out.resize(hash);
  size_t host = out.find("://") + 3;
  if (host >= out.size() || out[host] == '/' || out[host] == '?') return "";  // no host
  return out;
}

// The base for links inside NODE: BASE, adjusted by an xml:base attribute (Atom).
std::string base_for(pugi::xml_node node, const std::string& base) {
  pugi::xml_attribute attr = node.attribute("xml:base");
  if (!attr) return base;
  std::string b = resolve(base, attr.value());
  return b.empty() ? base : b;
}

}  // namespace

core::Result<Listing> parse_listing(std::string_view body, std::string_view base_url) {
  std::string inflated;
  if (body.size() >= 2 && static_cast<unsigned char>(body[0]) == 0x1f &&
      static_cast<unsigned char>(body[1]) == 0x8b) {
    auto r = gunzip(body);
    if (!r) return core::Failure{r.error()};
    inflated = std::move(r.value());
    body = inflated;
  }

  pugi::xml_document doc;
  pugi::xml_parse_result parsed = doc.load_buffer(body.data(), body.size());
  Listing out;
  if (!parsed) {
    // pugixml keeps the tree parsed before the error: its root tells what was meant.
    ListingKind kind = kind_of_root(local_name(doc.document_element().name()));
    if (kind == ListingKind::none) return out;  // not a listing at all
    return core::Failure{std::string(listing_kind_name(kind)) + " is not well-formed XML: " +
                         parsed.description() + " at byte " + std::to_string(parsed.offset)};
  }
  pugi::xml_node root = doc.document_element();
  out.kind = kind_of_root(local_name(root.name()));

  std::unordered_set<std::string> seen;
  auto add = [&](const std::string& base, std::string_view ref, std::string updated,
                 std::string title) {
    std::string url = resolve(base, ref);
    if (url.empty() || !seen.insert(url).second) return;
    out.links.push_back({std::move(url), std::move(updated), std::move(title)});
  };
  const std::string base(base_url);

  switch (out.kind) {
    case ListingKind::urlset:
    case ListingKind::sitemap_index: {
      std::string_view entry = out.kind == ListingKind::urlset ? "url" : "sitemap";
      for (pugi::xml_node n : root.children()) {
        if (n.type() != pugi::node_element || local_name(n.name()) != entry) continue;
        add(base, text_of(child(n, "loc")), iso_from_w3c(text_of(child(n, "lastmod"))), "");
      }
      break;
    }
    case ListingKind::rss: {
      // RSS 2.0 items live in <channel>; RSS 1.0 items are children of the root.
      std::vector<pugi::xml_node> items;
      for (pugi::xml_node parent : {child(root, "channel"), root})
        for (pugi::xml_node n : parent.children())
          if (n.type() == pugi::node_element && local_name(n.name()) == "item") items.push_back(n);
      for (pugi::xml_node item : items) {
        std::string link;
        for (pugi::xml_node n : item.children()) {  // <link>text</link> or <atom:link href>
          if (n.type() != pugi::node_element || local_name(n.name()) != "link") continue;
          link = text_of(n);
          if (link.empty()) link = n.attribute("href").value();
          if (!link.empty()) break;
        }
        pugi::xml_node guid = child(item, "guid");
        if (link.empty() && guid &&
            core::to_lower(guid.attribute("isPermaLink").value()) != "false")
          link = text_of(guid);
        std::string when = iso_from_rfc822(text_of(child(item, "pubDate")));
        if (when.empty()) when = iso_from_w3c(text_of(child(item, "date")));  // dc:date
        add(base, link, when, text_of(child(item, "title")));
      }
      break;
    }
    case ListingKind::atom: {
      const std::string feed_base = base_for(root, base);
      for (pugi::xml_node entry : root.children()) {
        if (entry.type() != pugi::node_element || local_name(entry.name()) != "entry") continue;
        std::string href;
        for (pugi::xml_node n : entry.children()) {
          if (n.type() != pugi::node_element || local_name(n.name()) != "link") continue;
          std::string_view rel = n.attribute("rel").value();
          if (rel.empty() || rel == "alternate") {
            href = n.attribute("href").value();
            break;
          }
        }
        std::string when = iso_from_w3c(text_of(child(entry, "updated")));
        if (when.empty()) when = iso_from_w3c(text_of(child(entry, "published")));
        add(base_for(entry, feed_base), href, when, text_of(child(entry, "title")));
      }
      break;
    }
    case ListingKind::none:
      break;
  }
  return out;
}

std::string_view listing_kind_name(ListingKind kind) {
  switch (kind) {
    case ListingKind::urlset:
      return "sitemap";
    case ListingKind::sitemap_index:
      return "sitemap index";
    case ListingKind::rss:
      return "RSS feed";
    case ListingKind::atom:
      return "Atom feed";
    case ListingKind::none:
      break;
  }
  return "";
}

}  // namespace cqc::fetch
