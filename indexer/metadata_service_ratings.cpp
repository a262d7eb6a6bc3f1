// Ratings of named core services: report headings ("Our rating of this service: Good") and
// news prose ("a 'good' rating for community health services", "rated the wards inadequate").
#include <map>

#include "indexer/metadata_ratings.hpp"

namespace cqc::indexer {
namespace {

class ServiceRatings {
 public:
  ServiceRatings(const Tokens& t, const std::vector<Mention>& services, bool report)
      : t_(t), services_(services), report_(report), at_(t.size() + 1, -1),
        forward_(t.size() + 1, false) {
    for (size_t s = 0; s < services.size(); ++s) at_[services[s].begin] = static_cast<int>(s);
  }

  std::vector<ServiceRating> run() {
    ratings_heading();
    ratings_for_list();
    forward_pass();
    this_service();
    rated_all();
    for (const Mention& m : services_)
      if (!found_.contains(m.id)) after_mention(m);
    back_references();
    std::vector<ServiceRating> out;
    for (const std::string& id : distinct_ids(services_))
      if (auto it = found_.find(id); it != found_.end()) out.push_back({id, it->second});
    return out;
  }

 private:
  const Mention* mention_at(size_t k) const {
    return k < t_.size() && at_[k] >= 0 ? &services_[static_cast<size_t>(at_[k])] : nullptr;
  }

  // "a 'good' rating for community health services for adults": the rating points forward.
  void forward_pass() {
    for (size_t j = 0; j < t_.size(); ++j) {
      auto r = rating_at(t_, j);
      // "received a rating of Outstanding: S1, and S2." — every service listed after the colon.
      if (r && j >= 2 && is_word(t_[j - 2], {"rating", "ratings"}) && is_word(t_[j - 1], {"of"}) &&
          r->end < t_.size() && t_[r->end].sep.find(':') != std::string::npos && !past_rating(t_, j)) {
        forward_[j] = true;
        for (size_t k = r->end; k < t_.size() && same_sentence(t_, j, k); ++k)
          if (const Mention* m = mention_at(k)) found_.try_emplace(m->id, r->id);
        continue;
      }
      // "rated one as good (acute wards and PICU) and two as requires improvement (...)":
      // the services in brackets after the rating.
      if (r && r->end < t_.size() && t_[r->end].sep.find('(') != std::string::npos &&
          same_sentence(t_, j, r->end) && !past_rating(t_, j)) {
        for (size_t k = r->end; k < t_.size() && same_sentence(t_, j, k) &&
                                (k == r->end || t_[k].sep.find(')') == std::string::npos);
             ++k)
          if (const Mention* m = mention_at(k)) {
            forward_[j] = true;  // not "Good (previously requires improvement)"
            found_.try_emplace(m->id, r->id);
          }
        if (forward_[j]) continue;
      }
      // "Community teams were rated good, as were the forensic secure wards"
      if (r && r->end + 2 < t_.size() && is_word(t_[r->end], {"as"}) &&
          is_word(t_[r->end + 1], {"were", "was", "are", "is"}) && same_sentence(t_, j, r->end + 2) &&
          !past_rating(t_, j) && !key_question_after(t_, r->end)) {
        size_t k = r->end + 2;
        if (k < t_.size() && is_word(t_[k], {"the", "its", "their"})) ++k;
        for (size_t e = k; e < k + 2 && same_sentence(t_, j, e); ++e)  // "the forensic secure wards"
          if (const Mention* m = mention_at(e)) {
            found_.try_emplace(m->id, r->id);
            break;
          }
      }
      // "rated as outstanding for emergency and urgent care and for their NHS 111 service"
      if (r && word_before(t_, j, 2, {"rated"}) && r->end < t_.size() &&
          is_word(t_[r->end], {"for"}) && !key_question_after(t_, r->end) && !past_rating(t_, j)) {
        size_t k = r->end + 1;
        while (k < t_.size() && same_sentence(t_, j, k)) {
          if (is_word(t_[k], {"the", "their", "its", "our"})) ++k;
          const Mention* m = mention_at(k);
          if (!m) break;
          forward_[j] = true;
          found_.try_emplace(m->id, r->id);
          k = m->end;
          if (k < t_.size() && is_word(t_[k], {"and"})) ++k;
          else break;
          if (k < t_.size() && is_word(t_[k], {"for"})) ++k;
        }
        if (forward_[j]) continue;
      }
      if (!r || r->end + 1 >= t_.size() || !is_word(t_[r->end], {"rating", "ratings"}) ||
          !is_word(t_[r->end + 1], {"for"}))
        continue;
      forward_[j] = true;
      if (past_rating(t_, j)) continue;
      for (size_t k = r->end + 2; k < r->end + 6 && same_sentence(t_, j, k); ++k)
        if (const Mention* m = mention_at(k)) {
          found_.try_emplace(m->id, r->id);
          break;
        }
    }
  }

