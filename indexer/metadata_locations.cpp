// Hospitals and sites of trusts named in a document (data/hospitals.tsv), and the trusts they
// stand for.
#include <algorithm>
#include <cctype>
#include <set>
#include <unordered_map>

#include "core/gazetteer.hpp"
#include "core/text.hpp"
#include "indexer/metadata_lexicon.hpp"
#include "indexer/metadata_parts.hpp"

namespace cqc::indexer {
namespace {

// The last words of a site name that writers often put in lower case ("Good Hope hospital").
bool generic_word(std::string_view lower) {
  static constexpr std::string_view words[] = {"hospital", "hospitals", "infirmary", "centre",
                                               "unit", "clinic", "general", "community",
                                               "university", "district", "memorial"};
  return std::find(std::begin(words), std::end(words), lower) != std::end(words);
}

// "Saint" and "St" are one word here.
std::string_view norm(std::string_view lower) { return lower == "saint" ? "st" : lower; }

struct SitePattern {
  std::vector<std::string> words;  // as written
  std::vector<std::string> lower;  // normalised lower case
  std::vector<uint32_t> ids;       // name_lexicon() ids of lower
  std::vector<bool> exact;         // compare as written
  std::vector<size_t> sites;       // candidates: indices into Gazetteer::sites()
  bool ambiguous = false;
};

class SitePatterns {
 public:
  SitePatterns() {
    const auto& g = core::Gazetteer::builtin();
    const auto& sites = g.sites();
    for (size_t i = 0; i < sites.size(); ++i) {
      std::vector<std::string> names{sites[i].name};
      names.insert(names.end(), sites[i].aliases.begin(), sites[i].aliases.end());
      for (const std::string& n : names) {
        add(n, i, g.ambiguous_site_name(n));
        if (n.find('\'') != std::string::npos) {
          std::string plain = n;
          std::erase(plain, '\'');
          add(plain, i, g.ambiguous_site_name(n));
        }
      }
    }
  }

  // The pattern of the name spelt by WORDS (any case), or nullptr.
  const SitePattern* named(const std::vector<std::string>& words) const {
    std::string key;
    for (const std::string& w : words) key += std::string(norm(core::to_lower(w))) + " ";
    auto it = index_.find(key);
    return it == index_.end() ? nullptr : &patterns_[it->second];
  }

  // The longest pattern matching at token I and its end, or {nullptr, 0}.
  std::pair<const SitePattern*, size_t> match(const Tokens& t, size_t i) const {
    const SitePattern* best = nullptr;
    size_t best_end = 0;
    auto it = by_first_.find(norm_id(t[i].word));
    if (!t[i].word || it == by_first_.end()) return {nullptr, 0};
    for (size_t k : it->second)
      if (size_t end = match_end(t, i, patterns_[k]); end > best_end)
        best = &patterns_[k], best_end = end;
    return {best, best_end};
  }

 private:
  void add(const std::string& name, size_t site, bool ambiguous) {
    std::vector<std::string> words = phrase_tokens(name);
    if (words.empty()) return;
    std::string key;  // "St" and "Saint" spellings share one pattern
    for (const std::string& w : words) key += std::string(norm(core::to_lower(w))) + " ";
    auto [it, fresh] = index_.try_emplace(key, patterns_.size());
    if (fresh) {
      SitePattern p;
      p.words = words;
      for (size_t k = 0; k < words.size(); ++k) {
        const std::string lower = core::to_lower(words[k]);
        p.lower.emplace_back(norm(lower));
        p.ids.push_back(name_lexicon().known(p.lower.back()));
        const bool capital = lower != words[k];
        p.exact.push_back(capital && (k == 0 || !generic_word(lower)));
      }
      by_first_[p.ids.front()].push_back(patterns_.size());
      patterns_.push_back(std::move(p));
    }
    SitePattern& p = patterns_[it->second];
    if (std::find(p.sites.begin(), p.sites.end(), site) == p.sites.end()) p.sites.push_back(site);
    p.ambiguous = p.ambiguous || ambiguous || p.sites.size() > 1;
  }

  // The id of norm(W) for a token's word id W.
  uint32_t norm_id(uint32_t w) const { return w == saint_ ? st_ : w; }

  size_t match_end(const Tokens& t, size_t i, const SitePattern& p) const {
    size_t j = i;
    for (size_t k = 0; k < p.words.size(); ++k, ++j) {
      if (j >= t.size()) return 0;
      const Token& w = t[j];
      if (w.para != t[i].para || norm_id(w.word) != p.ids[k]) return 0;
      if (p.exact[k] && w.text != p.words[k] &&
          !(p.lower[k] == "st" && (w.text == "St" || w.text == "Saint")))
        return 0;
    }
    return j;
  }

