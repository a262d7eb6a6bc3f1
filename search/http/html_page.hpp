// What the server-rendered pages (page_document.cpp, page_trust.cpp) share: escaping text for
// HTML, the page's frame, and sending it under a CSP that allows no script.
#pragma once
#include <string>
#include <string_view>

#include "search/http/router.hpp"

namespace cqc::search::http {

// TEXT with & < > " ' escaped, safe in element content and quoted attribute values.
std::string html_escape(std::string_view text);

// TEXT percent-encoded for a URL's path segment or query value (every reserved character,
// quotes and '%' encoded).
std::string url_encode(std::string_view text);

// The start of a page titled TITLE (escaped here) up to and including <main>, with the site's
// stylesheet, BODY_CLASS on <body> and a header link BACK_HREF / BACK_TEXT (given as HTML-safe).
std::string page_start(std::string_view title, std::string_view body_class, const std::string& back_href,
                       std::string_view back_text);

// The Content-Security-Policy of this site's pages and assets: its own stylesheet (and, when
// SCRIPTED, its own script and fetches), no frames, forms only to this site.
const char* page_csp(bool scripted);

// Sends HTML (a whole page) with STATUS, no caching and page_csp(SCRIPTED).
void send_page(Response& response, const std::string& html, bool scripted = false, int status = 200);

}  // namespace cqc::search::http
