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

// Every trust name, former name (as its current trust), abbreviation and short name in T, in
// order; abbreviations and short names ("University Hospitals Birmingham") case-sensitively.
// Also the variants of find_trust_variants.
std::vector<Mention> find_trust_names(const Tokens& t);

// Trust names as the press writes them, not quite the trust's: capitalised words ending in
// "NHS Trust", "NHS Foundation Trust" or "Foundation Trust" that Gazetteer::
// resolve_trust_variant resolves ("Hull and East Yorkshire NHS Trust"), longest first, outside
// the KNOWN mentions; in order. A one-word name or one after "a" ("a Hampshire NHS trust")
// describes a trust and is not taken.
std::vector<Mention> find_trust_variants(const Tokens& t, const std::vector<Mention>& known);

// A hospital or main site of a trust named in the text (data/hospitals.tsv): id is the site's
// name as in the table, trust the ODS code of the trust that runs it.
struct SiteMention : Mention {
  std::string trust;
};

// Every hospital or site named in T, in order, longest match first ("Birmingham Heartlands
// Hospital" over "Heartlands Hospital"). Names match case-sensitively except a generic last word
// ("Good Hope hospital"); "St" and "Saint" are one. An ambiguous name ("St Mary's Hospital",
// "County Hospital") counts only when a town of one of its sites is written within ten words
// ("St Mary's Hospital, Newport") or, failing that, when exactly one of its sites' trusts is
// named in TRUST_NAMES or stands behind an unambiguous site named in T. A list sharing its last
// words counts item by item ("Wansbeck, North Tyneside and Hexham general hospitals").
std::vector<SiteMention> find_locations(const Tokens& t, const std::vector<Mention>& trust_names);
// The same, with the trust names found by find_trust_names(T).
std::vector<SiteMention> find_locations(const Tokens& t);

// The site a document about TRUST is about: the one site of TRUST its title names, when the
// title names no other site ("Good Hope Hospital maternity unit rated good"); "" otherwise
// (the document is about the trust). SOURCE gets "title".
std::string document_location(const Tokens& t, const std::vector<SiteMention>& sites,
                              std::string_view trust, std::string& source);

// The trusts named in T, in order: find_trust_names, and each site of find_locations as its
// trust. Where T names trusts only by acronyms ("MTW") or not at all, the acronyms and sites
// count only when T is about health care ("NHS", "CQC", "Care Quality Commission", an
// inspection, "requires improvement", mental health or "the trust"), so a crime report naming the hospital a victim was taken to, or
// a German "MTW", gets no trust. A site inside a trust's name, or whose trust T names ("supported by X
// Trust, which runs Y Hospital"), is not counted again: the names decide that trust's role.
// SITES_FOUND, when given, gets the sites found (find_locations), so callers need not look
// for them again.
std::vector<Mention> find_trusts(const Tokens& t, std::vector<SiteMention>* sites_found = nullptr);

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
// main trust's weight. The rest are mentioned. A list of four or more trusts, none in the title
// and none with twice the weight of the next, is about none of them (all are mentioned).
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
