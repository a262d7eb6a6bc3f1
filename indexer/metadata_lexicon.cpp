// The words of the gazetteer's names, numbered (metadata_lexicon.hpp).
#include "indexer/metadata_lexicon.hpp"

#include <algorithm>
#include <stdexcept>

#include "core/text.hpp"
#include "indexer/metadata_tokens.hpp"

namespace cqc::indexer {

uint32_t Lexicon::add(std::string_view word) {
  if (word.empty()) return 0;
  if (auto it = ids_.find(word); it != ids_.end()) return it->second;
  const auto id = static_cast<uint32_t>(ids_.size() + 1);
  ids_.emplace(std::string(word), id);
  return id;
}

uint32_t Lexicon::id(std::string_view word) const {
  auto it = ids_.find(word);
  return it == ids_.end() ? 0 : it->second;
}

uint32_t Lexicon::known(std::string_view word) const {
  if (uint32_t i = id(word)) return i;
  throw std::logic_error("name lexicon: a name pattern uses the word '" + std::string(word) +
                         "', which the lexicon was not built with (metadata_lexicon.cpp)");
}

Lexicon Lexicon::of_names(const core::Gazetteer& g) {
  Lexicon lex;
  auto words_of = [&](std::string_view name) {
    for (int pass = 0; pass < 2; ++pass) {  // as written, then without apostrophes
      std::string text(name);
      if (pass == 1) {
        if (text.find('\'') == std::string::npos) break;
        std::erase(text, '\'');
      }
      for (const std::string& w : phrase_tokens(text)) lex.add(core::to_lower(w));
    }
  };
  for (const core::Trust& t : g.trusts()) {
    words_of(t.name);
    for (const auto* list : {&t.former_names, &t.abbreviations, &t.short_names})
      for (const std::string& n : *list) words_of(n);
  }
  for (const core::Service& s : g.services()) {
    words_of(s.name);
    for (const std::string& a : s.aliases) words_of(a);
  }
  for (const core::Site& s : g.sites()) {
    words_of(s.name);
    for (const std::string& a : s.aliases) words_of(a);
  }
  lex.add("st");
  lex.add("saint");
  for (const core::Rating& r : g.ratings())
    for (const std::string* n : {&r.name, &r.id})
      for (const std::string& w : phrase_tokens(*n)) lex.add(core::fold_name(w));
  for (const core::Rating& r : g.ratings())
    for (const std::string& v : r.variants)
      for (const std::string& w : phrase_tokens(v)) lex.add(core::fold_name(w));
  return lex;
}

const Lexicon& name_lexicon() {
  static const Lexicon lexicon = Lexicon::of_names(core::Gazetteer::builtin());
  return lexicon;
}

}  // namespace cqc::indexer
