// Gazetteer: hospitals and sites of trusts (data/hospitals.tsv) and trusts' derived short names.
#include <algorithm>

#include "core/error.hpp"
#include "core/gazetteer.hpp"
#include "core/text.hpp"
#include "core/tsv_rows.hpp"

namespace cqc::core {
namespace {

// Words that make a short name an institution's rather than a place's: "Leicestershire
// Partnership", "University Hospitals Birmingham", but not "North Bristol" or "Salisbury".
// "University" alone does not count ("Manchester University" is the university).
bool institution_word(std::string_view w) {
  static constexpr std::string_view words[] = {
      "Hospital", "Hospitals", "Healthcare", "HealthCare", "Health",    "Care",
      "Partnership", "Teaching", "Services",   "Ambulance", "Group",
      "Alliance", "Centre",   "Children's", "Women's",    "Mental",    "Orthopaedic",
      "Infirmary"};
  return std::find(std::begin(words), std::end(words), w) != std::end(words);
}

// NAME without its "NHS Foundation Trust" / "NHS Trust" ending (and a comma before it), or
// "" when it has no such ending.
std::string strip_trust_suffix(std::string_view name) {
  for (std::string_view end : {" NHS Foundation Trust", " NHS Trust"}) {
    if (name.size() > end.size() && name.ends_with(end)) {
      std::string_view s = trim(name.substr(0, name.size() - end.size()));
      while (!s.empty() && s.back() == ',') s = trim(s.substr(0, s.size() - 1));
      return std::string(s);
    }
  }
  return {};
}

bool safe_short_name(std::string_view s) {
  std::vector<std::string_view> words;
  for (std::string_view w : split(s, ' '))
    if (!w.empty()) words.push_back(w);
  if (words.size() < 2) return false;
  return std::any_of(words.begin(), words.end(), [](std::string_view w) {
    while (!w.empty() && (w.back() == ',' || w.back() == '\'')) w.remove_suffix(1);
    return institution_word(w);
  });
}

}  // namespace

std::string site_key(std::string_view name) {
  std::string f = fold_name(name);
  // "saint" as a whole word becomes "st" (fold_name leaves single spaces between words).
  for (size_t at = f.find("saint"); at != std::string::npos; at = f.find("saint", at)) {
    const bool starts = at == 0 || f[at - 1] == ' ';
    const bool ends = at + 5 == f.size() || f[at + 5] == ' ';
    if (starts && ends) f.replace(at, 5, "st");
    at += starts && ends ? 2 : 5;
  }
  return f;
}

void Gazetteer::load_sites(std::string_view sites_tsv) {
  sites_.reserve(static_cast<size_t>(std::count(sites_tsv.begin(), sites_tsv.end(), '\n')));
  for_each_row("hospitals.tsv", sites_tsv, 2, [&](const auto& c, size_t line) {
    Site s;
    s.name = std::string(trim(c[0]));
    s.trust = std::string(trim(c[1]));
    if (c.size() > 2) s.former_trust = std::string(trim(c[2]));
    if (c.size() > 3) s.aliases = list_column(c[3]);
    if (c.size() > 4) s.towns = list_column(c[4]);
    if (c.size() > 5) s.ambiguous = trim(c[5]) == "ambiguous";
    if (s.name.empty() || !trust_by_code(s.trust))
      throw Error("hospitals.tsv line " + std::to_string(line) + ": site '" + s.name +
                  "' names no trust of trusts.tsv ('" + s.trust + "')");
    const size_t index = sites_.size();
    auto add_key = [&](const std::string& n) {
      std::vector<size_t>& v = site_index_[site_key(n)];
      if (std::find(v.begin(), v.end(), index) == v.end()) v.push_back(index);
    };
    add_key(s.name);
    for (const std::string& a : s.aliases) add_key(a);
    if (s.ambiguous) flagged_site_keys_.insert(site_key(s.name));
    sites_.push_back(std::move(s));
  });
}

void Gazetteer::derive_short_names() {
  for (Trust& t : trusts_) {
    std::vector<std::string> names{t.name};
    names.insert(names.end(), t.former_names.begin(), t.former_names.end());
    for (const std::string& n : names) {
      std::string s = strip_trust_suffix(n);
      for (std::string c : {s, s.starts_with("The ") ? s.substr(4) : std::string()}) {
        if (c.empty() || !safe_short_name(c)) continue;
        // Not when it is the name of another trust's site or of an ambiguous site
        // ("Queen Victoria Hospital" is a trust and two hospitals).
        const std::string key = site_key(c);
        bool clash = ambiguous_site_key(key);
        if (auto it = site_index_.find(key); it != site_index_.end())
          for (size_t i : it->second) clash = clash || sites_[i].trust != t.code;
        const auto dup = [&](const std::string& x) { return site_key(x) == key; };
        if (!clash && std::none_of(t.short_names.begin(), t.short_names.end(), dup) &&
            std::none_of(t.abbreviations.begin(), t.abbreviations.end(), dup))
          t.short_names.push_back(c);
      }
    }
  }
  // A short name two trusts derive (a shared former name) belongs to neither.
  std::unordered_map<std::string, int> owners;
  for (const Trust& t : trusts_)
    for (const std::string& s : t.short_names) ++owners[site_key(s)];
  for (Trust& t : trusts_)
    std::erase_if(t.short_names, [&](const std::string& s) { return owners[site_key(s)] > 1; });
}

std::vector<const Site*> Gazetteer::sites_named(std::string_view name) const {
  complete();
  std::vector<const Site*> out;
  if (auto it = site_index_.find(site_key(name)); it != site_index_.end())
    for (size_t i : it->second) out.push_back(&sites_[i]);
  return out;
}

bool Gazetteer::ambiguous_site_name(std::string_view name) const {
  complete();
  return ambiguous_site_key(site_key(name));
}

bool Gazetteer::ambiguous_site_key(const std::string& key) const {
  if (flagged_site_keys_.contains(key)) return true;
  auto it = site_index_.find(key);
  return it != site_index_.end() && it->second.size() > 1;
}

const Site* Gazetteer::resolve_site(std::string_view name) const {
  complete();
  if (ambiguous_site_name(name)) return nullptr;
  std::vector<const Site*> s = sites_named(name);
  return s.size() == 1 ? s.front() : nullptr;
}

namespace {

// NAME folded to letters and digits only, without the words "and", "nhs", "foundation",
// "trust" and "the": "Epsom and St Helier University Hospitals NHS Trust" ->
// "epsomsthelieruniversityhospitals".
std::string squashed(std::string_view name) {
  const std::string folded = fold_name(name);
  std::string out;
  for (std::string_view w : split(folded, ' '))
    if (w != "and" && w != "nhs" && w != "foundation" && w != "trust" && w != "the" && w != "&")
      out += w;
  return out;
}

}  // namespace

const Trust* Gazetteer::trust_by_host(std::string_view host) const {
  complete();
  std::string h = to_lower(trim(host));
  if (!h.ends_with(".nhs.uk")) return nullptr;
  h.resize(h.size() - 7);
  std::string label = h.substr(h.rfind('.') == std::string::npos ? 0 : h.rfind('.') + 1);
  for (std::string_view end : {"-trust", "-tr"})
    if (label.size() > end.size() && label.ends_with(end)) label.resize(label.size() - end.size());
  std::erase(label, '-');
  if (label.empty() || label == "www") return nullptr;
  for (const Trust& t : trusts_)
    for (const std::string& a : t.abbreviations)
      if (squashed(a) == label) return &t;
  if (label.size() < 5) return nullptr;
  const Trust* found = nullptr;
  for (const Trust& t : trusts_) {
    std::vector<std::string> names{t.name};
    names.insert(names.end(), t.short_names.begin(), t.short_names.end());
    if (std::any_of(names.begin(), names.end(),
                    [&](const std::string& n) { return squashed(n).starts_with(label); })) {
      if (found && found != &t) return nullptr;  // two trusts: not this host's to say
      found = &t;
    }
  }
  return found;
}

namespace {

// NAME folded, "&" as "and", without the words that writers drop or change in a trust's name.
std::string reduced_name(std::string_view name) {
  static constexpr std::string_view drop[] = {
      "nhs",      "foundation", "trust",     "the",  "hospital",  "hospitals",   "teaching",
      "university", "healthcare", "health", "care", "services", "community", "partnership"};
  const std::string folded = fold_name(name);
  std::string out;
  for (std::string_view w : split(folded, ' ')) {
    if (w.empty() || std::find(std::begin(drop), std::end(drop), w) != std::end(drop)) continue;
    if (!out.empty()) out.push_back(' ');
    out += w == "&" ? std::string_view("and") : w;
  }
  while (out.starts_with("and ")) out.erase(0, 4);
  while (out.ends_with(" and")) out.resize(out.size() - 4);
  return out == "and" ? std::string() : out;
}

}  // namespace

void Gazetteer::index_variants() {
  for (const Trust& t : trusts_) {
    std::vector<std::string> names{t.name};
    names.insert(names.end(), t.former_names.begin(), t.former_names.end());
    for (const std::string& n : names) {
      const std::string key = reduced_name(n);
      if (key.empty()) continue;
      auto [it, fresh] = variant_index_.try_emplace(key, &t);
      if (!fresh && it->second != &t) it->second = nullptr;  // two trusts: neither
    }
  }
}

const Trust* Gazetteer::resolve_trust_variant(std::string_view name) const {
  complete();
  const std::string key = reduced_name(name);
  if (key.empty()) return nullptr;
  auto it = variant_index_.find(key);
  return it == variant_index_.end() ? nullptr : it->second;
}

}  // namespace cqc::core
