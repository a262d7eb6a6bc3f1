// Trusts and services named in a document, by the built-in gazetteer.
#include <algorithm>
#include <cctype>
#include <map>
#include <unordered_map>

#include "core/gazetteer.hpp"
#include "core/text.hpp"
#include "indexer/metadata_lexicon.hpp"
#include "indexer/metadata_parts.hpp"

namespace cqc::indexer {
namespace {

struct Pattern {
  std::vector<std::string> words;  // as written
  std::vector<std::string> lower;
  std::vector<uint32_t> ids;       // name_lexicon() ids of lower
  std::vector<bool> exact;         // compare this word case-sensitively
  std::string id;
  bool acronym = false;            // one word of capitals: "LPT", "SLaM", "MTW"
};

int uppercase_letters(std::string_view s) {
  return static_cast<int>(std::count_if(
      s.begin(), s.end(), [](char c) { return std::isupper(static_cast<unsigned char>(c)); }));
}

class Patterns {
 public:
  bool skip_ratings = false;

  // Adds NAME for ID. ALL_EXACT: the whole name is case-sensitive; otherwise only words
  // with two or more capitals ("CAMHS wards") are, and so is a one-word name such as
  // "PICUs" or "A&E" that has two or more capitals.
  void add(std::string_view name, const std::string& id, bool all_exact) {
    if (name.find_first_of(" \t") == std::string_view::npos && uppercase_letters(name) >= 2)
      all_exact = true;
    add_one(name, id, all_exact);
    if (name.find('\'') != std::string_view::npos) {
      std::string plain(name);
      std::erase(plain, '\'');
      add_one(plain, id, all_exact);
    }
  }

  // The mentions in T, longest match first; ACRONYMS (when given) gets for each whether it is
  // an acronym.
  std::vector<Mention> find(const Tokens& t, std::vector<bool>* acronyms = nullptr) const {
    std::vector<Mention> out;
    for (size_t i = 0; i < t.size();) {
      const Pattern* best = nullptr;
      size_t best_end = 0;
      if (auto it = by_first_.find(t[i].word); t[i].word && it != by_first_.end())
        for (const Pattern& p : it->second)
          if (size_t end = match_end(t, i, p); end > best_end) best = &p, best_end = end;
      if (best) {
        out.push_back({i, best_end, best->id});
        if (acronyms) acronyms->push_back(best->acronym);
        i = best_end;
      } else {
        ++i;
      }
    }
    return out;
  }

 private:
  void add_one(std::string_view name, const std::string& id, bool all_exact) {
    Pattern p;
    p.words = phrase_tokens(name);
    if (p.words.empty()) return;
    for (const std::string& w : p.words) {
      p.lower.push_back(core::to_lower(w));
      p.ids.push_back(name_lexicon().known(p.lower.back()));
      p.exact.push_back(all_exact || uppercase_letters(w) >= 2);
    }
    p.id = id;
    p.acronym = p.words.size() == 1 && uppercase_letters(p.words.front()) >= 2;
    by_first_[p.ids.front()].push_back(std::move(p));
  }

  // The end of P matched at token I, or 0. Rating words inside a name are skipped when
  // skip_ratings is set: a table cell that wraps puts the next column in the middle
  // ("... for children and young Requires improvement people").
  size_t match_end(const Tokens& t, size_t i, const Pattern& p) const {
    size_t j = i;
    for (size_t k = 0; k < p.words.size(); ++k, ++j) {
      if (skip_ratings && k >= 2) {
        size_t skip = j;
        while (skip < t.size() && skip < j + 12 &&
               is_word(t[skip], {"good", "outstanding", "inadequate", "requires", "improvement"}))
          ++skip;
        if (skip > j && skip < t.size() && t[skip].word == p.ids[k]) j = skip;
      }
      if (j >= t.size()) return 0;
      const Token& w = t[j];
      if (w.para != t[i].para || w.word != p.ids[k]) return 0;
      if (p.exact[k] && w.text != p.words[k]) return 0;
    }
    return j;
  }

