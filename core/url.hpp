// URL forms: which spellings of a URL name the same resource, for looking captures up by
// what a user typed (the catalog keeps each URL as it was fetched).
#pragma once
#include <string>
#include <vector>

namespace cqc::core {

// URL with its scheme and host lower-cased, the scheme's default port (80, 443) and any
// fragment removed, and an empty path written "/"; URL unchanged when it is not an absolute
// http(s) URL. Percent-escapes and the path's case are left alone (they may matter).
std::string canonical_url(const std::string& url);

// The spellings under which a capture of URL may be catalogued: URL itself (without its
// fragment), canonical_url(URL), and that with the default port written out; each once.
std::vector<std::string> url_spellings(const std::string& url);

}  // namespace cqc::core
