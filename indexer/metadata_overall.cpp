// The trust's overall rating stated in prose, headlines and report covers ("rated good
// overall", "has been told it 'requires improvement'", "moved from R0 to R", "Provider: X R").
#include <optional>

#include "core/gazetteer.hpp"
#include "indexer/metadata_ratings.hpp"

namespace cqc::indexer {
namespace {

// Finds the trust's overall rating; see overall_at for the phrases.
class Overall {
 public:
  Overall(const Tokens& t, const std::vector<Mention>& trusts, const std::vector<Mention>& services)
      : t_(t), trust_from_(t.size() + 1, 0), trust_end_(t.size() + 1, false),
        service_start_(t.size() + 1, false) {
    for (const Mention& m : trusts) {
      trust_from_[m.begin] = m.end;
      trust_end_[m.end] = true;
    }
    for (const Mention& m : services) service_start_[m.begin] = true;
  }

  // The overall rating stated from token I, if any.
  std::optional<RatingHit> overall_at(size_t i) const {
    if (past_rating(t_, i)) return std::nullopt;
    auto r = overall_phrase(i);
    if (!r) return r;
    // "rated inadequate almost three years ago", "will be rated", "either: outstanding, good"
    for (size_t k = r->end; k < r->end + 6 && same_sentence(t_, i, k); ++k)
      if (is_word(t_[k], {"ago"})) return std::nullopt;
    if (word_before(t_, i, 3, {"will", "would", "could", "might", "either"})) return std::nullopt;
    return r;
  }

