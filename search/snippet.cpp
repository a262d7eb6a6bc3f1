#include "search/snippet.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <vector>

#include "core/text.hpp"
#include "search/document_data.hpp"
#include "search/passage.hpp"

namespace cqc::search {
namespace {

// Unprefixed terms start with a lower-case letter, a digit or a non-ASCII byte.
bool unprefixed(const std::string& term) {
  return !term.empty() && !(term[0] >= 'A' && term[0] <= 'Z');
}

// Adds to OUT (word -> term frequency) the words of DB starting with PREFIX that KEEP accepts.
template <class Keep>
void words_with_prefix(const Xapian::Database& db, const std::string& prefix, Keep keep,
                       std::map<std::string, Xapian::doccount>& out) {
  for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t)
    if (keep(*t)) out[*t] = t.get_termfreq();
}

// The kMaxStemForms most frequent indexed words of DB that STEM maps to stem S.
StemForms::Forms stem_forms(const Xapian::Database& db, const Xapian::Stem& stem, const std::string& s) {
  // The words that stem to S start with S, or for a stem ending in 'i' (happy -> happi)
  // with the stem's 'y' form.
  auto same_stem = [&](const std::string& w) { return stem(w) == s; };
  std::map<std::string, Xapian::doccount> forms;
  words_with_prefix(db, s, same_stem, forms);
  if (s.back() == 'i') words_with_prefix(db, s.substr(0, s.size() - 1) + "y", same_stem, forms);
  // Only the most frequent forms: each costs a position-list lookup per hit, and the rare
  // ones seldom move the densest cluster.
  StemForms::Forms ranked(forms.begin(), forms.end());
  std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  if (ranked.size() > kMaxStemForms) ranked.resize(kMaxStemForms);
  return ranked;
}

// Walks QUERY's tree, collecting positional words into OUT (stemmed words' forms through
// CACHE when given).
void collect(const Xapian::Query& q, const Xapian::Database& db, const Xapian::Stem& stem,
             std::map<std::string, Xapian::doccount>& out, StemForms* cache) {
  const auto type = q.get_type();
  if (type == Xapian::Query::OP_WILDCARD) {
    // No accessor for the pattern in Xapian 1.4: the description ends with it.
    const std::string d = q.get_description();
    std::string pattern = d.substr(d.rfind(' ') + 1);
    if (!pattern.empty() && pattern.back() == ')') pattern.pop_back();
    if (unprefixed(pattern)) words_with_prefix(db, pattern, [](const std::string&) { return true; }, out);
    return;
  }
  if (type == Xapian::Query::OP_OR && q.get_num_subqueries() > kMaxMatchWords) {
    // An expanded wildcard (search/wildcards.hpp): its words share a start, so one walk of the
    // index's words reads their frequencies (a lookup per word would be a round trip per word
    // to every remote shard).
    std::set<std::string> words;
    std::string start;
    for (size_t i = 0; i < q.get_num_subqueries(); ++i) {
      const Xapian::Query sub = q.get_subquery(i);
      if (sub.get_type() != Xapian::Query::LEAF_TERM || sub.get_terms_begin() == sub.get_terms_end()) break;
      const std::string term = *sub.get_terms_begin();
      if (!unprefixed(term)) break;
      start = words.empty() ? term : start.substr(0, std::mismatch(start.begin(), start.end(), term.begin(), term.end()).first - start.begin());
      words.insert(term);
    }
    if (words.size() == q.get_num_subqueries() && !start.empty()) {
      words_with_prefix(db, start, [&](const std::string& w) { return words.count(w) > 0; }, out);
      return;
    }
  }
  if (type == Xapian::Query::LEAF_TERM) {
    for (auto t = q.get_terms_begin(); t != q.get_terms_end(); ++t) {
      const std::string term = *t;
      if (unprefixed(term)) {
        out[term] = db.get_termfreq(term);
      } else if (term.size() > 1 && term[0] == 'Z' && unprefixed(term.substr(1))) {
        const StemForms::Forms* forms = cache ? cache->find(term) : nullptr;
        StemForms::Forms found;
        if (!forms) {
          found = stem_forms(db, stem, term.substr(1));
          forms = cache ? &cache->put(term, std::move(found)) : &found;
        }
        for (const auto& [w, freq] : *forms) out[w] = freq;
      }
    }
    return;
  }
  // The right-hand side of AND_NOT never occurs in a match.
  const size_t n = type == Xapian::Query::OP_AND_NOT ? std::min<size_t>(1, q.get_num_subqueries()) : q.get_num_subqueries();
  for (size_t i = 0; i < n; ++i) collect(q.get_subquery(i), db, stem, out, cache);
}

// STEM, asked only for words whose first byte is one of FIRSTS (see marking_stemmer).
class FirstByteStem : public Xapian::StemImplementation {
 public:
  FirstByteStem(Xapian::Stem stem, std::string firsts) : stem_(std::move(stem)), firsts_(std::move(firsts)) {}
  std::string operator()(const std::string& word) override {
    if (word.empty() || firsts_.find(word[0]) == std::string::npos) return std::string();
    return stem_(word);
  }
  std::string get_description() const override { return "FirstByteStem(" + stem_.get_description() + ")"; }

