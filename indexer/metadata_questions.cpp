// Key-question ratings: report grids ("Are services safe? Requires improvement", "Is the
// service caring? Good") and prose ("rated good for caring and effective, but requires
// improvement for safe, responsive and well-led").
#include <algorithm>
#include <optional>

#include "core/gazetteer.hpp"
#include "indexer/metadata_questions.hpp"

namespace cqc::indexer {

const core::KeyQuestion* key_question_at(const Tokens& t, size_t k, size_t& end) {
  if (k >= t.size()) return nullptr;
  const auto& g = core::Gazetteer::builtin();
  if (phrase_at(t, k, {"well", "led"})) {
    end = k + 2;
    return g.resolve_question("well-led");
  }
  if (is_word(t[k], {"care"})) return nullptr;  // "good for care" is too loose to count
  end = k + 1;
  return g.resolve_question(t[k].text);
}

std::vector<KeyQuestionRating> KeyQuestionReader::run(std::string& source) {
  for (size_t i = 0; i < t_.size(); ++i) {
    grid_at(i);
    bare_grid_at(i);
    service_grid_at(i);
    rating_for_at(i);
    for_q_rated_at(i);
    all_five_at(i);
    subject_at(i);
    prose_at(i);
    rated_list_as(i);
    question_rating_at(i);
  }
  if (bare_rows_.size() >= 3)
    for (const auto& [q, r] : bare_rows_) add(q, r, first_bare_);
  source = first_page_ && report_ ? "cover page" : "text";
  return out_;
}

void KeyQuestionReader::add(const std::string& question, const std::string& rating, size_t at) {
  for (const auto& q : out_)
    if (q.question == question) return;
  if (out_.empty()) first_page_ = t_[at].page <= 1;
  out_.push_back({question, rating});
}

// A single service's grid: "Are community health inpatient services safe? Good", also with
// the rating moved before the question by the page layout ("Are S Good effective?").
void KeyQuestionReader::service_grid_at(size_t i) {
  if (!(single_service_ || core_service_report_) || !is_word(t_[i], {"are"}) ||
      phrase_at(t_, i, {"are", "services"}))
    return;
  std::optional<RatingHit> inside;
  for (size_t k = i + 1; k < i + 12 && k < t_.size() && t_[k].para == t_[i].para; ++k) {
    size_t end = 0;
    if (const core::KeyQuestion* q = key_question_at(t_, k, end);
        q && (end >= t_.size() || t_[end].sep.find('?') != std::string::npos ||
              t_[end].para != t_[i].para)) {  // the question ends its line ('?' is not kept there)
      if (auto r = end < t_.size() && t_[end].para == t_[i].para ? rating_at(t_, end) : std::nullopt)
        add(q->id, r->id, i);
      else if (inside) add(q->id, inside->id, i);
      return;
    }
    if (t_[k].sep.find('?') != std::string::npos) return;
    if (auto r = rating_at(t_, k)) inside = r;
  }
}

// A grid without questions, one row per key question at a sentence start: "Safe Requires
// improvement", "Effective Good" (bullets or lines). Taken when three or more rows are seen.
void KeyQuestionReader::bare_grid_at(size_t i) {
  if (i > 0 && t_[i - 1].sentence == t_[i].sentence) return;
  size_t end = 0;
  const core::KeyQuestion* q = key_question_at(t_, i, end);
  if (!q || end >= t_.size()) return;
  auto r = rating_at(t_, end);  // on the same line, or alone on the next
  if (!r || (r->end < t_.size() && same_sentence(t_, end, r->end))) return;  // the row ends there
  if (!same_sentence(t_, i, end) && end + 1 < t_.size() && t_[end].sentence == t_[end - 1].sentence + 1 &&
      r->end < t_.size() && t_[r->end].sentence == t_[end].sentence)
    return;
  bare_rows_.push_back({q->id, r->id});
  if (bare_rows_.size() == 3 && first_bare_ == 0) first_bare_ = i;
}

// "Are services safe? R", "Is the service well-led? R", "Is it caring? R".
void KeyQuestionReader::grid_at(size_t i) {
  size_t k = i;
  if (phrase_at(t_, k, {"are", "services"})) k += 2;
  else if (phrase_at(t_, k, {"is", "the", "service"})) k += 3;
  else if (phrase_at(t_, k, {"is", "the", "trust"})) k += 3;
  else if (phrase_at(t_, k, {"is", "it"})) k += 2;
  else return;
  // "Are services at this trust safe?", "Is the service provided by the trust caring?"
  for (int skipped = 0; skipped < 4 && k < t_.size() && t_[k].para == t_[i].para &&
                        is_word(t_[k], {"at", "in", "across", "this", "the", "trust", "provided", "by",
                                        "organisation", "service", "location", "hospital"});
       ++skipped)
    ++k;
  size_t end = 0;
  const core::KeyQuestion* q = key_question_at(t_, k, end);
  if (!q || end >= t_.size() || t_[end].para != t_[i].para) return;
  if (auto r = rating_at(t_, end)) add(q->id, r->id, i);
}

// "R for Q1, Q2 and Q3": each question in the list gets R; "from R0 to R for Q" too.
void KeyQuestionReader::prose_at(size_t i) {
  auto r = rating_at(t_, i);
  if (!r || service_level(i)) return;
  const bool changed_to = i >= 2 && is_word(t_[i - 1], {"to"}) && word_before(t_, i - 1, 4, {"from"});
  if (past_rating(t_, i) && !changed_to) return;
  if (size_t k = question_list_at(t_, r->end)) list_from(k, r->id, i);
  else if (size_t q = asked_question_after(r->end)) list_from(q, r->id, i);
}

// After a rating ending at J: "(rating) in response to the question 'Are services Q?'",
// "for the question 'Is the service Q?'": the token of Q, else 0.
size_t KeyQuestionReader::asked_question_after(size_t j) const {
  if (j < t_.size() && is_word(t_[j], {"rating"})) ++j;
  if (phrase_at(t_, j, {"in", "response", "to", "the", "question"})) j += 5;
  else if (phrase_at(t_, j, {"for", "the", "question"}) || phrase_at(t_, j, {"on", "the", "question"}))
    j += 3;
  else
    return 0;
  if (phrase_at(t_, j, {"are", "services"}) || phrase_at(t_, j, {"is", "it"})) j += 2;
  else if (phrase_at(t_, j, {"is", "the", "service"}) || phrase_at(t_, j, {"is", "the", "trust"})) j += 3;
  else return 0;
  size_t end = 0;
  return j < t_.size() && key_question_at(t_, j, end) ? j : 0;
}

// A key question's own rating: "its well-led rating went from good to outstanding", "the
// safe rating dropped to inadequate", "its caring rating remains outstanding".
void KeyQuestionReader::question_rating_at(size_t i) {
  size_t prev_end = 0;
  if (i > 0 && same_sentence(t_, i - 1, i) &&
      (is_word(t_[i - 1], {"overall", "and"}) || rating_at(t_, i - 1) || key_question_at(t_, i - 1, prev_end)))
    return;  // the list starts before I, or "the overall (safe) rating"
  std::vector<std::string> questions;  // "the safe and well-led ratings"
  size_t end = i, next = 0;
  while (const core::KeyQuestion* q = key_question_at(t_, end, next)) {
    questions.push_back(q->id);
    end = next;
    if (end < t_.size() && is_word(t_[end], {"and"}) && same_sentence(t_, i, end)) ++end;
    else break;
  }
  if (questions.empty() || end + 1 >= t_.size() || !is_word(t_[end], {"rating", "ratings"}) ||
      !same_sentence(t_, i, end + 1))
    return;
  if (service_level(i) || past_rating(t_, i)) return;
  size_t k = end + 1;
  if (is_word(t_[k], {"at", "of", "for"}))  // "the safe rating at X dropped to R"
    for (size_t j = k + 1; j < k + 10 && j < t_.size() && same_sentence(t_, i, j); ++j)
      if (is_word(t_[j], {"has", "have", "had", "went", "dropped", "fell", "improved", "rose",
                          "remains", "remained", "changed", "moved", "is", "was", "were", "are"})) {
        k = j;
        break;
      }
  while (k < t_.size() && is_word(t_[k], {"has", "have", "had", "now", "also", "been"})) ++k;
  if (k >= t_.size() || !same_sentence(t_, i, k)) return;
  if (is_word(t_[k], {"went", "gone", "moved", "improved", "dropped", "fell", "rose", "changed",
                      "slipped", "climbed", "declined", "deteriorated", "fallen", "risen",
                      "downgraded", "upgraded"})) {
    ++k;
    if (k < t_.size() && is_word(t_[k], {"up", "down", "back"})) ++k;
    if (k < t_.size() && is_word(t_[k], {"from"})) {
      auto before = rating_at(t_, k + 1);
      if (!before) return;
      k = before->end;
    }
    if (k >= t_.size() || !is_word(t_[k], {"to"})) return;
    ++k;
  } else if (is_word(t_[k], {"remains", "remained", "remain", "stays", "stayed", "is", "was", "are",
                             "were", "of"})) {
    ++k;
    if (k < t_.size() && is_word(t_[k], {"as", "at"})) ++k;
  } else {
    return;
  }
  auto r = k < t_.size() && same_sentence(t_, i, k) ? rating_at(t_, k) : std::nullopt;
  if (r && !key_question_after(t_, r->end))
    for (const auto& q : questions) add(q, r->id, i);
}

// The key questions listed from K ("safe, effective and well-led", "safe effective
// well-led", "caring and for well-led") all get RATING.
void KeyQuestionReader::list_from(size_t k, const std::string& rating, size_t i) {
  while (k < t_.size() && same_sentence(t_, i, k)) {
    size_t end = 0;
    const core::KeyQuestion* q = key_question_at(t_, k, end);
    if (!q) break;
    add(q->id, rating, i);
    k = end;
    if (k < t_.size() && is_word(t_[k], {"services"})) ++k;
    if (phrase_at(t_, k, {"to", "people", "s", "needs"})) k += 4;  // "responsive to people's needs"
    if (k < t_.size() && is_word(t_[k], {"and", "or"}) && same_sentence(t_, i, k)) {
      ++k;
    } else if (k < t_.size() && t_[k].sep.find(',') != std::string::npos &&
               same_sentence(t_, i, k)) {
      if (is_word(t_[k], {"and"})) ++k;
    } else if (size_t e = 0; k < t_.size() && same_sentence(t_, i, k) && key_question_at(t_, k, e)) {
      continue;  // "safe, effective well-led": a comma lost
    } else {
      break;
    }
    // "for safe and for well-led", "on effectiveness and on responsiveness"
    if (k < t_.size() && is_word(t_[k], {"for", "on", "in"})) ++k;
    if (k < t_.size() && is_word(t_[k], {"being", "the", "its"})) ++k;
  }
}

std::vector<KeyQuestionRating> find_key_question_ratings(const Tokens& t,
                                                         const std::vector<Mention>& services,
                                                         bool report, bool single_service,
                                                         std::string& source) {
  return KeyQuestionReader(t, services, report, single_service).run(source);
}

}  // namespace cqc::indexer
