// Private to the indexer: the stages of extract_metadata (metadata.cpp), one file each.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "indexer/metadata.hpp"
#include "indexer/metadata_tokens.hpp"

namespace cqc::indexer {

// A gazetteer name found in the tokens [begin, end): a trust's ODS code or a service id.
struct Mention {
  size_t begin = 0;
  size_t end = 0;
  std::string id;
};

// Every trust name, former name (as its current trust) and abbreviation in T, in order.
std::vector<Mention> find_trusts(const Tokens& t);

// Every core service name or alias in T (as its service id), in order; longest match wins.
std::vector<Mention> find_services(const Tokens& t);

// The trusts a document is about, and those it only mentions.
struct TrustSplit {
  std::vector<std::string> about;      // main trust first, by weight
  std::vector<std::string> mentioned;  // named only in passing or far less often, by weight
};

// Splits the trusts named in T: mentions weighted by region (title 5, lead 3, body 1); a
// mention next to "buddy", "partner", "compared with", "support from" and the like is in
// passing. About: the main trust; in news any trust named plainly in the title or lead or as
// the subject of a rating ("X was rated good"); any trust named plainly with at least half the
// main trust's weight. The rest are mentioned.
// SOURCE gets where the main trust was found ("title", "cover page", "first paragraph",
// "text").
TrustSplit about_trusts(const Tokens& t, const std::vector<Mention>& trusts, bool report,
                        std::string& source);

// Distinct service ids in order of first mention.
std::vector<std::string> distinct_ids(const std::vector<Mention>& mentions);

// Ratings stated in T: fills overall_rating, service_ratings, key_question_ratings and
// ratings of MD, and their provenance. With ABOUT_COUNT >= 2 trusts whose overall ratings
// disagree (a round-up), the overall rating stays unknown.
void find_ratings(const Tokens& t, const std::vector<Mention>& trusts,
                  const std::vector<Mention>& services, bool report, size_t about_count,
                  Metadata& md);

// A date or date range as written: "2 Oct to 7 Dec 2017", "12-14 March 2019",
// "June 2019", "January this year", "04/09/2019" (day first).
struct DateSpan {
  core::Date from;
  core::Date to;
  size_t end = 0;  // index of the token after the expression
};

// Parses the date expression starting at token I. Missing years resolve against PUBLISHED
// (the most recent such month not after it); nullopt when they cannot be resolved.
std::optional<DateSpan> parse_date_span(const Tokens& t, size_t i, const core::Date& published);

// The publication date printed in the document: a report's "Date of publication" line
// (source "cover page") or an article byline near the top (source "byline").
std::optional<DateSpan> find_published(const Tokens& t, bool report, std::string& source);

// The inspection visit: a "Date of inspection visit" line (source "cover page" or "text"),
// else a phrase such as "inspected in June 2019" (source "text"). Relative dates resolve
// against PUBLISHED; dates after it are ignored.
std::optional<DateSpan> find_inspected(const Tokens& t, bool report, const core::Date& published,
                                       std::string& source);

// True when T is about health care. A text of up to 300 words: it names the NHS, the CQC
// ("Care Quality Commission"), hospitals or patients, a trust's full name (3+ words in
// TRUSTS; here any trust or service), a service's name of 2+ words, an inspection word (inspected,
// inspectors, rated, regulator, ...) or a rating grid ("Overall rating", "Are services").
// A longer text: one of the first five, and several distinct words of care and inspection (4,
// 6 over 1,000 words, 8 over 5,000), so a manual's stray "patient" is not enough.
// Documents without it get no trusts, services, ratings or inspection dates.
bool health_context(const Tokens& t, const std::vector<Mention>& trusts,
                    const std::vector<Mention>& services);

// SERVICES without the ambiguous one-word mentions (acronyms such as "ICU", "HART", "EOC" and
// ordinary words such as "Resilience"; not "Maternity") that have no word
// of care or inspection within 25 tokens in their paragraph and no longer service name in it
// (in texts of over 300 words; a shorter one is judged whole by health_context), and without
// the services listed as not inspected ("Services we did not inspect this time" and the short
// lines after it; "We did not inspect maternity.").
std::vector<Mention> services_in_context(const Tokens& t, const std::vector<Mention>& services);

// What the document is (Metadata::kind), from URI's site, DOC's markers and T
// (metadata_kind.cpp): "report" (a CQC inspection report: a PDF from the CQC's site or API, or a PDF whose
// first pages name the CQC and read as an inspection report, not a board paper), "cqc-page"
// (provider/location pages on cqc.org.uk and its copies), "cqc-press" (CQC news releases and
// stories; a press release speaking as the CQC on another site), "trust-news" (an NHS trust's
// *.nhs.uk site, a site named as a trust, or a page ending with a trust press-office block),
// "press" (newspapers, broadcasters, trade press: by host, site name, byline or markup date),
// "other" (anything else, and every document without HEALTH context).
std::string document_kind(const Extraction& doc, std::string_view uri, const Tokens& t,
                          bool health);

}  // namespace cqc::indexer
