// CQC API location responses as documents of kind "rating": a location with current ratings
// but no published report (in the API's `reports[]`) would otherwise not be in the index at
// all. Its archived GET /locations/{id} JSON becomes a short text listing the ratings, with
// structured metadata for apply_api_metadata. Field names are the API's own (fetch/cqc_api.hpp);
// the indexer reads them itself because it never depends on the fetcher.
#pragma once
#include <string>
#include <string_view>

#include "indexer/extract.hpp"

namespace cqc::indexer {

// True when BYTES are a CQC API location (an object with `locationId`) whose
// `currentRatings` give an overall or a service rating, and whose `reports` is missing,
// null or empty. Any other JSON, or bytes that are not JSON, give false.
bool is_cqc_api_rating(std::string_view bytes);

// The extractor for such responses: format "cqc-api", title "<name> — CQC ratings", one
// unpaged text listing the overall, key-question and service ratings with their dates.
// Bytes that are not such a response give a Failure.
const Extractor& cqc_api_extractor();

// The structured metadata of such a response, in the shape of the fetcher's report metadata:
// {"source":"cqc-api","kind":"rating","organisation":locationId,"provider":providerId,
//  "name":..,"location":..,"location_id":..,"ratings_date":currentRatings.reportDate (else
//  overall.reportDate),"overall":..,"key_questions":{"Safe":"Good",..},
//  "services":[{"name":..,"rating":..,"key_questions":{..}}]}; "" for any other bytes.
std::string api_rating_metadata_json(std::string_view bytes);

}  // namespace cqc::indexer