 private:
  // The overall rating a phrase starting at token I states, before the checks of overall_at.
  std::optional<RatingHit> overall_phrase(size_t i) const {
    const Token& w = t_[i];
    if (is_word(w, {"overall"})) return after_overall(i);
    if (phrase_at(t_, i, {"over", "all", "rating"})) return after_overall(i + 1);  // "over-all"
    if (auto r = rating_at(t_, i);
        r && r->end < t_.size() && is_word(t_[r->end], {"overall"}) &&
        same_sentence(t_, i, r->end) && !service_before(i) && !service_noun_before(i - 1) &&
        word_before(t_, i, 3, {"rated", "rating", "remains", "remained", "be", "scored"}))
      return r;  // "rated good overall", not "no services rated inadequate (overall)"
    if (is_word(w, {"rated"}) && !service_before(i)) return after_rated(i);
    if (is_word(w, {"rates", "rate"}) && i + 1 < t_.size() && trust_from_[i + 1] && !service_before(i))
      return plain_rating(trust_from_[i + 1]);  // a headline: "CQC rates X as outstanding"
    if (is_word(w, {"provider"}) && i + 1 < t_.size() && trust_from_[i + 1] &&
        t_[i + 1].sep.find(':') != std::string::npos) {
      size_t k = trust_from_[i + 1];  // a CQC page's header "Provider: X Requires improvement"
      if (k < t_.size() && t_[k].para == t_[i].para) return plain_rating(k);
    }
    if (trust_end_[i] && w.sep.find_first_of("'\"") != std::string::npos && !service_before(i) &&
        t_[i].region != Region::kBody)
      if (auto r = plain_rating(i)) return r;  // a headline: "Midshire trust 'requires improvement'"
    if (is_word(w, {"given", "gave", "give", "awarded", "handed"}) && !service_before(i)) {
      size_t k = i + 1;  // "has given X a 'requires improvement' rating", "gave the trust an R rating"
      bool named = false;
      if (phrase_at(t_, k, {"the", "trust"}) || phrase_at(t_, k, {"our", "trust"})) k += 2, named = true;
      else if (k < t_.size() && trust_from_[k]) k = trust_from_[k], named = true;
      else if (k < t_.size() && is_word(t_[k], {"it"}) && trust_before(i)) ++k, named = true;
      if (named && k < t_.size() && is_word(t_[k], {"a", "an"})) {
        auto r = k + 1 < t_.size() ? rating_at(t_, k + 1) : std::nullopt;
        if (r && r->end < t_.size() && is_word(t_[r->end], {"rating"}) && same_sentence(t_, i, r->end) &&
            !(r->end + 1 < t_.size() && is_word(t_[r->end + 1], {"for"})))
          return r;
      }
    }
    if (is_word(w, {"kept", "keeps", "retained", "retains", "maintained", "maintains"}) &&
        trust_before(i) && !service_before(i) && !service_noun_before(i)) {
      size_t k = i + 1;  // "X has kept its good rating"
      if (k < t_.size() && is_word(t_[k], {"its", "their", "the", "a"})) ++k;
      auto r = k < t_.size() ? rating_at(t_, k) : std::nullopt;
      if (r && r->end < t_.size() && is_word(t_[r->end], {"rating"}) && same_sentence(t_, i, r->end))
        return r;
    }
    if (is_word(w, {"downgraded", "upgraded", "moved", "improved", "dropped", "fell", "rose",
                    "went", "gone", "changed", "slipped", "climbed", "declined", "deteriorated",
                    "fallen", "risen", "moves", "improves", "drops", "falls", "rises", "goes",
                    "slips", "moving"}) &&
        trust_before(i) && !service_before(i) && !service_noun_before(i) && !question_before(i))
      return changed_to(i + 1);  // "X has gone up from R0 to R", "X has slipped to R"
    if (is_word(w, {"upgraded", "downgraded"}) && !service_before(i)) {
      size_t k = i + 1;  // "CQC has upgraded X to good", "downgraded the rating of X from R0 to R"
      if (phrase_at(t_, k, {"the", "rating", "of"}) || phrase_at(t_, k, {"its", "rating", "of"})) k += 3;
      if (phrase_at(t_, k, {"the", "trust"})) return changed_to(k + 2);
      if (k < t_.size() && trust_from_[k]) return changed_to(trust_from_[k]);
    }
    if (is_word(w, {"achieved", "received", "awarded", "earned", "secured", "got", "achieves", "receives",
                    "earns", "secures", "gets"}) && trust_before(i) &&
        !service_before(i) && !service_noun_before(i) && !question_before(i)) {
      size_t k = i + 1;  // "X has achieved a good rating", "has been awarded an 'outstanding' rating"
      if (k < t_.size() && is_word(t_[k], {"a", "an", "its", "the"})) ++k;
      auto r = k < t_.size() ? rating_at(t_, k) : std::nullopt;
      if (r && r->end < t_.size() && is_word(t_[r->end], {"rating"}) && same_sentence(t_, i, r->end) &&
          !(r->end + 1 < t_.size() && is_word(t_[r->end + 1], {"for", "in"})))
        return r;
    }
    if (is_word(w, {"told"}) && trust_before(i) && !service_before(i)) {
      size_t k = i + 1;  // "X has been told it 'requires improvement'", "a trust that runs
                         // three hospitals has been told it ..." (services are not told)
      if (k < t_.size() && is_word(t_[k], {"that"})) ++k;
      if (k < t_.size() && is_word(t_[k], {"it"})) ++k;
      if (k < t_.size() && is_word(t_[k], {"is"})) ++k;
      return k < t_.size() && same_sentence(t_, i, k) ? plain_rating(k) : std::nullopt;
    }
    if (is_word(w, {"found", "judged", "deemed", "assessed"}) && phrase_at(t_, i + 1, {"to", "be"}) &&
        trust_before(i) && !service_before(i) && !service_noun_before(i))
      return plain_rating(i + 3);  // "X has been found to be 'inadequate'"
    if (is_word(w, {"remains", "remained", "remain", "stays", "stayed"}) && i > 0 &&
        (trust_end_[i] || is_word(t_[i - 1], {"trust"})) && !service_before(i)) {
      size_t k = i + 1;  // "LPT remains 'requires improvement'"
      if (k < t_.size() && is_word(t_[k], {"rated"})) ++k;
      return plain_rating(k);
    }
    const bool dated = i > 0 && t_[i - 1].text.size() == 4 &&
                       (t_[i - 1].text.starts_with("19") || t_[i - 1].text.starts_with("20"));
    if (dated && is_word(w, {"rating"})) return std::nullopt;  // "the 2014 rating of R remains"
    if (is_word(w, {"rating"}) && i + 1 < t_.size() && is_word(t_[i + 1], {"of", "as"}) &&
        trust_before(i) && !service_before(i))
      return plain_rating(i + 2);  // "the trust kept its rating of requires improvement"
    if (is_word(w, {"rating"}) && trust_before(i) && !service_before(i)) {
      // "the trust's rating, which has stood at requires improvement since ..."
      for (size_t k = i + 1; k + 1 < t_.size() && k < i + 6 && same_sentence(t_, i, k); ++k)
        if (is_word(t_[k], {"stood", "stands", "remains", "remained", "stayed"}) &&
            is_word(t_[k + 1], {"at", "as"}))
          return plain_rating(k + 2);  // "The Trust rating remains as requires improvement"
    }
    return std::nullopt;
  }

  bool service_in(size_t a, size_t b) const {
    for (size_t k = a; k < b && k < t_.size(); ++k)
      if (service_start_[k]) return true;
    return false;
  }
  bool service_before(size_t i) const { return service_in(sentence_start(t_, i), i); }

