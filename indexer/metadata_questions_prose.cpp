// Key-question ratings stated in prose: a question as the subject of a rating ("Caring was
// rated good"), its own rating ("its safe rating dropped to R"), lists ("rated safe and
// well-led as R"), "in all five areas", "For Q the trust was rated R".
#include <algorithm>
#include <optional>

#include "core/gazetteer.hpp"
#include "indexer/metadata_questions.hpp"

namespace cqc::indexer {

// "the rating for well-led has been amended from outstanding to good", "the ratings for
// well-led, responsive and caring also remained good": the questions, then a rating.
void KeyQuestionReader::rating_for_at(size_t i) {
  if (!phrase_at(t_, i, {"rating", "for"}) && !phrase_at(t_, i, {"ratings", "for"})) return;
  if (service_level(i) || past_rating(t_, i)) return;
  std::vector<std::string> questions;
  size_t k = i + 2, end = 0;
  while (k < t_.size() && same_sentence(t_, i, k)) {
    if (is_word(t_[k], {"how", "being"})) ++k;
    const core::KeyQuestion* q = key_question_at(t_, k, end);
    if (!q) break;
    questions.push_back(q->id);
    k = end;
    if (k < t_.size() && is_word(t_[k], {"and"})) ++k;
  }
  if (questions.empty()) return;
  for (size_t j = k; j < k + 10 && j < t_.size() && same_sentence(t_, i, j); ++j) {
    auto r = rating_at(t_, j);
    if (!r) continue;
    if (!past_rating(t_, j) && !key_question_after(t_, r->end))
      for (const auto& q : questions) add(q, r->id, i);
    if (!past_rating(t_, j)) return;
    j = r->end - 1;
  }
}

// "For 'Caring' the Trust was rated as 'good' overall".
void KeyQuestionReader::for_q_rated_at(size_t i) {
  if (!is_word(t_[i], {"for"}) || (i > 0 && same_sentence(t_, i - 1, i))) return;
  size_t end = 0;
  const core::KeyQuestion* q = key_question_at(t_, i + 1, end);
  if (!q) return;
  for (size_t k = end; k < end + 6 && k + 1 < t_.size() && same_sentence(t_, i, k); ++k) {
    if (!is_word(t_[k], {"rated"})) continue;
    size_t j = k + 1;
    if (j < t_.size() && is_word(t_[j], {"as"})) ++j;
    if (auto r = j < t_.size() && same_sentence(t_, i, j) ? rating_at(t_, j) : std::nullopt;
        r && !past_rating(t_, j))
      add(q->id, r->id, i);
    return;
  }
}

// "We rated safe, effective, caring, responsive and well-led as good", "rated each of the
// key questions - safe, effective ... - as good": a list of questions, then "as R".
void KeyQuestionReader::rated_list_as(size_t i) {
  if (!is_word(t_[i], {"rated"}) || service_level(i)) return;
  size_t k = i + 1;
  for (int skipped = 0; skipped < 9 && k < t_.size() && same_sentence(t_, i, k) &&
                        is_word(t_[k], {"each", "all", "of", "the", "five", "key", "questions",
                                        "one", "two", "three", "four", "are", "is", "services",
                                        "service"});
       ++skipped)
    ++k;
  std::vector<std::string> questions;
  size_t end = 0;
  while (k < t_.size() && same_sentence(t_, i, k)) {
    const core::KeyQuestion* q = key_question_at(t_, k, end);
    if (!q) break;
    questions.push_back(q->id);
    k = end;
    if (k < t_.size() && is_word(t_[k], {"and"})) ++k;
  }
  if (questions.size() < 2 || k + 1 >= t_.size() || !same_sentence(t_, i, k) ||
      !is_word(t_[k], {"as"}))
    return;
  auto r = rating_at(t_, k + 1);
  if (!r || past_rating(t_, i)) return;
  for (const auto& q : questions) add(q, r->id, i);
}

// "rated good in all five areas", "Good for every one of the five key questions apart from
// caring": R for every key question, except those named after "apart from" / "except".
void KeyQuestionReader::all_five_at(size_t i) {
  auto r = rating_at(t_, i);
  if (!r || past_rating(t_, i) || r->end >= t_.size() ||
      !is_word(t_[r->end], {"for", "in", "across", "on"}) || service_level(i))
    return;
  size_t k = r->end + 1;
  // "outstanding for caring and good in all other areas": the questions not yet rated
  for (size_t j = k; j < k + 3 && j + 1 < t_.size() && same_sentence(t_, i, j); ++j)
    if (is_word(t_[j], {"other", "remaining"}) && word_before(t_, j, 2, {"all", "every", "each"}) &&
        !out_.empty() &&
        is_word(t_[j + 1], {"areas", "area", "domains", "domain", "categories", "questions", "key"})) {
      for (const auto& kq : core::Gazetteer::builtin().questions()) add(kq.id, r->id, i);
      return;
    }
  bool five = false;
  for (; k < r->end + 8 && same_sentence(t_, i, k); ++k) {
    if (is_word(t_[k], {"five"}) || phrase_at(t_, k, {"key", "question"}) ||
        phrase_at(t_, k, {"key", "questions"})) {
      five = true;  // "in all five areas", "for each key question"
      break;
    }
    if (!is_word(t_[k], {"all", "each", "every", "one", "of", "the"})) return;
  }
  if (!five) return;
  std::vector<std::string> except;
  for (size_t j = k + 1; j < k + 12 && same_sentence(t_, i, j); ++j) {
    if (!(phrase_at(t_, j, {"apart", "from"}) || is_word(t_[j], {"except", "but"}))) continue;
    size_t q = j + (is_word(t_[j], {"except", "but"}) ? 1 : 2);
    if (q < t_.size() && is_word(t_[q], {"for"})) ++q;
    size_t end = 0;
    while (const core::KeyQuestion* kq = key_question_at(t_, q, end)) {
      except.push_back(kq->id);
      q = end;
      if (q < t_.size() && is_word(t_[q], {"and", "or"})) ++q;
      else break;
    }
    break;
  }
  for (const auto& kq : core::Gazetteer::builtin().questions())
    if (std::find(except.begin(), except.end(), kq.id) == except.end()) add(kq.id, r->id, i);
}

// A service is named in I's paragraph before I.
bool KeyQuestionReader::service_in_paragraph(size_t i) const {
  for (size_t k = i; k > 0 && i - k < 400 && t_[k - 1].para == t_[i].para; --k)
    if (service_start_[k - 1]) return true;
  return false;
}

// True when the sentence holding I is about one service ("within the service", "overall
// for the service"): its key-question ratings are the service's, not the trust's.
bool KeyQuestionReader::service_level(size_t i) const {
  if (single_service_) return false;  // the one service's ratings are the document's
  // a named service is the subject: "The forensic wards were rated outstanding for caring"
  for (size_t k = sentence_start(t_, i); k < i; ++k)
    if (service_start_[k]) return true;
  for (size_t k = sentence_start(t_, i); k + 1 < t_.size() && t_[k].sentence == t_[i].sentence; ++k)
    if (is_word(t_[k], {"the", "this", "that"}) && is_word(t_[k + 1], {"service", "unit", "department"}))
      return true;
  return false;
}

// "Caring was rated good", "safety and leadership were both rated requires improvement",
// "Effective and responsive were judged to require improvement", "safety, which was rated
// as requires improvement": key questions as the subject of a rating.
void KeyQuestionReader::subject_at(size_t i) {
  if (i > 0 && same_sentence(t_, i - 1, i) &&
      !is_word(t_[i - 1], {"the", "its", "and", "was", "as", "while", "whilst", "but", "whereas"}) &&
      t_[i].sep.find_first_of(",;:") == std::string::npos)
    return;  // only at the start of a clause
  std::vector<std::string> questions;
  size_t k = i, end = 0, next = 0;
  while (const core::KeyQuestion* q = key_question_at(t_, k, end)) {
    questions.push_back(q->id);
    k = end;
    if (k < t_.size() && is_word(t_[k], {"and"}) && same_sentence(t_, i, k)) ++k;
    else if (k < t_.size() && t_[k].sep.find(',') != std::string::npos && same_sentence(t_, i, k) &&
             key_question_at(t_, k, next) && next < t_.size() && !is_word(t_[next], {"which"}))
      continue;  // "safe, responsive and well-led were rated ..."
    else break;
  }
  if (questions.empty() || k >= t_.size() || !same_sentence(t_, i, k)) return;
  if (is_word(t_[k], {"which"})) ++k;  // "safety, which was rated as ..."
  size_t at = 0;
  const bool rated = k < t_.size() && is_word(t_[k], {"was", "were", "is", "are"});
  auto r = verb_rating(i, k, at);
  if (!r || past_rating(t_, at) || service_level(i)) return;
  // "Effective has dropped to R" after a paragraph that named a service: the service's
  if (!rated && service_in_paragraph(i)) return;
  for (const auto& q : questions) add(q, r->id, i);
}

// The rating a verb phrase from K states of its subject (the sentence of I): "was (both)
// rated (as) R", "were judged to be R", "retained the rating of R", "has dropped from R0 to
// R", "remains R".
// AT is set to the rating's first token.
std::optional<RatingHit> KeyQuestionReader::verb_rating(size_t i, size_t k, size_t& at) const {
  bool aux = false;
  while (k < t_.size() && same_sentence(t_, i, k) &&
         is_word(t_[k], {"was", "were", "is", "are", "has", "have", "had", "been", "both", "also",
                         "still", "now", "again", "each"})) {
    aux = true;
    ++k;
  }
  if (k >= t_.size() || !same_sentence(t_, i, k)) return std::nullopt;
  if (aux && is_word(t_[k], {"rated", "judged", "found"})) {
    ++k;
    if (k < t_.size() && is_word(t_[k], {"as", "to"})) ++k;
    if (k < t_.size() && is_word(t_[k], {"be"})) ++k;
  } else if (is_word(t_[k], {"retained", "kept", "received", "maintained", "achieved"})) {
    ++k;  // "safety and responsiveness retained the rating of requiring improvement"
    if (k < t_.size() && is_word(t_[k], {"the", "a", "an", "its", "their"})) ++k;
    if (phrase_at(t_, k, {"rating", "of"})) k += 2;
    auto r = k < t_.size() && same_sentence(t_, i, k) ? rating_at(t_, k) : std::nullopt;
    at = k;
    if (r && r->end < t_.size() && is_word(t_[r->end], {"rating"})) return r;  // "kept its good rating"
    return r && t_[k - 1].lower == "of" ? r : std::nullopt;
  } else if (is_word(t_[k], {"dropped", "improved", "fallen", "fell", "risen", "rose", "gone",
                             "went", "moved", "slipped", "declined", "deteriorated", "changed"})) {
    ++k;  // "Effective has dropped from outstanding to requires improvement"
    if (k < t_.size() && is_word(t_[k], {"up", "down", "back"})) ++k;
    if (k < t_.size() && is_word(t_[k], {"from"})) {
      auto before = k + 1 < t_.size() ? rating_at(t_, k + 1) : std::nullopt;
      if (!before) return std::nullopt;
      k = before->end;
    }
    if (k >= t_.size() || !is_word(t_[k], {"to"})) return std::nullopt;
    ++k;
  } else if (is_word(t_[k], {"remains", "remained", "stays", "stayed"})) {
    ++k;  // "well-led remains outstanding"
    if (k < t_.size() && is_word(t_[k], {"rated"})) ++k;
    if (k < t_.size() && is_word(t_[k], {"as", "at"})) ++k;
  } else {
    return std::nullopt;
  }
  auto r = k < t_.size() && same_sentence(t_, i, k) ? rating_at(t_, k) : std::nullopt;
  if (r && key_question_after(t_, r->end)) return std::nullopt;
  at = k;
  return r;
}
}  // namespace cqc::indexer
