// Private to the indexer: rating words in the token stream, shared by the overall-rating
// (metadata_ratings.cpp) and service-rating (metadata_service_ratings.cpp) heuristics.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "indexer/metadata_parts.hpp"

namespace cqc::indexer {

struct RatingHit {
  std::string id;  // rating id
  size_t end = 0;  // token after the rating words
};

// The rating named at token I ("good", "requires improvement", ...), within one sentence.
std::optional<RatingHit> rating_at(const Tokens& t, size_t i);

// True when the words from J say the rating before them is a key question's:
// "for safety", "for being well-led", "in caring".
bool key_question_after(const Tokens& t, size_t j);

// True when the words just before I mark a rating as an earlier one ("previously rated",
// "the previous 'inadequate' rating", "from good to ...").
bool past_rating(const Tokens& t, size_t i);

// True when tokens A and B exist and lie in one sentence.
bool same_sentence(const Tokens& t, size_t a, size_t b);

// The first token of the sentence holding token I, at most 60 tokens back (long "sentences"
// are tables or code, where a farther start means nothing).
size_t sentence_start(const Tokens& t, size_t i);

// Per-service ratings stated in T, in order of the services' first mention.
std::vector<ServiceRating> find_service_ratings(const Tokens& t,
                                                const std::vector<Mention>& services,
                                                bool report);

// Key-question ratings stated in T (report grids and "rated good for caring"), the first
// per question, in order. SOURCE gets "cover page" (a report's first page) or "text".
std::vector<KeyQuestionRating> find_key_question_ratings(const Tokens& t, bool report,
                                                         std::string& source);

}  // namespace cqc::indexer
