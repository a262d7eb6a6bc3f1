// Key-question ratings: report grids ("Are services safe? Requires improvement", "Is the
// service caring? Good") and prose ("rated good for caring and effective, but requires
// improvement for safe, responsive and well-led").
#include <algorithm>
#include <optional>

#include "core/gazetteer.hpp"
#include "indexer/metadata_ratings.hpp"

namespace cqc::indexer {
namespace {

// The key question named at token K ("safe", "well-led", "well led", "safety"), and the
// token after it; nullptr when none.
const core::KeyQuestion* question_at(const Tokens& t, size_t k, size_t& end) {
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

class Questions {
 public:
  Questions(const Tokens& t, const std::vector<Mention>& services, bool report, bool single_service)
      : t_(t), service_start_(t.size() + 1, false), report_(report), single_service_(single_service) {
    for (const Mention& m : services) service_start_[m.begin] = true;
    // a core service's report says so: "the quality of care provided within this core service"
    for (size_t i = 0; i + 2 < t.size() && !core_service_report_; ++i)
      core_service_report_ = phrase_at(t, i, {"this", "core", "service"});
  }

  std::vector<KeyQuestionRating> run(std::string& source) {
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

 private:
  void add(const std::string& question, const std::string& rating, size_t at) {
    for (const auto& q : out_)
      if (q.question == question) return;
    if (out_.empty()) first_page_ = t_[at].page <= 1;
    out_.push_back({question, rating});
  }

  // A single service's grid: "Are community health inpatient services safe? Good", also with
  // the rating moved before the question by the page layout ("Are S Good effective?").
  void service_grid_at(size_t i) {
    if (!(single_service_ || core_service_report_) || !is_word(t_[i], {"are"}) ||
        phrase_at(t_, i, {"are", "services"}))
      return;
    std::optional<RatingHit> inside;
    for (size_t k = i + 1; k < i + 12 && k < t_.size() && t_[k].para == t_[i].para; ++k) {
      size_t end = 0;
      if (const core::KeyQuestion* q = question_at(t_, k, end);
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
  void bare_grid_at(size_t i) {
    if (i > 0 && t_[i - 1].sentence == t_[i].sentence) return;
    size_t end = 0;
    const core::KeyQuestion* q = question_at(t_, i, end);
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
  void grid_at(size_t i) {
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
    const core::KeyQuestion* q = question_at(t_, k, end);
    if (!q || end >= t_.size() || t_[end].para != t_[i].para) return;
    if (auto r = rating_at(t_, end)) add(q->id, r->id, i);
  }

  // "R for Q1, Q2 and Q3": each question in the list gets R; "from R0 to R for Q" too.
  void prose_at(size_t i) {
    auto r = rating_at(t_, i);
    if (!r || service_level(i)) return;
    const bool changed_to = i >= 2 && is_word(t_[i - 1], {"to"}) && word_before(t_, i - 1, 4, {"from"});
    if (past_rating(t_, i) && !changed_to) return;
    if (size_t k = question_list_at(t_, r->end)) list_from(k, r->id, i);
    else if (size_t q = asked_question_after(r->end)) list_from(q, r->id, i);
  }

  // After a rating ending at J: "(rating) in response to the question 'Are services Q?'",
  // "for the question 'Is the service Q?'": the token of Q, else 0.
  size_t asked_question_after(size_t j) const {
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
    return j < t_.size() && question_at(t_, j, end) ? j : 0;
  }

  // A key question's own rating: "its well-led rating went from good to outstanding", "the
  // safe rating dropped to inadequate", "its caring rating remains outstanding".
  void question_rating_at(size_t i) {
    size_t prev_end = 0;
    if (i > 0 && same_sentence(t_, i - 1, i) &&
        (is_word(t_[i - 1], {"overall", "and"}) || rating_at(t_, i - 1) || question_at(t_, i - 1, prev_end)))
      return;  // the list starts before I, or "the overall (safe) rating"
    std::vector<std::string> questions;  // "the safe and well-led ratings"
    size_t end = i, next = 0;
    while (const core::KeyQuestion* q = question_at(t_, end, next)) {
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
  void list_from(size_t k, const std::string& rating, size_t i) {
    while (k < t_.size() && same_sentence(t_, i, k)) {
      size_t end = 0;
      const core::KeyQuestion* q = question_at(t_, k, end);
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
      } else if (size_t e = 0; k < t_.size() && same_sentence(t_, i, k) && question_at(t_, k, e)) {
        continue;  // "safe, effective well-led": a comma lost
      } else {
        break;
      }
      // "for safe and for well-led", "on effectiveness and on responsiveness"
      if (k < t_.size() && is_word(t_[k], {"for", "on", "in"})) ++k;
      if (k < t_.size() && is_word(t_[k], {"being", "the", "its"})) ++k;
    }
  }

  // "the rating for well-led has been amended from outstanding to good", "the ratings for
  // well-led, responsive and caring also remained good": the questions, then a rating.
  void rating_for_at(size_t i) {
    if (!phrase_at(t_, i, {"rating", "for"}) && !phrase_at(t_, i, {"ratings", "for"})) return;
    if (service_level(i) || past_rating(t_, i)) return;
    std::vector<std::string> questions;
    size_t k = i + 2, end = 0;
    while (k < t_.size() && same_sentence(t_, i, k)) {
      if (is_word(t_[k], {"how", "being"})) ++k;
      const core::KeyQuestion* q = question_at(t_, k, end);
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
  void for_q_rated_at(size_t i) {
    if (!is_word(t_[i], {"for"}) || (i > 0 && same_sentence(t_, i - 1, i))) return;
    size_t end = 0;
    const core::KeyQuestion* q = question_at(t_, i + 1, end);
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
  void rated_list_as(size_t i) {
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
      const core::KeyQuestion* q = question_at(t_, k, end);
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
  void all_five_at(size_t i) {
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
      while (const core::KeyQuestion* kq = question_at(t_, q, end)) {
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
  bool service_in_paragraph(size_t i) const {
    for (size_t k = i; k > 0 && i - k < 400 && t_[k - 1].para == t_[i].para; --k)
      if (service_start_[k - 1]) return true;
    return false;
  }

  // True when the sentence holding I is about one service ("within the service", "overall
  // for the service"): its key-question ratings are the service's, not the trust's.
  bool service_level(size_t i) const {
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
  void subject_at(size_t i) {
    if (i > 0 && same_sentence(t_, i - 1, i) &&
        !is_word(t_[i - 1], {"the", "its", "and", "was", "as", "while", "whilst", "but", "whereas"}) &&
        t_[i].sep.find_first_of(",;:") == std::string::npos)
      return;  // only at the start of a clause
    std::vector<std::string> questions;
    size_t k = i, end = 0, next = 0;
    while (const core::KeyQuestion* q = question_at(t_, k, end)) {
      questions.push_back(q->id);
      k = end;
      if (k < t_.size() && is_word(t_[k], {"and"}) && same_sentence(t_, i, k)) ++k;
      else if (k < t_.size() && t_[k].sep.find(',') != std::string::npos && same_sentence(t_, i, k) &&
               question_at(t_, k, next) && next < t_.size() && !is_word(t_[next], {"which"}))
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
  std::optional<RatingHit> verb_rating(size_t i, size_t k, size_t& at) const {
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

}  // namespace

std::vector<KeyQuestionRating> find_key_question_ratings(const Tokens& t,
                                                         const std::vector<Mention>& services,
                                                         bool report, bool single_service,
                                                         std::string& source) {
  return Questions(t, services, report, single_service).run(source);
}

}  // namespace cqc::indexer