  // Whether the rating at K..END is said of mention M, named before it.
  bool said_of(const Mention& m, size_t k, size_t end) const {
    if (forward_[k] || word_before(t_, k, 2, {"overall"}) ||
        (end < t_.size() && is_word(t_[end], {"overall"})))
      return false;
    if (key_question_after(t_, end) || past_rating(t_, k)) return false;
    const std::initializer_list<std::string_view> change{
        "improved", "moved", "went", "gone", "up", "down", "dropped", "fell", "rose",
        "upgraded", "downgraded", "changed", "declined", "deteriorated", "raised", "lowered",
        "progressed"};
    if (k == m.end && (report_ || word_before(t_, k, 40, {"rated", "rating", "rate"})))
      return true;  // a grid row "Maternity Good", or "rated S1 R1 and S2 R2"
    if (k == m.end && is_word(t_[k], {"require", "requires", "required"}))
      return true;  // a verb: "the acute wards required improvement"
    if (k == m.end && t_[k].sep.find_first_of("-:") != std::string::npos &&
        (end >= t_.size() || !same_sentence(t_, k, end)))
      return true;  // a list row "Forensic inpatient or secure wards – inadequate."
    const bool found_to_be = k >= 3 && is_word(t_[k - 3], {"found"}) && is_word(t_[k - 2], {"to"}) &&
                             is_word(t_[k - 1], {"be"});
    if (copula_between(m.end, k) &&
        !(end < t_.size() && same_sentence(t_, k, end) && t_[end].sep.find(',') == std::string::npos &&
          is_word(t_[end], {"at", "to", "in", "with", "for", "and"})))
      return true;  // "the wards were inadequate.", "maternity services were inadequate, and ..."
    const bool to = k > 0 && is_word(t_[k - 1], {"to"});
    return word_before(t_, k, 6, {"rated", "rating", "judged", "deemed"}) || found_to_be ||
           word_before(t_, k, 4, {"remain", "remains", "remained"}) ||
           (to && (word_before(t_, k - 1, 7, change) || word_before(t_, m.begin, 3, change))) ||
           (word_before(t_, m.begin, 3, {"rated"}) && k <= m.end + 2) ||  // "rated its S R"
           (end < t_.size() && is_word(t_[end], {"rating"}) && same_sentence(t_, k, end)) ||
           t_[k].sep.find_first_of("'\"") != std::string::npos;  // a quoted rating
  }

  // True when the tokens [A, B) are one to three copulas ("were", "are now", "is still").
  bool copula_between(size_t a, size_t b) const {
    if (b <= a || b - a > 3 || !same_sentence(t_, a, b)) return false;
    for (size_t k = a; k < b; ++k)
      if (!is_word(t_[k], {"was", "were", "is", "are", "now", "also", "still"})) return false;
    return is_word(t_[a], {"was", "were", "is", "are"});
  }