 private:
  Xapian::Stem stem_;
  std::string firsts_;
};

}  // namespace

Xapian::Stem marking_stemmer(const Xapian::Query& query, const Xapian::Stem& stem) {
  if (stem.get_description() != "Xapian::Stem(english)") return stem;
  std::string firsts;
  for (auto t = query.get_unique_terms_begin(); t != query.get_unique_terms_end(); ++t) {
    const std::string& term = *t;
    if (term.size() > 1 && term[0] == 'Z' && unprefixed(term.substr(1)) && firsts.find(term[1]) == std::string::npos)
      firsts += term[1];
  }
  return Xapian::Stem(new FirstByteStem(stem, std::move(firsts)));
}

void StemForms::at_revision(Xapian::rev revision, const std::string& uuid) {
  if (revision == revision_ && uuid == uuid_) return;
  forms_.clear();
  revision_ = revision;
  uuid_ = uuid;
}

const StemForms::Forms* StemForms::find(const std::string& z) const {
  const auto it = forms_.find(z);
  return it == forms_.end() ? nullptr : &it->second;
}

const StemForms::Forms& StemForms::put(const std::string& z, Forms forms) {
  if (forms_.size() >= kMaxEntries) forms_.clear();
  return forms_[z] = std::move(forms);
}

std::vector<std::string> match_words(const Xapian::Query& query, const Xapian::Database& db,
                                     const Xapian::Stem& stem, StemForms* forms) {
  std::map<std::string, Xapian::doccount> found;
  collect(query, db, stem, found, forms);
  std::vector<std::pair<std::string, Xapian::doccount>> words(found.begin(), found.end());
  std::stable_sort(words.begin(), words.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  if (words.size() > kMaxMatchWords) words.resize(kMaxMatchWords);
  std::vector<std::string> out;
  for (auto& [w, freq] : words)
    if (freq) out.push_back(std::move(w));
  return out;
}

std::vector<std::vector<bool>> words_present(const Xapian::Database& db, const std::vector<Xapian::docid>& dids,
                                             const std::vector<std::string>& words) {
  const std::vector<std::size_t> order = docid_order(dids);
  std::vector<std::vector<bool>> out(dids.size(), std::vector<bool>(words.size(), false));
  for (std::size_t w = 0; w < words.size(); ++w) {
    Xapian::PostingIterator p = db.postlist_begin(words[w]);
    const Xapian::PostingIterator end = db.postlist_end(words[w]);
    for (std::size_t i : order) {
      if (p == end) break;
      p.skip_to(dids[i]);
      if (p != end && *p == dids[i]) out[i][w] = true;
    }
  }
  return out;
}

std::vector<std::pair<Xapian::termpos, std::uint32_t>> match_positions(const Xapian::Database& db, Xapian::docid did,
                                                                       const std::vector<std::string>& words,
                                                                       const std::vector<bool>* present) {
  std::vector<std::pair<Xapian::termpos, std::uint32_t>> out;
  for (std::uint32_t w = 0; w < words.size(); ++w) {
    if (present && !(*present)[w]) continue;
    std::size_t n = 0;  // the earliest kMaxWordPositions of each word: enough to find a cluster
    for (auto p = db.positionlist_begin(did, words[w]); p != db.positionlist_end(did, words[w]) && n < kMaxWordPositions; ++p, ++n)
      out.emplace_back(*p, w);
  }
  std::sort(out.begin(), out.end());
  return out;
}

Xapian::termpos densest_position(const std::vector<Xapian::termpos>& positions, const schema::DocumentData& doc) {
  if (doc.block_count() == 0) return 0;
  auto i = std::lower_bound(positions.begin(), positions.end(), doc.first_position(0));  // skip the title
  Xapian::termpos best = 0;
  std::ptrdiff_t best_count = 0;
  for (auto j = i; i != positions.end(); ++i) {
    while (j != positions.end() && *j < *i + kSnippetSpan) ++j;
    if (j - i > best_count) best = *i, best_count = j - i;
  }
  return best;
}

namespace {

// Decodes BLOCK until the passage around the (EARLIER+1)-th WORD ("": the block's start) lies
// inside what is decoded, or to its end: most passages sit in a block's first half.
void decode_passage(schema::BlockText& block, std::string_view word, std::size_t earlier) {
  for (std::size_t n = 1024;; n *= 2) {
    block.decode_to(n);
    if (block.complete()) return;
    const std::size_t at = word.empty() ? 0 : find_word(block.text(), word, earlier);
    if (at != std::string_view::npos && at + word.size() + kPassageAfter < block.text().size()) return;
  }
}

}  // namespace

SnippetSite locate_snippet(const Xapian::Database& db, Xapian::docid did, const std::vector<std::string>& words,
                           const schema::DocumentData& doc, const std::vector<bool>* present) {
  SnippetSite site;
  site.block = doc.block_count();
  if (doc.block_count() == 0) return site;
  const auto matches = match_positions(db, did, words, present);
  std::vector<Xapian::termpos> positions;
  positions.reserve(matches.size());
  for (const auto& m : matches) {
    if (!positions.empty() && positions.back() == m.first) continue;
    const std::size_t b = doc.block_at(m.first);
    if (b < doc.block_count() && doc.omitted(b)) continue;  // its text was not stored
    positions.push_back(m.first);
  }
  site.at = densest_position(positions, doc);
  if (!site.at) return site;
  site.block = doc.block_at(site.at);
  if (site.block >= doc.block_count()) return site;
  // The word at AT and how often it occurs earlier in the block locate the passage.
  for (const auto& [pos, w] : matches)
    if (pos == site.at && site.word.empty()) site.word = words[w];
  for (const auto& [pos, w] : matches)
    if (pos >= doc.first_position(site.block) && pos < site.at && words[w] == site.word) ++site.earlier;
  return site;
}

std::optional<SnippetSite> scan_snippet(const schema::DocumentData& doc, schema::BlockText& text,
                                        const std::vector<std::string>& words) {
  text.decode_to(text.size());
  const auto [w, earlier] = densest_word(text.text(), words, kSnippetSpan);
  if (w == std::string_view::npos) return std::nullopt;
  SnippetSite site;
  site.block = 0;
  site.at = doc.first_position(0);
  site.word = words[w];
  site.earlier = earlier;
  return site;
}

std::pair<std::string, int> cut_snippet(const Xapian::MSet& mset, const Xapian::Document& document,
                                        const schema::DocumentData& doc, const SnippetSite& site,
                                        schema::BlockText* block_text, const Xapian::Stem& stem) {
  if (doc.block_count() == 0) return {"", 0};
  auto stored = [&](std::size_t b) { return document.get_value(schema::kSlotText + static_cast<unsigned>(b)); };
  std::size_t block = site.block;
  std::string raw;        // the text the passage is cut from: a prefix of the block's ...
  std::size_t whole = 0;  // ... whose whole length is this
  std::string_view cut;
  if (block < doc.block_count()) {
    schema::BlockText& text = *block_text;
    decode_passage(text, site.word, site.earlier);
    raw = text.text();
    whole = text.size();
    const std::size_t next = block + 1;  // the cluster may run on into the page's next block
    if (text.complete() && next < doc.block_count() && doc.continues_page(next) &&
        doc.first_position(next) < site.at + kSnippetSpan) {
      raw += doc.block_text(next, stored(next));
      whole = raw.size();
    }
    cut = passage(raw, site.word, site.earlier);
  } else {  // no positional match: the start of the first block with text
    for (block = 0; block < doc.block_count(); ++block) {
      schema::BlockText text(doc, block, stored(block));
      decode_passage(text, "", 0);
      raw = text.text();
      whole = text.size();
      cut = passage(raw, "", 0);
      if (!core::collapse_space(cut).empty()) break;
    }
    if (block == doc.block_count()) return {"", doc.page_number(0)};
  }
  // The passage is the snippet: MSet::snippet only marks the query's words in it. Left to
  // choose a window itself, it weighs words by the match's statistics, which differ between
  // one database and shards (Xapian 1.4), so the same hit could show another passage.
  const std::size_t begin = static_cast<std::size_t>(cut.data() - raw.data());
  if (cut.size() > kSnippetLength) cut = cut.substr(0, cut.rfind(' ', kSnippetLength) == std::string_view::npos
                                                           ? kSnippetLength : cut.rfind(' ', kSnippetLength));
  const bool more_after = begin + cut.size() < whole;
  const std::string text = core::collapse_space(cut);
  std::string marked = mset.snippet(text, text.size() + 1, stem, 0, "<mark>", "</mark>", "");
  if (begin > 0 && !marked.empty()) marked.insert(0, "…");
  if (more_after && !marked.empty()) marked += "…";
  return {marked, doc.page_number(block)};
}

}  // namespace cqc::search
