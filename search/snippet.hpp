// Snippets: the best passage of a hit for the query. In a document stored as several text
// blocks (about 4 KB each, core/schema.hpp), the densest cluster of the query's words' term
// positions picks the block and its page, so only that block is read and decoded; in a
// document stored as one block, the cluster is found in that block's text. The passage is
// then cut around it and passed to MSet::snippet to mark the words.
#pragma once
#include <xapian.h>

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/schema.hpp"

namespace cqc::search {

// Characters of text a snippet shows (about).
inline constexpr size_t kSnippetLength = 240;
// At most this many words (the most frequent first) locate matches for one query: each
// costs a position-list lookup per hit.
inline constexpr size_t kMaxMatchWords = 8;
// At most this many indexed forms of one stemmed query word (the most frequent first).
inline constexpr size_t kMaxStemForms = 3;
// The span, in term positions, of a snippet's words (about kSnippetLength bytes of text).
inline constexpr Xapian::termpos kSnippetSpan = 40;

// The indexed forms of stemmed query words (match_words), kept for one index revision: a
// stemmed word's forms are found by walking every indexed word that starts with the stem and
// stemming each (6.5 % of a search server's CPU on the 6k corpus), and they change only with
// the index. Not for remote databases (no revision to key on).
class StemForms {
 public:
  using Forms = std::vector<std::pair<std::string, Xapian::doccount>>;
  // Forgets every entry unless they belong to REVISION of the database with UUID (a rebuilt or
  // compacted index is a new database, its revisions counted again from 1).
  void at_revision(Xapian::rev revision, const std::string& uuid);
  // The forms kept for stemmed term Z (e.g. "Zconfigur"), or nullptr.
  const Forms* find(const std::string& z) const;
  // Keeps FORMS for Z and returns them as kept; past kMaxEntries entries, every entry is
  // forgotten first.
  const Forms& put(const std::string& z, Forms forms);
  static constexpr std::size_t kMaxEntries = 4096;

 private:
  Xapian::rev revision_ = 0;
  std::string uuid_;
  std::unordered_map<std::string, Forms> forms_;
};

// The indexed words whose positions show where QUERY matches a document: its unprefixed
// terms (quoted or unstemmed words, phrase parts), the words of DB that stem (with STEM) to
// each of its stemmed Z terms (stemmed terms carry no positions; the kMaxStemForms most
// frequent), and the expansions of its unprefixed wildcards; at most kMaxMatchWords, the most
// frequent. Title-only (S-prefixed)
// terms and the excluded side of AND_NOT are left out: they locate no match in the text.
// FORMS, when given, keeps stemmed words' forms for the next search of the same revision.
std::vector<std::string> match_words(const Xapian::Query& query, const Xapian::Database& db,
                                     const Xapian::Stem& stem, StemForms* forms = nullptr);

// At most this many positions of one word are read per hit (the earliest).
inline constexpr std::size_t kMaxWordPositions = 512;

// Which of WORDS each of DIDS holds: present[i][w] for DIDS[i] and WORDS[w], from each word's
// posting list read once, in docid order. Xapian 1.4 opens a new B-tree cursor for every
// position list, so looking one up costs two block reads even when the document lacks the
// word; a posting list read once per search spares those lookups (most forms of a stemmed
// word and most expansions of a wildcard are absent from a given hit).
std::vector<std::vector<bool>> words_present(const Xapian::Database& db, const std::vector<Xapian::docid>& dids,
                                             const std::vector<std::string>& words);

// The positions of WORDS in document DID of DB (the earliest kMaxWordPositions of each),
// sorted, each with the index of its word. PRESENT (words_present's row for DID), when given,
// skips the words it marks absent.
std::vector<std::pair<Xapian::termpos, std::uint32_t>> match_positions(const Xapian::Database& db, Xapian::docid did,
                                                                       const std::vector<std::string>& words,
                                                                       const std::vector<bool>* present = nullptr);

// Where POSITIONS (sorted) cluster most densely in DOC: the first position of the span of
// kSnippetSpan positions holding the most of them, the earliest on a tie, counting only
// positions in DOC's text blocks (not the title's). 0 when there are none.
Xapian::termpos densest_position(const std::vector<Xapian::termpos>& positions, const schema::DocumentData& doc);

// The stemmer to hand MSet::snippet for QUERY: STEM itself for words whose first byte starts
// one of QUERY's stemmed (Z) terms, "" (matching no query term) for every other word. The
// snippet generator stems each word it is given to look for "Z" + stem among the query's
// terms (11 % of a search's instructions); a word whose first letter no stemmed term has
// cannot match one, because the English stemmer keeps a word's first letter. Other
// languages' stemmers are returned unchanged.
Xapian::Stem marking_stemmer(const Xapian::Query& query, const Xapian::Stem& stem);

// Where a hit's snippet comes from (locate_snippet): the block holding the densest cluster
// of the query's words, and the word there that the passage is cut around.
struct SnippetSite {
  std::size_t block = 0;    // the block's index; the document's block_count() when no
                            // stored text holds a match (the snippet is the text's start)
  Xapian::termpos at = 0;   // the cluster's first position (0: none)
  std::string word;         // the word at AT
  std::size_t earlier = 0;  // how often WORD occurs in the block before AT
};

// The site of the snippet of document DID of DB (the MSet's docid), whose header is DOC:
// the densest cluster of WORDS' positions (PRESENT as for match_positions).
SnippetSite locate_snippet(const Xapian::Database& db, Xapian::docid did, const std::vector<std::string>& words,
                           const schema::DocumentData& doc, const std::vector<bool>* present = nullptr);

// The site of the snippet of a document stored in one text block (DOC.block_count() == 1),
// found in TEXT, that block, decoded here to its end: the word starting the densest cluster
// of WORDS' occurrences (search/passage.hpp densest_word) rather than of their term
// positions, which cost two B-tree block reads per word. Empty when no word occurs in the
// text as written (only in the title, or with capitals outside ASCII): locate_snippet then.
std::optional<SnippetSite> scan_snippet(const schema::DocumentData& doc, schema::BlockText& text,
                                        const std::vector<std::string>& words);

// The snippet and page number (0 for unpaged documents) of DOCUMENT, whose header is DOC,
// at SITE (from locate_snippet or scan_snippet): the passage around SITE's word in TEXT,
// block SITE.block (decoded as far as its reader went), with the page's next block when the
// cluster runs into it (search/passage.hpp); else, when SITE names no block (TEXT null), the
// start of the first block with text. Other blocks are read from DOCUMENT. HTML-escaped,
// the query's words (MSET's query) marked in <mark></mark> (STEM finds the stemmed matches:
// marking_stemmer's is enough); "" when the document has no text.
std::pair<std::string, int> cut_snippet(const Xapian::MSet& mset, const Xapian::Document& document,
                                        const schema::DocumentData& doc, const SnippetSite& site,
                                        schema::BlockText* text, const Xapian::Stem& stem);

}  // namespace cqc::search