  std::vector<SitePattern> patterns_;
  std::unordered_map<std::string, size_t> index_;  // normalised words -> patterns_
  std::unordered_map<uint32_t, std::vector<size_t>> by_first_;  // by the first word's id
  uint32_t saint_ = name_lexicon().known("saint"), st_ = name_lexicon().known("st");
};

const SitePatterns& site_patterns() {
  static const SitePatterns patterns;
  return patterns;
}

// True when TOWN is written (as written, whole words) within a few words of [begin, end).
bool town_near(const Tokens& t, size_t begin, size_t end, const std::string& town) {
  const std::vector<std::string> words = phrase_tokens(town);
  if (words.empty()) return false;
  constexpr size_t kWindow = 10;
  const size_t lo = begin >= kWindow ? begin - kWindow : 0;
  const size_t hi = std::min(t.size(), end + kWindow);
  for (size_t i = lo; i + words.size() <= hi; ++i) {
    size_t k = 0;
    while (k < words.size() && t[i + k].para == t[begin].para && t[i + k].text == words[k]) ++k;
    if (k == words.size()) return true;
  }
  return false;
}

// The first of CANDIDATES when they all belong to one trust, else nullptr.
const core::Site* single_trust(const std::vector<const core::Site*>& candidates) {
  if (candidates.empty()) return nullptr;
  for (const core::Site* s : candidates)
    if (s->trust != candidates.front()->trust) return nullptr;
  return candidates.front();
}

struct Raw {
  size_t begin, end;
  const SitePattern* p;
};

bool capitalised(const Token& w) {
  return std::isupper(static_cast<unsigned char>(w.text.front())) != 0;
}

// Hospitals named in a list that shares its last words: "Wansbeck, North Tyneside and Hexham
// general hospitals", "Heartlands, Good Hope and Solihull hospitals". Each item, with the
// shared words in the singular, must be the name of a site.
void find_listed(const Tokens& t, std::vector<Raw>& raw) {
  for (size_t j = 1; j < t.size(); ++j) {
    if (t[j].lower != "hospitals") continue;
    size_t k = j;
    std::vector<std::string> shared{"Hospital"};
    if (is_word(t[j - 1], {"general", "community", "district", "university", "memorial"})) {
      std::string m = t[j - 1].lower;
      m[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(m[0])));
      shared.insert(shared.begin(), m);
      k = j - 1;
    }
    std::vector<std::pair<size_t, size_t>> items;  // right to left
    while (k > 0 && items.size() < 8) {
      const size_t item_end = k;
      size_t b = k;
      while (b > 0 && t[b - 1].sentence == t[j].sentence && capitalised(t[b - 1]) &&
             (b == item_end || t[b].sep.find(',') == std::string::npos))
        --b;
      while (b < item_end && is_word(t[b], {"the"})) ++b;
      if (b == item_end) break;
      items.emplace_back(b, item_end);
      if (b > 1 && is_word(t[b - 1], {"and", "&"}) && t[b - 1].sentence == t[j].sentence)
        k = b - 1;
      else if (t[b].sep.find(',') != std::string::npos)
        k = b;
      else
        break;
    }
    if (items.size() < 2) continue;
    for (auto it = items.rbegin(); it != items.rend(); ++it) {
      std::vector<std::string> words;
      for (size_t w = it->first; w < it->second; ++w) words.push_back(t[w].text);
      std::vector<std::string> with_shared = words;
      with_shared.insert(with_shared.end(), shared.begin(), shared.end());
      const SitePattern* p = site_patterns().named(with_shared);
      if (!p && shared.size() > 1) {
        words.push_back("Hospital");
        p = site_patterns().named(words);
      }
      if (p) raw.push_back({it->first, it->second, p});
    }
  }
}

}  // namespace

std::vector<SiteMention> find_locations(const Tokens& t, const std::vector<Mention>& trust_names) {
  const auto& sites = core::Gazetteer::builtin().sites();
  std::vector<Raw> raw;
  for (size_t i = 0; i < t.size();) {
    auto [p, end] = site_patterns().match(t, i);
    if (!p) {
      ++i;
      continue;
    }
    raw.push_back({i, end, p});
    i = end;
  }
  std::vector<Raw> listed;
  find_listed(t, listed);
  for (const Raw& l : listed)
    if (std::none_of(raw.begin(), raw.end(),
                     [&](const Raw& r) { return l.begin < r.end && r.begin < l.end; }))
      raw.push_back(l);
  std::sort(raw.begin(), raw.end(), [](const Raw& a, const Raw& b) { return a.begin < b.begin; });
  std::set<std::string> known;  // trusts named, or standing behind an unambiguous site
  for (const Mention& m : trust_names) known.insert(m.id);
  for (const Raw& r : raw)
    if (!r.p->ambiguous) known.insert(sites[r.p->sites.front()].trust);
  std::vector<SiteMention> out;
  for (const Raw& r : raw) {
    const core::Site* site = nullptr;
    if (!r.p->ambiguous) {
      site = &sites[r.p->sites.front()];
    } else {
      // The candidates with a town written nearby; failing one trust among those (or with no
      // town nearby), the candidates whose trust the text names.
      std::vector<const core::Site*> all, by_town, by_trust;
      for (size_t i : r.p->sites) {
        const core::Site& s = sites[i];
        all.push_back(&s);
        if (std::any_of(s.towns.begin(), s.towns.end(),
                        [&](const std::string& town) { return town_near(t, r.begin, r.end, town); }))
          by_town.push_back(&s);
      }
      for (const core::Site* s : by_town.empty() ? all : by_town)
        if (known.contains(s->trust)) by_trust.push_back(s);
      site = single_trust(by_town);
      if (!site) site = single_trust(by_trust);
    }
    if (!site) continue;
    SiteMention m;
    m.begin = r.begin;
    m.end = r.end;
    m.id = site->name;
    m.trust = site->trust;
    out.push_back(std::move(m));
  }
  return out;
}

std::vector<SiteMention> find_locations(const Tokens& t) {
  return find_locations(t, find_trust_names(t));
}

}  // namespace cqc::indexer
