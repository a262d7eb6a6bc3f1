// Private to the indexer: the words of the gazetteer's names as numbers, so that a document's
// tokens are looked up once (tokenize gives each its id) and the name patterns of trusts,
// services, sites and ratings compare numbers, not strings, at every position.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/gazetteer.hpp"

namespace cqc::indexer {

// A set of lower-case words numbered from 1 in the order added; 0 stands for every other word.
class Lexicon {
 public:
  // The id of WORD, which is added when new. An empty WORD is not added and gets 0.
  uint32_t add(std::string_view word);
  // The id of WORD (compared exactly, bytes as given), or 0 when it is not in the set.
  uint32_t id(std::string_view word) const;
  // The id of WORD, which must be in the set: a pattern built from a word the lexicon was not
  // built with is a bug (it could never match), so this throws std::logic_error naming WORD.
  uint32_t known(std::string_view word) const;
  // The number of words.
  size_t size() const { return ids_.size(); }

  // Every word the name patterns of metadata_*.cpp are made of: the words (phrase_tokens, in
  // ASCII lower case, with and without apostrophes) of GAZETTEER's trust names, former names,
  // abbreviations and short names, service names and aliases, site names and aliases, and
  // rating names, ids and variants (core::fold_name), and "st" (sites write "Saint" as "St").
  static Lexicon of_names(const core::Gazetteer& gazetteer);

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, uint32_t, Hash, std::equal_to<>> ids_;
};

// Lexicon::of_names of the built-in gazetteer, built once (thread-safe).
const Lexicon& name_lexicon();

}  // namespace cqc::indexer
