// Citing an archived document (issue 12): one record of everything a reader needs to find the
// evidence again — what it is, where it came from, when it was captured, and digests that prove
// the archived bytes are the ones cited — written as plain text, BibTeX or CSL-JSON (the
// formats Zotero imports). Pure formatting: the server gathers the facts.
#pragma once
#include <string>
#include <vector>

namespace cqc::search {

struct Citation {
  std::string id;                  // document id
  std::string title;
  std::vector<std::string> trusts; // names of the trusts it is about
  std::string kind;                // report, cqc-page, cqc-press, trust-news, press, rating, other
  std::string published;           // ISO date at any precision, or ""
  std::string inspected;           // ISO, or ""
  std::string inspected_end;       // ISO, or ""
  std::string url;                 // the source URL
  std::string captured;            // the capture's WARC-Date (ISO 8601, UTC)
  long long capture = 0;           // the capture's number in the archive
  std::string sha256;              // of the payload, lower-case hex
  std::string sha1;                // the catalog's payload digest, "sha1:<base32>"
  std::string warc_file;           // the WARC file holding the record
  std::string record_id;           // its WARC-Record-ID
  int page = 0;                    // the page cited (PDF), 0 for none
  std::string permalink;           // absolute URL of this capture's original on this server
};

// "Plain text" citation, one paragraph.
std::string cite_text(const Citation& c);
// A BibTeX @misc (or @techreport for CQC reports) entry; braces and backslashes escaped.
std::string cite_bibtex(const Citation& c);
// A CSL-JSON array holding one item.
std::string cite_csl_json(const Citation& c);

}  // namespace cqc::search
