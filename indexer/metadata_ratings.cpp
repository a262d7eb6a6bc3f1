// Ratings stated in a document: rating words, and the trust's overall rating.
#include "indexer/metadata_ratings.hpp"

#include <algorithm>

#include "core/gazetteer.hpp"
#include "indexer/metadata_lexicon.hpp"

namespace cqc::indexer {
namespace {

struct RatingName {
  std::vector<uint32_t> words;  // name_lexicon() ids of the lower-case words
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
      if (words.empty()) return;
      std::vector<uint32_t> ids;
      for (const auto& w : words) ids.push_back(name_lexicon().known(w));
      out.push_back({std::move(ids), id});
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

}  // namespace

std::optional<RatingHit> rating_at(const Tokens& t, size_t i) {
  std::optional<RatingHit> best;
  for (const RatingName& r : rating_names()) {
    size_t n = r.words.size();
    if (i + n > t.size() || (best && best->end - i >= n) || t[i].word != r.words[0]) continue;
    bool ok = true;
    for (size_t k = 0; k < n && ok; ++k)
      ok = t[i + k].word == r.words[k] && t[i + k].sentence == t[i].sentence;
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
  bool disagree = false;
  for (const OverallHit& r : find_overall_ratings(t, trusts, services, about_count < 2)) {
    if (md.overall_rating.empty()) {
      md.overall_rating = r.id;
      md.provenance["overall_rating"] = report && t[r.at].page == 1 ? "cover page" : "text";
    } else if (r.id != md.overall_rating) {
      disagree = true;  // several trusts, several overall ratings: whose is it?
      break;
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