  // The token after the last trust named (or "trust") before I in its sentence, else the
  // sentence's first token.
  size_t last_trust_before(size_t i) const {
    size_t from = sentence_start(t_, i);
    for (size_t k = from; k <= i; ++k)
      if (trust_end_[k] || (k > 0 && is_word(t_[k - 1], {"trust"}))) from = k;
    return from;
  }

  // A key question is named before I in its sentence: "X's well-led rating went from ...",
  // "the safe and well-led ratings at X dropped to ..." state no overall rating.
  bool question_before(size_t i) const {
    for (size_t k = sentence_start(t_, i); k < i; ++k)
      if (phrase_at(t_, k, {"well", "led"}) ||
          (!is_word(t_[k], {"care"}) && core::Gazetteer::builtin().resolve_question(t_[k].text)))
        return true;
    return false;
  }

  // A trust is the subject: named, or "the trust", earlier in the sentence.
  bool trust_before(size_t i) const {
    for (size_t k = sentence_start(t_, i); k <= i; ++k)
      if (trust_end_[k] || is_word(t_[k], {"trust"})) return true;
    return false;
  }

  // "safe and well-led were rated": key questions are the subject of "rated" at I.
  bool question_subject_before(size_t i) const {
    size_t k = i;
    while (k > 0 && same_sentence(t_, k - 1, i) &&
           is_word(t_[k - 1], {"is", "was", "were", "are", "has", "have", "been", "both", "also", "all",
                               "each", "now", "still"}))
      --k;
    return k > 0 && same_sentence(t_, k - 1, i) &&
           (is_word(t_[k - 1], {"led"}) ||
            (!is_word(t_[k - 1], {"care"}) && core::Gazetteer::builtin().resolve_question(t_[k - 1].text)));
  }

  // "wards (were) rated": the subject of "rated" at I is a part of the trust.
  bool service_noun_before(size_t i) const {
    size_t k = i;
    while (k > 0 && same_sentence(t_, k - 1, i) &&
           is_word(t_[k - 1], {"is", "was", "were", "are", "has", "have", "had", "been", "be",
                               "being", "now", "still", "also", "again", "newly", "that",
                               "which"}))
      --k;
    return k > 0 && same_sentence(t_, k - 1, i) &&
           is_word(t_[k - 1], {"wards", "ward", "service", "services", "unit", "units", "team",
                               "teams", "department", "departments", "hospital", "hospitals",
                               "care", "clinic", "clinics", "centre", "centres"});
  }

  // A rating at K that is not a key question's nor a named service's.
  std::optional<RatingHit> plain_rating(size_t k) const {
    if (k < t_.size() && is_word(t_[k], {"as"})) ++k;
    if (phrase_at(t_, k, {"an", "organisation", "which"}) || phrase_at(t_, k, {"an", "organisation", "that"}) ||
        phrase_at(t_, k, {"a", "trust", "which"}) || phrase_at(t_, k, {"a", "trust", "that"}))
      k += 3;  // "rated as an organisation which 'requires improvement'"
    if (k >= t_.size()) return std::nullopt;
    auto r = rating_at(t_, k);
    if (!r || key_question_after(t_, r->end)) return std::nullopt;
    if (r->end < t_.size() && is_word(t_[r->end], {"for"}) && service_in(r->end, r->end + 5))
      return std::nullopt;
    return r;
  }

  // After a verb of change at I - 1: "(from (a) R0 (rating)) to R" gives R.
  std::optional<RatingHit> changed_to(size_t k) const {
    if (k < t_.size() && is_word(t_[k], {"up", "down", "back"})) ++k;  // "gone up to R"
    if (k < t_.size() && is_word(t_[k], {"from"})) {
      ++k;
      if (k < t_.size() && is_word(t_[k], {"a", "an", "its", "the"})) ++k;
      auto before = k < t_.size() ? rating_at(t_, k) : std::nullopt;
      if (!before) return std::nullopt;
      k = before->end;
      if (k < t_.size() && is_word(t_[k], {"rating"})) ++k;
    }
    if (k + 1 >= t_.size() || !is_word(t_[k], {"to"}) || !same_sentence(t_, k - 1, k + 1))
      return std::nullopt;
    return plain_rating(k + 1);
  }