  // "Our rating of this service stayed the same. We rated it as requires improvement.", "We
  // rated this core service as good": the rating goes to the service named last before.
  void this_service() {
    for (size_t j = 0; j + 4 < t_.size(); ++j) {
      size_t k = 0;
      if (phrase_at(t_, j, {"rating", "of", "this"})) k = j + 3;
      else if (phrase_at(t_, j, {"rated", "this"})) k = j + 2;
      else continue;
      if (is_word(t_[k], {"core"})) ++k;
      if (k >= t_.size() || !is_word(t_[k], {"service"})) continue;
      for (size_t m = k + 1; m < t_.size() && m < k + 25 && t_[m].sentence <= t_[j].sentence + 1; ++m) {
        auto r = rating_at(t_, m);
        if (!r) continue;
        if (past_rating(t_, m) || key_question_after(t_, r->end)) {
          m = r->end - 1;
          continue;
        }
        const Mention* last = nullptr;
        for (const Mention& s : services_)
          if (s.end <= j && j - s.end < 150) last = &s;
        if (last) found_.try_emplace(last->id, r->id);
        forward_[m] = true;
        break;
      }
    }
  }

  // "... and rated both good", "rated them all inadequate": every service named earlier in
  // the sentence gets the rating.
  void rated_all() {
    // "Surgery, critical care and maternity were each rated good."
    for (size_t j = 2; j + 1 < t_.size(); ++j) {
      if (!is_word(t_[j - 1], {"each", "all", "both"}) || !is_word(t_[j], {"rated", "judged"}) ||
          !is_word(t_[j - 2], {"were", "are"}))
        continue;
      size_t k = j + 1;
      if (k < t_.size() && is_word(t_[k], {"as"})) ++k;
      auto r = k < t_.size() ? rating_at(t_, k) : std::nullopt;
      if (!r || key_question_after(t_, r->end) || past_rating(t_, k)) continue;
      for (size_t b = sentence_start(t_, j); b < j; ++b)
        if (const Mention* m = mention_at(b)) found_.try_emplace(m->id, r->id);
    }
    for (size_t j = 1; j + 1 < t_.size(); ++j) {
      if (!is_word(t_[j - 1], {"rated"}) || !is_word(t_[j], {"both", "all", "them", "each"}))
        continue;
      size_t k = j + 1;
      // "rated both of these services as good"
      while (k < t_.size() && same_sentence(t_, j, k) &&
             is_word(t_[k], {"all", "both", "of", "these", "those", "the", "services", "core", "as"}))
        ++k;
      auto r = k < t_.size() ? rating_at(t_, k) : std::nullopt;
      if (!r || key_question_after(t_, r->end)) continue;
      bool named = false;
      for (size_t b = sentence_start(t_, j); b < j; ++b)
        if (const Mention* m = mention_at(b)) {
          named = true;
          found_.try_emplace(m->id, r->id);
        }
      // "S1 and S2 were inspected. The CQC rated both of these services as good."
      const size_t start = sentence_start(t_, j);
      if (!named && start > 0 && word_before(t_, k, 6, {"these", "those"}))
        for (size_t b = sentence_start(t_, start - 1); b < start; ++b)
          if (const Mention* m = mention_at(b)) found_.try_emplace(m->id, r->id);
    }
  }

  // A location page's list "Ratings - S", then "Overall" and a rating (lines or bullets):
  // S's overall rating.
  void ratings_heading() {
    for (const Mention& m : services_) {
      size_t h = m.begin;
      if (h > 0 && is_word(t_[h - 1], {"for"})) --h;  // "Ratings for S"
      if (h == 0 || !is_word(t_[h - 1], {"ratings", "rating"}) ||
          (h >= 2 && t_[h - 2].para == t_[h - 1].para))
        continue;  // "Ratings" must start its paragraph
      size_t k = m.end;
      if (k >= t_.size() || t_[k].para == t_[m.begin].para || !is_word(t_[k], {"overall"}))
        continue;  // the heading is the service's name alone
      if (k + 1 < t_.size() && is_word(t_[k + 1], {"rating"})) ++k;
      if (auto r = k + 1 < t_.size() ? rating_at(t_, k + 1) : std::nullopt;
          r && !key_question_after(t_, r->end) && !past_rating(t_, k + 1)) {
        found_.try_emplace(m.id, r->id);
        forward_[k + 1] = true;
      }
    }
  }

