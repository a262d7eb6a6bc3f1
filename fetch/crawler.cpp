#include "fetch/crawler.hpp"

#include <chrono>
#include <fstream>
#include <set>

#include "archive/http_message.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "fetch/cqc_api.hpp"
#include "fetch/listing.hpp"

namespace cqc::fetch {
namespace {

const std::string kKeyHeader = "Ocp-Apim-Subscription-Key";
constexpr std::uint64_t kMaxListingBytes = 50ull << 20;  // larger bodies are never parsed as listings
constexpr std::size_t kMaxListedLinks = 50000;           // URLs followed from one listing (sitemaps.org limit)

// The body of R as a document: transfer and content codings removed.
// Content codings inflate to at most kMaxListingBytes here, like the listing parser's own
// gzip (a small compressed body must not cost gigabytes); WHY, when given, says why a body
// could not be decoded (it is then returned as received).
std::string read_entity(const Response& r, std::string* why = nullptr) {
  std::ifstream in(r.body_path, std::ios::binary);
  std::string raw((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto head = archive::parse_http_head(r.response_head);
  if (!head) return raw;
  auto entity = archive::entity_body(head.value(), raw);
  if (!entity) return raw;
  auto decoded = archive::decode_content(entity.value(), head->get("Content-Encoding"), kMaxListingBytes);
  if (!decoded && why) *why = decoded.error();
  return decoded ? decoded.value() : entity.value();
}

// A request for URL made for PURPOSE on behalf of SOURCE.
Request make_request(std::string url, std::string purpose, std::string source) {
  Request r;
  r.url = std::move(url);
  r.purpose = std::move(purpose);
  r.source = std::move(source);
  return r;
}

// The request head with the API key replaced, so the secret never reaches the archive.
std::string redact(std::string head) {
  size_t p = core::to_lower(head).find(core::to_lower(kKeyHeader) + ":");
  if (p == std::string::npos) return head;
  size_t eol = head.find("\r\n", p);
  return head.replace(p, eol - p, kKeyHeader + ": [redacted]");
}

class Crawl {
 public:
  Crawl(archive::Archive& a, const CrawlOptions& o) : archive_(a), opts_(o), engine_(o.fetch) {}

  void add_source(const archive::Source& s) {
    if (s.kind == "url") {
      add(make_request(s.value, "discover", s.value));
    } else if (s.kind == "cqc-providers" || s.kind == "cqc-locations") {
      // A paged list, e.g. "perPage=500&localAuthority=Leicester": every page, every entry.
      const std::string path = s.kind == "cqc-providers" ? "/providers" : "/locations";
      add(api_request(opts_.api_base + path + (s.value.empty() ? "" : "?" + s.value), s.kind, s.kind + " " + s.value));
    } else if (s.kind == "cqc-provider" || s.kind == "cqc-location") {
      const std::string path = s.kind == "cqc-provider" ? "/providers/" : "/locations/";
      add(api_request(opts_.api_base + path + s.value, s.kind, s.kind + " " + s.value));
    } else {
      throw core::UsageError("unknown source kind '" + s.kind + "'");
    }
  }

  // Queues URL for a conditional re-check (refresh of a known document).
  void add_known(const std::string& url) {
    // API answers and robots.txt are reached through their sources and the engine.
    if (queued_.count(url) || url.rfind(opts_.api_base, 0) == 0 || url.ends_with("/robots.txt")) return;
    add(make_request(url, "document", url));
  }

  CrawlSummary run(const CrawlProgress& progress) {
    // A group of captures waiting for the next response is committed once it is old enough.
    engine_.run([this](Response& r) { handle(r); },
                [this, &progress](const EngineStats& st) {
                  archive_.commit_if_due();
                  if (progress) progress(st);
                });
    archive_.commit();
    sum_.failed_sources.assign(failed_sources_.begin(), failed_sources_.end());
    return sum_;
  }

 private:
  Request api_request(const std::string& url, const std::string& purpose, const std::string& source) {
    Request r = make_request(url, purpose, source);
    r.headers.push_back("Accept: application/json");
    if (!opts_.api_key.empty()) r.headers.push_back(kKeyHeader + ": " + opts_.api_key);
    return r;
  }

  void add(Request r) {
    if (!queued_.insert(r.url + " " + r.purpose).second) return;
    queued_.insert(r.url);
    // Conditional request when the archive already holds a successful capture.
    auto history = archive_.catalog().history(r.url);
    for (auto it = history.rbegin(); it != history.rend(); ++it) {
      if (it->status < 200 || it->status >= 300) continue;
      if (!it->etag.empty()) r.headers.push_back("If-None-Match: " + it->etag);
      if (!it->last_modified.empty()) r.headers.push_back("If-Modified-Since: " + it->last_modified);
      break;
    }
    engine_.add(std::move(r));
  }

  void fail(const Request& req, const std::string& reason) {
    ++sum_.failed;
    sum_.failures.push_back(req.url + ": " + reason);
    failed_sources_.insert(req.source.empty() ? req.url : req.source);
    archive_.catalog().add_failure({req.url, archive::warc_date(std::chrono::system_clock::now()), reason});
  }

  void handle(Response& r) {
    if (!r.archivable()) {
      // An unreachable robots.txt is reported through the requests it holds back.
      if (r.request.purpose != "robots") fail(r.request, r.error);
      return;
    }
    archive::HttpExchange x{r.request.url, redact(r.request_head), r.response_head, r.body_path, r.ip,
                            r.request.metadata_json};
    auto outcome = archive_.store_http(x);
    ++sum_.responses;
    sum_.bytes += r.body_size;
    if (outcome.status == archive::ImportStatus::revisit) ++sum_.revisits;
    else ++sum_.stored;
    if (r.status >= 300 && r.status < 400) return;  // the engine follows redirects
    if (r.status >= 400) {
      std::string why = "HTTP " + std::to_string(r.status);
      if (r.request.purpose.rfind("cqc-", 0) == 0) why = api_error_message(r.status, read_entity(r));
      if (r.request.purpose != "robots") fail(r.request, why);
      return;
    }
    if (r.status != 200) return;  // 304 and other 2xx: nothing new to read
    if (r.request.purpose == "discover" || r.request.purpose == "sitemap") discover(r);
    else if (r.request.purpose == "cqc-provider" || r.request.purpose == "cqc-location") cqc(r);
    else if (r.request.purpose == "cqc-providers" || r.request.purpose == "cqc-locations") cqc_page(r);
  }

  void cqc_page(const Response& r) {
    auto page = parse_page(read_entity(r));
    if (!page) return fail(r.request, "unexpected CQC API answer: " + page.error());
    const bool providers = r.request.purpose == "cqc-providers";
    for (const auto& [id, name] : page->items) {
      ++sum_.listed;
      add(api_request(opts_.api_base + (providers ? "/providers/" : "/locations/") + id,
                      providers ? "cqc-provider" : "cqc-location", r.request.source));
    }
    if (!page->next_page_uri.empty()) {
      const std::string& next = page->next_page_uri;
      add(api_request(next.rfind("http", 0) == 0 ? next : opts_.api_base + next, r.request.purpose, r.request.source));
    }
  }

  void discover(const Response& r) {
    // Documents are not listings: skip the XML parse for them and for anything huge.
    auto head = archive::parse_http_head(r.response_head);
    const std::string type = head ? archive::media_type(head->get("Content-Type")) : "";
    if (type == "application/pdf" || type == "text/html" || r.body_size > kMaxListingBytes) return;
    std::string why;
    const std::string entity = read_entity(r, &why);
    if (!why.empty()) return fail(r.request, "cannot read it as a listing: " + why);
    auto listing = parse_listing(entity, r.request.url);
    if (!listing) return fail(r.request, listing.error());
    const bool index = listing->kind == ListingKind::sitemap_index;
    // The sitemap protocol allows one level: an index names sitemaps, never other indexes
    // (a server that nests them could keep a crawl going for ever).
    if (index && r.request.purpose == "sitemap")
      return fail(r.request, "a sitemap index named by a sitemap index: not followed (the sitemap protocol allows no nesting)");
    std::size_t n = 0;
    for (const ListedLink& link : listing->links) {
      if (++n > kMaxListedLinks) {
        fail(r.request, "lists more than " + std::to_string(kMaxListedLinks) + " URLs (the sitemap protocol's limit): the rest not followed");
        break;
      }
      ++sum_.listed;
      add(make_request(link.url, index ? "sitemap" : "document", r.request.source));
    }
  }

  void cqc(const Response& r) {
    const bool provider = r.request.purpose == "cqc-provider";
    auto org = provider ? parse_provider(read_entity(r)) : parse_location(read_entity(r));
    if (!org) return fail(r.request, "unexpected CQC API answer: " + org.error());
    for (const auto& loc : org->location_ids) {
      ++sum_.listed;
      add(api_request(opts_.api_base + "/locations/" + loc, "cqc-location", r.request.source));
    }
    for (const ApiReport& rep : org->reports) {
      ++sum_.listed;
      const std::string uri = rep.report_uri.rfind("http", 0) == 0 ? rep.report_uri
                              : opts_.api_base + (rep.report_uri.empty() ? "/reports/" + rep.link_id : rep.report_uri);
      Request req = api_request(uri, "cqc-report", r.request.source);
      req.headers[0] = "Accept: application/pdf";
      req.metadata_json = report_metadata_json(org.value(), rep);
      add(std::move(req));
    }
  }

  archive::Archive& archive_;
  const CrawlOptions& opts_;
  HttpEngine engine_;
  CrawlSummary sum_;
  std::set<std::string> queued_;
  std::set<std::string> failed_sources_;
};

}  // namespace

std::vector<archive::Source> read_sources_file(const std::string& file) {
  std::ifstream in(file);
  if (!in) throw core::UsageError("cannot read sources file " + file);
  std::vector<archive::Source> out;
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    // '#' starts a comment at the start of a line or after white space (a URL's own '#'
    // fragment has none before it).
    size_t hash = line.rfind('#', 0) == 0 ? 0 : std::min(line.find(" #"), line.find("\t#"));
    std::string_view l = core::trim(std::string_view(line).substr(0, hash));
    if (l.empty()) continue;
    auto words = core::split(l, ' ');
    if (words.size() == 1 && (l.rfind("http://", 0) == 0 || l.rfind("https://", 0) == 0)) {
      out.push_back({"url", std::string(l)});
    } else if (words.size() == 2 && (words[0] == "cqc-provider" || words[0] == "cqc-location" ||
                                     words[0] == "cqc-providers" || words[0] == "cqc-locations")) {
      out.push_back({std::string(words[0]), std::string(words[1])});
    } else if (words.size() == 1 && (words[0] == "cqc-providers" || words[0] == "cqc-locations")) {
      out.push_back({std::string(words[0]), ""});
    } else {
      throw core::UsageError(file + " line " + std::to_string(n) +
                             ": expected a http(s) URL, 'cqc-provider ID', 'cqc-location ID' or 'cqc-providers [QUERY]'");
    }
  }
  return out;
}

CrawlSummary crawl(archive::Archive& archive, const std::vector<archive::Source>& sources,
                   const CrawlOptions& options, const CrawlProgress& progress) {
  Crawl c(archive, options);
  archive.commit();
  archive.catalog().begin();  // one commit for the whole list, not one per source
  for (const auto& s : sources) {
    archive.catalog().add_source(s);
    c.add_source(s);
  }
  archive.catalog().commit();
  return c.run(progress);
}

CrawlSummary refresh(archive::Archive& archive, const CrawlOptions& options, const CrawlProgress& progress) {
  Crawl c(archive, options);
  for (const auto& s : archive.catalog().sources()) c.add_source(s);
  for (const auto& cap : archive.catalog().latest())
    if (cap.status >= 200 && cap.status < 300 && cap.uri.rfind("http", 0) == 0) c.add_known(cap.uri);
  return c.run(progress);
}

}  // namespace cqc::fetch
