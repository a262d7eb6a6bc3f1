// Trusts named in the press by a name that is not quite theirs: "Hull and East Yorkshire NHS
// Trust" (for "... Hospitals NHS Trust"), "University Hospital Bristol NHS Foundation Trust".
#include <algorithm>

#include "core/gazetteer.hpp"
#include "indexer/metadata_parts.hpp"

namespace cqc::indexer {
namespace {

// The end of "NHS Trust", "NHS Foundation Trust" or "Foundation Trust" at token I, or 0.
size_t trust_ending(const Tokens& t, size_t i) {
  for (auto phrase : {std::initializer_list<std::string_view>{"nhs", "foundation", "trust"},
                      {"nhs", "trust"},
                      {"foundation", "trust"}})
    if (phrase_at(t, i, phrase) && (t[i].text == "NHS" || t[i].text == "Foundation"))
      return i + phrase.size();
  return 0;
}

// A word that may stand inside a trust's name before its ending.
bool name_word(const Token& w) {
  const unsigned char c = static_cast<unsigned char>(w.text.front());
  return std::isupper(c) || std::isdigit(c) || w.text == "&" ||
         is_word(w, {"and", "of", "upon", "on", "for"});
}

}  // namespace

std::vector<Mention> find_trust_variants(const Tokens& t, const std::vector<Mention>& known) {
  const auto& g = core::Gazetteer::builtin();
  std::vector<Mention> out;
  std::vector<bool> taken(t.size() + 1, false);
  for (const Mention& m : known)
    for (size_t k = m.begin; k < m.end && k < t.size(); ++k) taken[k] = true;
  constexpr size_t kMaxWords = 10;
  for (size_t i = 1; i < t.size(); ++i) {
    const size_t end = trust_ending(t, i);
    if (!end || taken[i] || taken[i - 1]) continue;
    // The name: capitalised words (and "and", "of", ...) before the ending, same sentence.
    size_t first = i;
    while (first > 0 && i - first < kMaxWords && !taken[first - 1] &&
           t[first - 1].sentence == t[i].sentence && name_word(t[first - 1]))
      --first;
    // Longest first: "Yesterday Hull and East Yorkshire NHS Trust" tries "Yesterday Hull ..."
    // then "Hull ...". A name starts with a capital and has two words or more; after "a" it
    // describes a trust rather than names it ("a Hampshire NHS trust").
    for (size_t s = first; s + 1 < i; ++s) {
      if (!std::isupper(static_cast<unsigned char>(t[s].text.front()))) continue;
      if (s > 0 && t[s - 1].sentence == t[s].sentence && is_word(t[s - 1], {"a", "an", "one"}))
        break;
      std::string name;
      for (size_t k = s; k < i; ++k) name += (k > s ? " " : "") + t[k].text;
      if (const core::Trust* trust = g.resolve_trust_variant(name)) {
        out.push_back({s, end, trust->code});
        i = end - 1;
        break;
      }
    }
  }
  return out;
}

}  // namespace cqc::indexer
