// HTTP conventions every answer of the router shares (issue 13): validators and 304 Not
// Modified, gzip for clients that accept it, and what the request asked for, kept per request
// thread while a handler runs.
#pragma once
#include <string>
#include <string_view>

#include "search/http/router.hpp"

namespace cqc::search::http {

// What the current request asked for, set by the dispatcher before each handler.
struct RequestTraits {
  bool gzip = false;          // Accept-Encoding allows gzip
  std::string if_none_match;  // the If-None-Match header ("" when absent)
};

// The current request's traits (thread-local; the dispatcher sets them).
RequestTraits& request_traits();

// Whether an Accept-Encoding value ACCEPT takes CODING ("gzip", "deflate", "br" ...): named,
// or "*", without q=0.
bool accepts_coding(const std::string& accept, const std::string& coding);

// Whether the current request's If-None-Match names ETAG (or is "*").
bool not_modified(std::string_view etag);

// Sends BODY of CONTENT_TYPE with STATUS: with a weak ETag of its bytes (a 200 answers 304
// with no body when If-None-Match names it), gzip-compressed (Content-Encoding, Vary) when the
// client accepts gzip and the body is over 1 KiB.
void send_body(Response& response, const std::string& body, const std::string& content_type, int status = 200);

}  // namespace cqc::search::http
