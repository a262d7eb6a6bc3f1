// Private to the indexer: rating words in the token stream, shared by the overall-rating
// (metadata_ratings.cpp, metadata_overall.cpp), service-rating (metadata_service_ratings.cpp)
// and key-question (metadata_questions.cpp) heuristics.
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

// The first key question of the list the words from J lead into, else 0: the rating before
// J is a key question's ("for safety", "in caring", "overall for being well-led", "for
// whether its services are safe", "for providing services that are caring", "with regard to
// whether services were safe", "for having caring, effective services").
size_t question_list_at(const Tokens& t, size_t j);

// True when question_list_at(T, J) finds a key question.
bool key_question_after(const Tokens& t, size_t j);

// True when the words just before I mark a rating as an earlier one ("previously rated",
// "the previous 'inadequate' rating", "from good to ...").
bool past_rating(const Tokens& t, size_t i);

// True when tokens A and B exist and lie in one sentence.
bool same_sentence(const Tokens& t, size_t a, size_t b);

// The first token of the sentence holding token I, at most 60 tokens back (long "sentences"
// are tables or code, where a farther start means nothing).
size_t sentence_start(const Tokens& t, size_t i);

// An overall rating stated of a trust: the rating id and the token where its phrase starts.
struct OverallHit {
  std::string id;
  size_t at = 0;
};

// The overall ratings stated of TRUSTS (mentions in T) in T, in order ("rated good overall",
// "X has been told it 'requires improvement'", "Overall inspection: Good", "Provider: X R");
// not a service's (one of SERVICES), a key question's or an earlier inspection's. With
// FIRST_ONLY only the first.
std::vector<OverallHit> find_overall_ratings(const Tokens& t, const std::vector<Mention>& trusts,
                                             const std::vector<Mention>& services, bool first_only);

// Per-service ratings stated in T, in order of the services' first mention.
std::vector<ServiceRating> find_service_ratings(const Tokens& t,
                                                const std::vector<Mention>& services,
                                                bool report);

// Key-question ratings stated in T (report grids and "rated good for caring"), the first
// per question, in order. SOURCE gets "cover page" (a report's first page) or "text".
// SINGLE_SERVICE: the document is about one service, whose ratings are its key-question
// ratings; otherwise a sentence about "the service" or with one of SERVICES named before the
// rating is not the trust's. A grid of bare rows ("Safe Good", "Caring Good") counts from
// three rows.
std::vector<KeyQuestionRating> find_key_question_ratings(const Tokens& t,
                                                         const std::vector<Mention>& services,
                                                         bool report, bool single_service,
                                                         std::string& source);

}  // namespace cqc::indexer
