// Ratings stated in a document: rating words, and the trust's overall rating.
#include "indexer/metadata_ratings.hpp"

#include <algorithm>

#include "core/gazetteer.hpp"

namespace cqc::indexer {
namespace {

struct RatingName {
  std::vector<std::string> words;  // lower case
  std::string id;
};

const std::vector<RatingName>& rating_names() {
  static const std::vector<RatingName> names = [] {
    std::vector<RatingName> out;
    auto add = [&](std::string_view text, const std::string& id) {
      std::vector<std::string> words = phrase_tokens(text);
      for (auto& w : words) w = core::fold_name(w);
      if (!words.empty() && words.front() == "rated") words.erase(words.begin());
      if (!words.empty() && words.back() == "rating") words.pop_back();
      if (!words.empty()) out.push_back({std::move(words), id});
    };
    for (const core::Rating& r : core::Gazetteer::builtin().ratings()) {
      add(r.name, r.id);
      add(r.id, r.id);
      for (const std::string& v : r.variants) add(v, r.id);
    }
    return out;
  }();
  return names;
}

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

std::optional<RatingHit> rating_at(const Tokens& t, size_t i) {
  std::optional<RatingHit> best;
  for (const RatingName& r : rating_names()) {
    size_t n = r.words.size();
    if (i + n > t.size() || (best && best->end - i >= n)) continue;
    bool ok = true;
    for (size_t k = 0; k < n && ok; ++k)
      ok = t[i + k].lower == r.words[k] && t[i + k].sentence == t[i].sentence;
    if (ok) best = RatingHit{r.id, i + n};
  }
  return best;
}

bool same_sentence(const Tokens& t, size_t a, size_t b) {
  return a < t.size() && b < t.size() && t[a].sentence == t[b].sentence;
}

size_t sentence_start(const Tokens& t, size_t i) {
  const size_t floor = i > 60 ? i - 60 : 0;
  size_t k = i;
  while (k > floor && t[k - 1].sentence == t[i].sentence) --k;
  return k;
}

size_t question_list_at(const Tokens& t, size_t j) {
  if (j == 0 || j >= t.size() || !same_sentence(t, j - 1, j)) return 0;
  size_t k = j;
  if (is_word(t[k], {"overall"})) ++k;  // "rated good overall for being safe"
  if (k < t.size() && phrase_at(t, k, {"as", "well", "as"})) k += 3;
  // "in four of the five areas measured - for being effective", "in three out of five quality
  // measurements - caring", "in the remaining two, effective and safe"
  if (k < t.size() && is_word(t[k], {"in"})) {
    size_t m = k + 1;
    bool counted = false;
    while (m < t.size() && m < k + 10 && same_sentence(t, j, m) &&
           is_word(t[m], {"one", "two", "three", "four", "five", "all", "of", "out", "the",
                          "remaining", "areas", "measured", "key", "questions", "domains",
                          "quality", "measures", "measurements"})) {
      counted = counted || is_word(t[m], {"one", "two", "three", "four", "five"});
      ++m;
    }
    if (counted && m < t.size() && same_sentence(t, j, m)) {
      if (is_word(t[m], {"for"})) ++m;
      while (m < t.size() && is_word(t[m], {"being", "the", "its"})) ++m;
      if (m < t.size() && same_sentence(t, j, m) &&
          (phrase_at(t, m, {"well", "led"}) || core::Gazetteer::builtin().resolve_question(t[m].text)))
        return m;
    }
  }
  if (k < t.size() && (phrase_at(t, k, {"with", "regard", "to"}) ||
                       phrase_at(t, k, {"with", "regards", "to"}))) {
    k += 3;
  } else if (k < t.size() && is_word(t[k], {"for", "in", "on"})) {
    ++k;
  } else {
    return 0;
  }
  // "for being", "for whether its services are", "for providing services that are",
  // "for having caring, effective services", "for how well-led it is"
  for (int skipped = 0; skipped < 6 && k < t.size() && same_sentence(t, j, k) &&
                        is_word(t[k], {"the", "its", "their", "our", "being", "how", "whether",
                                       "providing", "delivering", "having", "services", "service",
                                       "that", "are", "were", "is", "was", "it", "they"});
       ++skipped)
    ++k;
  if (k >= t.size() || !same_sentence(t, j, k)) return 0;
  if (phrase_at(t, k, {"well", "led"})) return k;
  return core::Gazetteer::builtin().resolve_question(t[k].text) ? k : 0;
}

bool key_question_after(const Tokens& t, size_t j) { return question_list_at(t, j) != 0; }

bool past_rating(const Tokens& t, size_t i) {
  // "from inadequate to good", "improved to good": the rating after "to" is the new one.
  if (i > 0 && is_word(t[i - 1], {"to"}) && t[i - 1].sentence == t[i].sentence &&
      word_before(t, i - 1, 7, {"from", "improved", "moved", "progressed", "changed", "dropped",
                                "fell", "rose", "downgraded", "upgraded", "gone", "went",
                                "slipped", "climbed", "declined", "deteriorated", "fallen", "risen",
                                "moves", "improves", "drops", "falls", "rises", "goes", "slips",
                                "moving"}))
    return false;
  for (size_t k = i; k > 0 && i - k < 5; --k) {
    const Token& w = t[k - 1];
    if (w.sentence != t[i].sentence) return false;
    // "last year" and "earlier this year" date the visit; they do not make a rating old.
    if (is_word(w, {"last", "earlier"}) && k < i &&
        is_word(t[k], {"year", "month", "week", "this", "autumn", "spring", "summer", "winter"}))
      continue;
    if (is_word(w, {"previously", "previous", "formerly", "last", "earlier", "prior", "from",
                    "already"}))
      return true;
    if (is_word(w, {"longer"}) && k >= 2 && is_word(t[k - 2], {"no"})) return true;  // "no longer rated"
  }
  // An earlier inspection named before in the sentence: "following a previous inspection in
  // 2015, in which it was rated ...", "CQC previously inspected the service, rating it ...";
  // not "since the previous inspection", nor when "now" comes between.
  for (size_t k = i; k > 0 && i - k < 20; --k) {
    const Token& w = t[k - 1];
    if (w.sentence != t[i].sentence ||
        is_word(w, {"now", "today", "currently", "but", "however", "to", "since", "this"}) ||
        (k < i && rating_at(t, k - 1)))
      return false;  // "previously rated R0 but improved to R", "since ...", "this time", a
                     // rating between (the row before in a grid with a "previously" column)
    if (is_word(w, {"last"}) && k < i && is_word(t[k], {"inspected", "inspection", "visited"}) &&
        !word_before(t, k - 1, 2, {"since", "following", "after", "than"}))
      return true;  // "were last inspected in 2018 and were rated good"
    if (is_word(w, {"previous", "previously", "earlier", "prior"}) &&
        !word_before(t, k - 1, 2, {"since", "following", "after", "than", "the"}))
      return true;
    if (is_word(w, {"which", "when"}) && k >= 2 &&
        word_before(t, k - 1, 8, {"previous", "previously", "earlier", "prior"}))
      return true;  // "following a previous inspection in 2015, in which it was rated"
    if (is_word(w, {"previous", "earlier", "prior"}) && k >= 2 && is_word(t[k - 2], {"the"}) &&
        !word_before(t, k - 2, 2, {"since", "following", "after", "than"}))
      return true;  // "at the previous inspection"
  }
  return false;
}

void find_ratings(const Tokens& t, const std::vector<Mention>& trusts,
                  const std::vector<Mention>& services, bool report, size_t about_count,
                  Metadata& md) {
  const Overall overall(t, trusts, services);
  bool disagree = false;
  for (size_t i = 0; i < t.size() && !disagree; ++i) {
    auto r = overall.overall_at(i);
    if (!r) continue;
    if (md.overall_rating.empty()) {
      md.overall_rating = r->id;
      md.provenance["overall_rating"] = report && t[i].page == 1 ? "cover page" : "text";
      if (about_count < 2) break;
    } else if (r->id != md.overall_rating) {
      disagree = true;  // several trusts, several overall ratings: whose is it?
    }
  }
  if (disagree) {
    md.overall_rating.clear();
    md.provenance.erase("overall_rating");
  }
  // A report on one hospital or location: "Overall rating for this hospital Inadequate" is the
  // document's overall rating when no trust rating is stated.
  for (size_t i = 0; md.overall_rating.empty() && !disagree && i + 5 < t.size(); ++i) {
    if (!phrase_at(t, i, {"overall", "rating", "for", "this"}) ||
        !is_word(t[i + 4], {"hospital", "location"}))
      continue;
    if (auto r = rating_at(t, i + 5); r && !key_question_after(t, r->end)) {
      md.overall_rating = r->id;
      md.provenance["overall_rating"] = report && t[i].page == 1 ? "cover page" : "text";
    }
  }
  md.service_ratings = find_service_ratings(t, services, report);
  std::string source;
  // One service rated and no overall rating: a document about a single service.
  const bool single_service = md.overall_rating.empty() &&
                              (md.service_ratings.size() == 1 || distinct_ids(services).size() == 1);
  md.key_question_ratings = find_key_question_ratings(t, services, report, single_service, source);
  if (!md.key_question_ratings.empty()) md.provenance["key_question_ratings"] = source;
  if (!md.overall_rating.empty()) md.ratings.push_back(md.overall_rating);
  for (const ServiceRating& sr : md.service_ratings)
    if (std::find(md.ratings.begin(), md.ratings.end(), sr.rating) == md.ratings.end())
      md.ratings.push_back(sr.rating);
}

}  // namespace cqc::indexer
