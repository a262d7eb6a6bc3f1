// Private to the indexer: the reader of key-question ratings (find_key_question_ratings),
// one class whose rules are split by kind: grids and lists (metadata_questions.cpp) and
// ratings stated in prose (metadata_questions_prose.cpp).
#pragma once
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "indexer/metadata_ratings.hpp"

namespace cqc::indexer {

// The key question named at token K ("safe", "well-led", "well led", "safety"), and the
// token after it in END; nullptr when none.
const core::KeyQuestion* key_question_at(const Tokens& t, size_t k, size_t& end);

// Reads the key-question ratings of one document: each rule is tried at every token, the
// first rating stated per question is kept, in order.
class KeyQuestionReader {
 public:
  // T: the document; SERVICES: the core services it names; REPORT: a PDF report;
  // SINGLE_SERVICE: the document is about one service (its ratings are that service's).
  KeyQuestionReader(const Tokens& t, const std::vector<Mention>& services, bool report, bool single_service)
      : t_(t), service_start_(t.size() + 1, false), report_(report), single_service_(single_service) {
    for (const Mention& m : services) service_start_[m.begin] = true;
    // a core service's report says so: "the quality of care provided within this core service"
    for (size_t i = 0; i + 2 < t.size() && !core_service_report_; ++i)
      core_service_report_ = phrase_at(t, i, {"this", "core", "service"});
  }

  // Runs every rule over the document; SOURCE gets "cover page" or "text".
  std::vector<KeyQuestionRating> run(std::string& source);

 private:
  // Keeps RATING for QUESTION (found at token AT) unless the question already has one.
  void add(const std::string& question, const std::string& rating, size_t at);

  // A single service's grid: "Are community health inpatient services safe? Good", also with
  // the rating moved before the question by the page layout ("Are S Good effective?").
  void service_grid_at(size_t i);

  // A grid without questions, one row per key question at a sentence start: "Safe Requires
  // improvement", "Effective Good" (bullets or lines). Taken when three or more rows are seen.
  void bare_grid_at(size_t i);

  // "Are services safe? R", "Is the service well-led? R", "Is it caring? R".
  void grid_at(size_t i);

  // "R for Q1, Q2 and Q3": each question in the list gets R; "from R0 to R for Q" too.
  void prose_at(size_t i);

  // After a rating ending at J: "(rating) in response to the question 'Are services Q?'",
  // "for the question 'Is the service Q?'": the token of Q, else 0.
  size_t asked_question_after(size_t j) const;

  // A key question's own rating: "its well-led rating went from good to outstanding", "the
  // safe rating dropped to inadequate", "its caring rating remains outstanding".
  void question_rating_at(size_t i);

  // The key questions listed from K ("safe, effective and well-led", "safe effective
  // well-led", "caring and for well-led") all get RATING.
  void list_from(size_t k, const std::string& rating, size_t i);

  // "the rating for well-led has been amended from outstanding to good", "the ratings for
  // well-led, responsive and caring also remained good": the questions, then a rating.
  void rating_for_at(size_t i);

  // "For 'Caring' the Trust was rated as 'good' overall".
  void for_q_rated_at(size_t i);

  // "We rated safe, effective, caring, responsive and well-led as good", "rated each of the
  // key questions - safe, effective ... - as good": a list of questions, then "as R".
  void rated_list_as(size_t i);

  // "rated good in all five areas", "Good for every one of the five key questions apart from
  // caring": R for every key question, except those named after "apart from" / "except".
  void all_five_at(size_t i);

  // A service is named in I's paragraph before I.
  bool service_in_paragraph(size_t i) const;

  // True when the sentence holding I is about one service ("within the service", "overall
  // for the service"): its key-question ratings are the service's, not the trust's.
  bool service_level(size_t i) const;

  // "Caring was rated good", "safety and leadership were both rated requires improvement",
  // "Effective and responsive were judged to require improvement", "safety, which was rated
  // as requires improvement": key questions as the subject of a rating.
  void subject_at(size_t i);

  // The rating a verb phrase from K states of its subject (the sentence of I): "was (both)
  // rated (as) R", "were judged to be R", "retained the rating of R", "has dropped from R0 to
  // R", "remains R".
  // AT is set to the rating's first token.
  std::optional<RatingHit> verb_rating(size_t i, size_t k, size_t& at) const;

  const Tokens& t_;
  std::vector<bool> service_start_;  // a core service's name starts at token i
  const bool report_;
  const bool single_service_;
  bool core_service_report_ = false;  // the document is one core service's report
  bool first_page_ = false;
  std::vector<std::pair<std::string, std::string>> bare_rows_;  // bare_grid_at's rows
  size_t first_bare_ = 0;
  std::vector<KeyQuestionRating> out_;
};

}  // namespace cqc::indexer
