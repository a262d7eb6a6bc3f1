// Private to the indexer: the publication date of a document (metadata_published.cpp).
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "core/date.hpp"
#include "indexer/extract.hpp"
#include "indexer/metadata_tokens.hpp"

namespace cqc::indexer {

struct Publication {
  core::Date date;
  std::string source;  // provenance: a choose_published source, "url", "cover page", "byline"
};

// The publication date of DOC (tokens T, address URI; REPORT: a PDF report). Order of trust:
//   1 the markup's date (html_head.hpp, choose_published) unless a date line outside the
//     article ("date-line") or a plain <meta name=date> ("meta-date")
//   2 a date in URI's path, "/2019/05/14/" (url_date; not for reports)
//   3 a report's "Date of publication" or an English byline in the lead (find_published)
//   4 a date line near the top of the page (lead_text_date; not for reports): in DOC's lead
//     (the page from its headline on, Extraction::lead) followed by the main text, failing
//     that in the short lines just above the headline (Extraction::kicker)
//   5 the markup's "date-line" or "meta-date"
//   6 for a report, a date in URI's path; then a month in it, "/2018/02/" (url_month)
// nullopt when none is found.
std::optional<Publication> find_publication(const Extraction& doc, const Tokens& t,
                                            std::string_view uri, bool report);

}  // namespace cqc::indexer
