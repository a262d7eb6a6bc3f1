// Snippets: the best passage of a hit for the query, from the page where the query's words
// occur most, found by term positions (each page's first position is stored with its text,
// core/schema.hpp), so only that one page is inflated and passed to MSet::snippet.
#pragma once
#include <xapian.h>

#include <string>
#include <utility>
#include <vector>

#include "core/schema.hpp"

namespace cqc::search {

// Characters of text a snippet shows (about).
inline constexpr size_t kSnippetLength = 240;
// At most this many words (the most frequent first) locate matches for one query.
inline constexpr size_t kMaxMatchWords = 64;

// The indexed words whose positions show where QUERY matches a document: its unprefixed
// terms (quoted or unstemmed words, phrase parts), the words of DB that stem (with STEM) to
// each of its stemmed Z terms (stemmed terms carry no positions), and the expansions of its
// unprefixed wildcards. Title-only (S-prefixed) terms are left out: they name no page.
std::vector<std::string> match_words(const Xapian::Query& query, const Xapian::Database& db,
                                     const Xapian::Stem& stem);

// The sorted, distinct positions of WORDS in document DID of DB.
std::vector<Xapian::termpos> match_positions(const Xapian::Database& db, Xapian::docid did,
                                             const std::vector<std::string>& words);

// The index of the page of DOC holding the most of POSITIONS (sorted), the earliest on a
// tie; doc.page_count() when none falls on a page (no positional match, title only).
std::size_t page_with_most(const std::vector<Xapian::termpos>& positions, const schema::DocumentData& doc);

// The snippet and page number (0 for unpaged documents) of document DID, stored as DOC, for
// the query behind MSET: the page page_with_most() picks from WORDS' positions, else the
// first page with text. HTML-escaped, matched words in <mark></mark>; "" when there is no text.
std::pair<std::string, int> best_snippet(const Xapian::MSet& mset, const Xapian::Database& db,
                                         Xapian::docid did, const std::vector<std::string>& words,
                                         const schema::DocumentData& doc, const Xapian::Stem& stem);

}  // namespace cqc::search