  // "rated [it | the trust | <trust>] [as] R", with a trust as the subject.
  std::optional<RatingHit> after_rated(size_t i) const {
    size_t k = i + 1;
    bool named = false;
    if (phrase_at(t_, k, {"the", "quality", "of"})) {  // "rated the quality of services at X as R"
      size_t j = k + 3;
      while (j < t_.size() && j < k + 7 && is_word(t_[j], {"services", "care", "provided", "at", "by"})) ++j;
      if (j < t_.size() && trust_from_[j] && j > k + 3 && is_word(t_[j - 1], {"at", "by"})) k = j;
    }
    if (phrase_at(t_, k, {"the", "trust"}) || phrase_at(t_, k, {"our", "trust"})) {
      k += 2;
      named = true;
    } else if (k < t_.size() && trust_from_[k]) {
      k = trust_from_[k];
      named = true;
      if (k + 1 < t_.size() && t_[k].sep.find('(') != std::string::npos &&
          t_[k + 1].sep.find(')') != std::string::npos)
        k += 1;  // "rated Midshire Ambulance Service NHS Trust (MAS) as good"
    } else if (k < t_.size() && is_word(t_[k], {"it"})) {
      ++k;
    }
    // "We are rated as outstanding" on a trust's own page: the trust speaks
    const bool we_are = i >= 2 && is_word(t_[i - 1], {"are", "were", "been"}) &&
                        word_before(t_, i - 1, 3, {"we"});
    if (!named && !we_are && (!trust_before(i) || service_noun_before(i) || question_subject_before(i)))
      return std::nullopt;
    if (k >= t_.size() || !same_sentence(t_, i, k)) return std::nullopt;
    return plain_rating(k);
  }

  // "overall rating (for this trust)?: R", "an overall R rating", "Overall, ... rated R".
  std::optional<RatingHit> after_overall(size_t i) const {
    size_t anchor = phrase_at(t_, i, {"overall", "trust", "quality", "rating"}) ? 4
                    : phrase_at(t_, i, {"overall", "rating"})                    ? 2
                                                                                 : 0;
    // "Medical care ... achieved an overall rating of Good": a service's, not the trust's
    if (anchor && service_in(last_trust_before(i), i)) return std::nullopt;
    if (anchor) {
      size_t k = i + anchor;
      if (k < t_.size() && is_word(t_[k], {"for"})) {
        size_t j = k + 1;
        while (j < t_.size() && j < k + 4 && !is_word(t_[j], {"trust", "provider"})) {
          if (is_word(t_[j], {"service", "location", "ward", "hospital"})) return std::nullopt;
          ++j;
        }
      }
      for (size_t j = k; j < k + 8 && same_sentence(t_, k, j); ++j) {
        auto r = rating_at(t_, j);
        if (!r) continue;
        if (key_question_after(t_, r->end) || service_in(k, j)) return std::nullopt;
        if (r->end + 1 < t_.size() && is_word(t_[r->end], {"to"}))
          if (auto next = rating_at(t_, r->end + 1)) return next;  // "from X to Y"
        return r;
      }
      return std::nullopt;
    }
    if (auto r = rating_at(t_, i + 1); r && r->end < t_.size() && is_word(t_[r->end], {"rating"}))
      return r;  // "an overall inadequate rating"
    if (i + 2 < t_.size() && is_word(t_[i + 1], {"inspection"}) && !service_before(i))
      if (auto r = rating_at(t_, i + 2); r && !key_question_after(t_, r->end))
        return r;  // a CQC page's label "Overall inspection: Good"
    if (service_before(i)) return std::nullopt;
    for (size_t k = i + 1; k < i + 8 && same_sentence(t_, i, k); ++k) {
      // "Overall, six services were inspected with three being rated ..." is not the trust
      if (is_word(t_[k], {"services", "wards", "units", "teams", "departments", "hospitals"}))
        return std::nullopt;
      if (is_word(t_[k], {"rated"}))  // "Overall, the trust was rated as ..."
        return service_in(i, k) ? std::nullopt : plain_rating(k + 1);
    }
    return std::nullopt;
  }

  const Tokens& t_;
  std::vector<size_t> trust_from_;   // end of the trust name starting at token i, else 0
  std::vector<bool> trust_end_;      // a trust name ends just before token i
  std::vector<bool> service_start_;  // a service name starts at token i
};

}  // namespace

std::vector<OverallHit> find_overall_ratings(const Tokens& t, const std::vector<Mention>& trusts,
                                             const std::vector<Mention>& services, bool first_only) {
  const Overall overall(t, trusts, services);
  std::vector<OverallHit> out;
  for (size_t i = 0; i < t.size(); ++i) {
    auto r = overall.overall_at(i);
    if (!r) continue;
    out.push_back({r->id, i});
    if (first_only) break;
  }
  return out;
}

}  // namespace cqc::indexer