  std::unordered_map<uint32_t, std::vector<Pattern>> by_first_;  // by the first word's id
};

// "X NHS Foundation Trust" -> "X Foundation Trust": names are often written without "NHS".
std::string without_nhs(std::string_view name) {
  std::string s(name);
  if (size_t pos = s.find(" NHS "); pos != std::string::npos) s.erase(pos, 4);
  return s;
}

const Patterns& trust_patterns() {
  static const Patterns patterns = [] {
    Patterns p;
    for (const core::Trust& trust : core::Gazetteer::builtin().trusts()) {
      for (const std::string& name : {trust.name, without_nhs(trust.name)})
        p.add(name, trust.code, false);
      for (const std::string& former : trust.former_names) {
        p.add(former, trust.code, false);
        p.add(without_nhs(former), trust.code, false);
      }
      for (const std::string& abbr : trust.abbreviations) p.add(abbr, trust.code, true);
      for (const std::string& short_name : trust.short_names) p.add(short_name, trust.code, true);
    }
    return p;
  }();
  return patterns;
}

const Patterns& service_patterns() {
  static const Patterns patterns = [] {
    Patterns p;
    p.skip_ratings = true;
    for (const core::Service& s : core::Gazetteer::builtin().services()) {
      p.add(s.name, s.id, false);
      for (const std::string& alias : s.aliases) p.add(alias, s.id, false);
    }
    return p;
  }();
  return patterns;
}

// The first token of the sentence holding token I.
size_t sentence_start_of(const Tokens& t, size_t i) {
  while (i > 0 && t[i - 1].sentence == t[i].sentence) --i;
  return i;
}

// Words that show a trust is named in passing: another trust's buddy, partner or benchmark.
bool passing_context(const Tokens& t, const Mention& m) {
  const int sentence = t[m.begin].sentence;
  size_t lo = m.begin >= 6 ? m.begin - 6 : 0, hi = std::min(t.size(), m.end + 6);
  for (size_t k = lo; k < hi; ++k)
    if ((k < m.begin || k >= m.end) && t[k].sentence == sentence &&
        is_word(t[k], {"buddy", "buddying", "buddied", "buddies", "partner", "partners",
                       "partnered", "partnering", "paired", "compared", "comparison",
                       "comparable", "like", "unlike", "similar", "than", "neighbouring",
                       "neighbour", "contrast", "help", "helped", "helping", "support",
                       "supported", "supporting", "alongside", "advice", "mentor",
                       "mentoring"}))
      return true;
  // A comparison may be drawn anywhere in the sentence: "X is rated outstanding, but the two
  // trusts are not easy to compare".
  for (size_t k = sentence_start_of(t, m.begin); k < t.size() && t[k].sentence == sentence; ++k)
    if ((k < m.begin || k >= m.end) && is_word(t[k], {"compare", "compared", "comparison", "comparing"}))
      return true;
  return false;
}

// "X was rated good", "X has been rated", "X is now rated": the trust is given a rating.
bool rated_after(const Tokens& t, const Mention& m) {
  for (size_t k = m.end; k < t.size() && k < m.end + 5; ++k) {
    if (t[k].sentence != t[m.begin].sentence) return false;
    if (is_word(t[k], {"rated"})) return true;
    if (!is_word(t[k], {"was", "is", "has", "have", "been", "now", "also", "today"})) return false;
  }
  return false;
}

// True when T speaks of the NHS, the CQC, an inspection, "requires improvement", mental health
// or "the trust": a hospital named in it stands for its trust.
bool health_context(const Tokens& t) {
  for (size_t i = 0; i < t.size(); ++i) {
    const Token& w = t[i];
    if (w.text == "NHS" || w.text == "CQC" ||
        is_word(w, {"inspection", "inspections", "inspected", "inspectors", "inspector"}) ||
        (w.text == "Care" && phrase_at(t, i, {"care", "quality", "commission"})) ||
        phrase_at(t, i, {"requires", "improvement"}) ||
        phrase_at(t, i, {"requiring", "improvement"}) || phrase_at(t, i, {"mental", "health"}) ||
        (is_word(w, {"trust", "trust's"}) && i > 0 && is_word(t[i - 1], {"the", "our"})))
      return true;
  }
  return false;
}

struct TrustStat {
  double score = 0;
  size_t first = 0;
  int mentions = 0;
  bool prominent = false;  // named in the title or lead
  bool passing = false;    // some mention has passing-reference words around it
  bool plain = false;      // some mention has none
  bool rated = false;      // a plain mention is the subject of a rating ("X was rated good")
  Region best = Region::kBody;
};

}  // namespace

namespace {

// M and the variants found beside it, in order.
std::vector<Mention> with_variants(const Tokens& t, std::vector<Mention> m,
                                   std::vector<bool>* acronym = nullptr) {
  std::vector<Mention> variants = find_trust_variants(t, m);
  if (variants.empty()) return m;
  if (acronym) acronym->resize(m.size() + variants.size(), false);
  m.insert(m.end(), variants.begin(), variants.end());
  std::vector<size_t> order(m.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return m[a].begin < m[b].begin; });
  std::vector<Mention> sorted;
  std::vector<bool> flags;
  for (size_t i : order) {
    sorted.push_back(std::move(m[i]));
    if (acronym) flags.push_back((*acronym)[i]);
  }
  if (acronym) *acronym = std::move(flags);
  return sorted;
}

}  // namespace

std::vector<Mention> find_trust_names(const Tokens& t) {
  return with_variants(t, trust_patterns().find(t));
}

