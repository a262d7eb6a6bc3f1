// Crawling sources into the archive: URLs (pages, documents, sitemaps, feeds — recognised by
// their content), and the CQC API (providers, their locations, their report PDFs with the
// ratings kept as structured metadata). Refresh re-reads the sources and re-checks every
// known URL with conditional requests.
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "archive/archive.hpp"
#include "fetch/http_engine.hpp"

namespace cqc::fetch {

struct CrawlOptions {
  FetchOptions fetch;
  std::string api_base = "https://api.service.cqc.org.uk/public/v1";  // CQC API base URL
  std::string api_key;  // Ocp-Apim-Subscription-Key (never written to the archive)
};

struct CrawlSummary {
  std::uint64_t responses = 0;  // responses archived (including redirects and robots.txt)
  std::uint64_t stored = 0;     // new response records
  std::uint64_t revisits = 0;   // 304 or unchanged: revisit records
  std::uint64_t listed = 0;     // links found in sitemaps, feeds and the API
  std::uint64_t failed = 0;     // requests that failed for good
  std::uint64_t bytes = 0;      // body bytes received
  std::vector<std::string> failures;        // "URL: reason", one per failed request
  std::vector<std::string> failed_sources;  // sources with at least one failure
};

using CrawlProgress = std::function<void(const EngineStats&)>;

// Parses a sources file: one source per line — a URL, "cqc-provider ID", "cqc-location ID",
// or "cqc-providers [QUERY]" / "cqc-locations [QUERY]" (a paged API list, QUERY such as
// "perPage=500&localAuthority=Leicester", every page followed through nextPageUri); '#' at
// the start of a line or after white space starts a comment. Throws core::UsageError naming
// FILE and the line.
std::vector<archive::Source> read_sources_file(const std::string& file);

// Fetches SOURCES into ARCHIVE (remembering them for refresh). Every response is archived;
// with group commit set on ARCHIVE, pending captures are committed when due (also while
// waiting for responses) and all of them before returning.
CrawlSummary crawl(archive::Archive& archive, const std::vector<archive::Source>& sources,
                   const CrawlOptions& options, const CrawlProgress& progress = {});

// Re-reads every remembered source and re-checks every URL the archive holds a successful
// capture of, with If-None-Match / If-Modified-Since.
CrawlSummary refresh(archive::Archive& archive, const CrawlOptions& options,
                     const CrawlProgress& progress = {});

}  // namespace cqc::fetch
