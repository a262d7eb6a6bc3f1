// Metadata extraction: which trusts, services, ratings and dates a document is about.
// First cut (issue 2); issue 4 makes it measured and excellent. Unknown stays unknown.
#pragma once
#include <map>
#include <string_view>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "indexer/extract.hpp"

namespace cqc::indexer {

struct ServiceRating {
  std::string service;  // service id (core::Service::id)
  std::string rating;   // rating id (core::Rating::id)
  bool operator==(const ServiceRating&) const = default;
};

// A key question's rating as the document states it ("rated good for caring").
struct KeyQuestionRating {
  std::string question;  // key question id (core::KeyQuestion::id): safe, effective, ...
  std::string rating;    // rating id
  bool operator==(const KeyQuestionRating&) const = default;
};

// A version of the document's URI (indexer/versions.hpp), as stored in the document's data.
struct VersionInfo {
  std::int64_t capture = 0;     // the first capture of the version
  std::string time;             // its WARC date
  std::string digest;           // its payload digest
  std::optional<bool> changed;  // its text differs from the previous version's; nullopt for
                                // the first version, or when either text could not be read
};

struct Metadata {
  std::string kind;  // report | cqc-page | cqc-press | trust-news | press | rating | other
                     // (document_kind in metadata_kind.cpp; "rating" from the CQC API)
  std::string location;                       // the CQC location (hospital, unit) the document
                                              // is about, by name; "" for a trust or unknown
  std::string location_id;                    // its CQC location id ("1-116913456"), "" if none
  std::vector<std::string> trusts;            // ODS codes the document names with a role in
                                              // it: the ones it is about first (main first),
                                              // then those in mentioned_trusts
  std::vector<std::string> mentioned_trusts;  // the trusts in `trusts` only named in passing
                                              // (a buddy or partner, a comparison); the trusts
                                              // a document is ABOUT are trusts - mentioned
  std::vector<std::string> services;          // service ids inspected/discussed
  std::string overall_rating;                 // rating id, "" when not stated
  std::vector<ServiceRating> service_ratings; // per-service ratings stated in the document
  std::vector<std::string> ratings;           // distinct rating ids: overall + per service
  std::vector<KeyQuestionRating> key_question_ratings;  // "good for caring", cover grids; the
                                                        // first stated per question, in order
  core::Date inspected_from;                  // inspection visit start (any precision)
  core::Date inspected_to;                    // visit end; equals inspected_from for one date
  core::Date published;                       // publication date
  int year = 0;                               // inspected year, else published year, else 0
  std::map<std::string, std::string> provenance;  // field -> where it came from ("cover page",
                                                  // "json-ld", "text", ...)
  std::vector<VersionInfo> versions;  // the URI's versions, oldest first, the document's own
                                      // last; empty when there was only ever one
  std::vector<std::string> warnings;  // structured input found implausible and not trusted,
                                      // e.g. "inspected: cqc-api first visit 2023-05-02 after
                                      // report 2023-04-01, ignored" (the indexer logs them)
};

// Extracts metadata from an extracted document. URI is the capture's target URI (it may
// carry a trust code or date for some sources); it is never used to guess a year.
Metadata extract_metadata(const Extraction& doc, std::string_view uri);

// Overrides META with the structured metadata JSON the fetcher kept for a CQC API report
// (fetch/cqc_api.hpp, report_metadata_json) or that api_rating_metadata_json made for a
// location's ratings (indexer/extract_cqc_api.hpp): kind ("report", or "rating" when the
// JSON says so), provider, location name and id, overall, key-question and per-service
// ratings (resolved by name), report or ratings date (published) and first visit date
// (inspected). Fields the JSON lacks keep their text-derived values; provenance says
// "cqc-api". An impossible API date is not trusted: a first visit after the report, or a
// date after CAPTURED (the capture's WARC-Date, "" = not checked), is ignored, the text's
// value kept only if it is itself possible, provenance says "cqc-api: ignored, <why>"
// (or "<text source>; cqc-api ignored: <why>") and META.warnings gets a line.
void apply_api_metadata(std::string_view json, Metadata& meta, std::string_view captured = {});

}  // namespace cqc::indexer