  // "the ratings for surgery and critical care remain good", "ratings for S1, S2 and S3 went
  // down to R": every service listed gets the rating that follows.
  void ratings_for_list() {
    for (size_t j = 0; j + 2 < t_.size(); ++j) {
      if (!phrase_at(t_, j, {"ratings", "for"}) || past_rating(t_, j)) continue;
      std::vector<const Mention*> listed;
      size_t k = j + 2;
      while (const Mention* m = k < t_.size() && same_sentence(t_, j, k) ? mention_at(k) : nullptr) {
        listed.push_back(m);
        k = m->end;
        if (k < t_.size() && is_word(t_[k], {"and"})) ++k;
        else if (!(k < t_.size() && t_[k].sep.find(',') != std::string::npos)) break;
      }
      if (listed.size() < 2) continue;
      for (size_t r_at = k; r_at < k + 8 && r_at < t_.size() && same_sentence(t_, j, r_at); ++r_at) {
        auto r = rating_at(t_, r_at);
        if (!r || past_rating(t_, r_at)) continue;
        if (!key_question_after(t_, r->end))
          for (const Mention* m : listed) found_.try_emplace(m->id, r->id);
        break;
      }
    }
  }

  // The first rating said of M within a short window after it.
  void after_mention(const Mention& m) {
    const size_t limit = std::min(t_.size(), m.end + (report_ ? 40 : 30));
    for (size_t k = m.end; k < limit; ++k) {
      if (const Mention* other = mention_at(k); other && other->id != m.id) return;
      if (!report_ && t_[k].para != t_[m.begin].para) return;
      auto r = rating_at(t_, k);
      if (!r) continue;
      if (said_of(m, k, r->end)) {
        found_.emplace(m.id, r->id);
        return;
      }
      k = r->end - 1;
    }
  }

  // "It rated the service inadequate", "The CQC rated the wards good": the service named
  // last before the sentence.
  void back_references() {
    for (size_t j = 1; j < t_.size(); ++j) {
      auto r = rating_at(t_, j);
      if (!r || forward_[j] || key_question_after(t_, r->end) || past_rating(t_, j)) continue;
      size_t ref = 0;
      for (size_t k = j; k > 1 && j - k < 5 && same_sentence(t_, k - 1, j); --k)
        if (is_word(t_[k - 1], {"service", "services", "wards", "ward", "unit", "units", "teams",
                                "team", "department", "departments"}) &&
            is_word(t_[k - 2], {"the", "this", "that", "these", "its", "their"}))
          ref = k - 1;
      if (ref == 0 || !word_before(t_, j, 6, {"rated", "rating"})) continue;
      const Mention* last = nullptr;
      for (const Mention& m : services_)
        if (m.end <= ref && ref - m.end < 150) last = &m;
      bool named_between = false;
      for (size_t k = ref; k < j; ++k) named_between = named_between || mention_at(k);
      if (last && !named_between) found_.try_emplace(last->id, r->id);
    }
  }

  const Tokens& t_;
  const std::vector<Mention>& services_;
  const bool report_;
  std::vector<int> at_;        // index into services_ of the mention starting at token i
  std::vector<bool> forward_;  // the rating at token i points forward ("rating for ...")
  std::map<std::string, std::string> found_;
};

}  // namespace

std::vector<ServiceRating> find_service_ratings(const Tokens& t,
                                                const std::vector<Mention>& services,
                                                bool report) {
  return ServiceRatings(t, services, report).run();
}

}  // namespace cqc::indexer