std::vector<Mention> find_trusts(const Tokens& t, std::vector<SiteMention>* sites_found) {
  std::vector<bool> acronym;
  std::vector<Mention> out = trust_patterns().find(t, &acronym);
  out = with_variants(t, std::move(out), &acronym);
  if (out.empty() || std::find(acronym.begin(), acronym.end(), false) == acronym.end()) {
    // Only acronyms, or nothing: they and hospitals count where the text is about health care
    // ("MTW" is a German fire engine, "LAS" a Spanish headline's article).
    if (!health_context(t)) return {};
  }
  std::vector<SiteMention> sites = find_locations(t, out);
  if (sites_found) *sites_found = sites;
  if (sites.empty()) return out;
  const size_t names = out.size();
  for (SiteMention& s : sites) {
    // Inside a trust's name, or its trust named anywhere ("supported by X Trust, which runs Y
    // Hospital"): the names, with their context, decide the trust's role; a hospital counts
    // for a trust the text names only by its hospitals.
    const bool same_reference =
        std::any_of(out.begin(), out.begin() + names, [&](const Mention& m) {
          return (s.begin < m.end && m.begin < s.end) || m.id == s.trust;
        });
    if (!same_reference) out.push_back({s.begin, s.end, std::move(s.trust)});
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const Mention& a, const Mention& b) { return a.begin < b.begin; });
  return out;
}

std::vector<Mention> find_services(const Tokens& t) { return service_patterns().find(t); }

std::vector<std::string> distinct_ids(const std::vector<Mention>& mentions) {
  std::vector<std::string> out;
  for (const Mention& m : mentions)
    if (std::find(out.begin(), out.end(), m.id) == out.end()) out.push_back(m.id);
  return out;
}

TrustSplit about_trusts(const Tokens& t, const std::vector<Mention>& trusts, bool report,
                        std::string& source) {
  std::map<std::string, TrustStat> stats;
  for (const Mention& m : trusts) {
    auto [it, fresh] = stats.try_emplace(m.id);
    TrustStat& s = it->second;
    if (fresh) s.first = m.begin;
    const Region r = t[m.begin].region;
    const bool passing = passing_context(t, m);
    s.score += r == Region::kTitle ? 5 : r == Region::kLead ? 3 : 1;
    s.mentions++;
    s.prominent = s.prominent || (r != Region::kBody && !passing);
    s.passing = s.passing || passing;
    s.plain = s.plain || !passing;
    s.rated = s.rated || (!passing && rated_after(t, m));
    if (r < s.best) s.best = r;
  }
  std::vector<std::pair<std::string, TrustStat>> all(stats.begin(), stats.end());
  std::sort(all.begin(), all.end(), [](const auto& a, const auto& b) {
    return a.second.score != b.second.score ? a.second.score > b.second.score
                                            : a.second.first < b.second.first;
  });
  TrustSplit out;
  if (all.empty()) return out;
  // A list of trusts that the title names none of (a national release listing the trusts to
  // be inspected next, a round-up) is about none of them: five or more, or four when none
  // stands out by weight.
  const bool none_titled = std::none_of(all.begin(), all.end(), [](const auto& a) {
    return a.second.best == Region::kTitle;
  });
  if (none_titled && (all.size() >= 5 ||
                      (all.size() == 4 && all[0].second.score < 2 * all[1].second.score))) {
    for (const auto& [code, stat] : all) out.mentioned.push_back(code);
    return out;
  }
  // A long text naming one trust once, in brackets, in its body ("One is rated inadequate (X)."):
  // an example in a national text, not its subject.
  if (all.size() == 1 && all[0].second.mentions == 1 && all[0].second.best == Region::kBody &&
      t.size() >= 250 && t[all[0].second.first].sep.find('(') != std::string::npos) {
    out.mentioned.push_back(all[0].first);
    return out;
  }
  // The main trust: the highest weight, unless it is only ever named in passing and another
  // trust is not.
  size_t main = 0;
  if (!all[0].second.plain)
    for (size_t i = 1; i < all.size(); ++i)
      if (all[i].second.plain) {
        main = i;
        break;
      }
  const double best = all[main].second.score;
  for (size_t i = 0; i < all.size(); ++i) {
    const TrustStat& s = all[i].second;
    // About: the main trust; in news a trust named plainly in the title or lead, or named
    // plainly about as often as the main trust. A long report names other trusts in passing.
    // A second trust named once, in the body, neither prominent nor rated, is background
    // ("the review of maternity care at X", "works closely with X").
    bool about = i == main ||
                 (!report && s.plain &&
                  (s.prominent || s.rated || (s.mentions >= 2 && s.score * 2 >= best))) ||
                 (report && s.plain && s.score * 2 >= best);
    (about ? out.about : out.mentioned).push_back(all[i].first);
  }
  Region r = all[main].second.best;
  // A PDF's title is its Info title or its first line: both belong to the cover page.
  source = r == Region::kBody ? "text"
           : report           ? "cover page"
           : r == Region::kTitle ? "title"
                                 : "first paragraph";
  return out;
}

}  // namespace cqc::indexer
