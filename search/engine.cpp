#include <sys/stat.h>
#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <memory>

#include "core/error.hpp"
#include "core/schema.hpp"
#include "search/document_data.hpp"
#include "search/facet_spies.hpp"
#include "search/facet_table.hpp"
#include "search/facets.hpp"
#include "search/hit.hpp"
#include "search/index_open.hpp"
#include "search/query.hpp"
#include "search/search.hpp"
#include "search/snippet.hpp"

namespace cqc::search {
namespace {

// The hits of MSET: metadata from each one's stored header, the snippet from the one text
// block where the query's words cluster most: found in the block's own text when the
// document is stored in one block, else by term positions. Local databases are read in
// phases, each in docid order (headers, positions, then blocks by slot), so B-tree blocks
// read for one hit serve its neighbours rather than being displaced by another table's or
// slot's.
std::vector<Hit> make_hits(const Xapian::MSet& mset, const Xapian::Database& db, const std::vector<std::string>& words,
                           const Xapian::Stem& stem, bool remote) {
  std::vector<Xapian::docid> dids;
  std::vector<Xapian::Document> docs;  // lazy: nothing is read until asked
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    dids.push_back(*it);
    docs.push_back(it.get_document());
  }
  std::vector<schema::DocumentData> headers;
  if (remote) {
    for (const auto& d : docs) headers.push_back(stored_document(d));
  } else {
    headers = stored_documents(db, dids);
  }
  const std::size_t n = dids.size();
  std::vector<SnippetSite> sites(n);  // a one-block document's site: block 0 until scanned
  std::vector<bool> one_block(n);
  std::vector<std::size_t> positional;  // the other hits
  for (std::size_t i = 0; i < n; ++i) {
    one_block[i] = !words.empty() && headers[i].block_count() == 1 && !headers[i].omitted(0);
    if (!one_block[i]) positional.push_back(i);
  }
  // Which of those holds which word, from posting lists read once (a remote shard would send
  // whole lists: there every word's positions are asked for instead).
  std::vector<Xapian::docid> positional_dids;
  for (std::size_t i : positional) positional_dids.push_back(dids[i]);
  const auto present = remote || positional.empty() ? std::vector<std::vector<bool>>() : words_present(db, positional_dids, words);
  for (std::size_t k = 0; k < positional.size(); ++k) {
    const std::size_t i = positional[k];
    sites[i] = locate_snippet(db, dids[i], words, headers[i], present.empty() ? nullptr : &present[k]);
  }
  std::vector<std::size_t> order = docid_order(dids);  // then by slot, docid order kept
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return sites[a].block < sites[b].block; });
  std::vector<std::unique_ptr<schema::BlockText>> texts(n);
  for (std::size_t i : order)
    if (sites[i].block < headers[i].block_count())
      texts[i] = std::make_unique<schema::BlockText>(
          headers[i], sites[i].block, docs[i].get_value(schema::kSlotText + static_cast<unsigned>(sites[i].block)));
  for (std::size_t i = 0; i < n; ++i) {
    if (!one_block[i]) continue;
    if (auto site = scan_snippet(headers[i], *texts[i], words)) {
      sites[i] = std::move(*site);
    } else {  // the words are not in the text as written: where positions put them
      sites[i] = locate_snippet(db, dids[i], words, headers[i]);
      if (sites[i].block != 0) texts[i].reset();
    }
  }
  std::vector<Hit> hits;
  std::size_t i = 0;
  for (auto it = mset.begin(); it != mset.end(); ++it, ++i) {
    Hit h = hit_from_metadata(headers[i].metadata());
    h.score = it.get_weight();
    auto [snippet, page] = cut_snippet(mset, docs[i], headers[i], sites[i], texts[i].get(), stem);
    h.snippet = std::move(snippet);
    h.page = page;
    hits.push_back(std::move(h));
  }
  return hits;
}

// Counts COUNTING's facets over the matches of QUERY (no ranking, no hits).
void count_matches(const Xapian::Database& db, const Xapian::Query& query, FacetCounting& counting) {
  Xapian::Enquire enq(db);
  enq.set_query(query);
  enq.set_weighting_scheme(Xapian::BoolWeight());
  counting.attach(enq);
  enq.get_mset(0, 0, db.get_doccount());
}

// FIELD's counts over the matches of PQ without PQ's own option filter on FIELD.
std::map<std::string, std::uint64_t> counts_without(const Xapian::Database& db, const ParsedQuery& pq,
                                                    const FacetTable* table, FacetField field) {
  FacetCounting counter(table, field);
  count_matches(db, pq.without(facet_name(field)), counter);
  return counter.counts(field);
}

// Below this many matches a search asks the spelling data for a better query.
constexpr std::uint64_t kSuggestBelow = 5;

// Whether a term of QUERY (the typed words) is in fewer than kSuggestBelow documents: only
// such a word may be a misspelling. Few matches for common words come from the filters, and
// Xapian would offer a more frequent neighbour of a correct word ("tablespaces" ->
// "tablespace").
bool has_rare_term(const Xapian::Query& query, const Xapian::Database& db) {
  for (auto t = query.get_unique_terms_begin(); t != query.get_unique_terms_end(); ++t)
    if (db.get_termfreq(*t) < kSuggestBelow) return true;
  return false;
}

// Whether ENQ's matches are estimated at half the index or more: then building the facet
// table (every document's values read once) costs less than reading the value slots of each
// match. At 1,000,000 documents: 1.4 s against 2.0 s for 97 % of them, but 1.2 s against
// 0.02 s for a word in 249.
bool most_of_index(Xapian::Enquire& enq, const Xapian::Database& db) {
  return enq.get_mset(0, 0).get_matches_estimated() >= db.get_doccount() / 2;
}

// The device and inode of the file or folder at PATH ({0, 0} when there is none).
std::pair<dev_t, ino_t> file_of(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return {0, 0};
  return {st.st_dev, st.st_ino};
}

}  // namespace

struct Searcher::Impl {
  IndexOptions options;
  OpenedIndex index;
  Xapian::Stem stem{"english"};
  StemForms forms;     // stemmed words' indexed forms, for the revision searched last
  bool stale = false;  // a remote shard failed: open the stub afresh before the next search
  std::chrono::steady_clock::time_point opened = std::chrono::steady_clock::now();
  std::pair<dev_t, ino_t> opened_file{};  // the index path's file when opened (see replaced())

  void open() {
    opened_file = file_of(options.path);
    index = open_index(options);
    stale = false;
    opened = std::chrono::steady_clock::now();
  }
  // Whether another folder or stub now sits at the index's path: a rebuild or a compaction
  // (indexer/compact.hpp) put a new index in place of the one opened, whose revision numbers
  // start again (Xapian's reopen() would go on reading the old files when they match).
  bool replaced() const {
    const auto now = file_of(options.path);
    return now.second != 0 && now != opened_file;
  }
  // Opens the index again when a shard failed, or (allow_partial) to try the missing shards
  // again every retry_missing_ms.
  void refresh() {
    const auto since = std::chrono::steady_clock::now() - opened;
    if (stale || (!index.missing.empty() && since >= std::chrono::milliseconds(options.retry_missing_ms))) open();
  }
  // After a remote shard failed during a search: names the shards that do not answer and,
  // with allow_partial and a first failure, reopens without them (the search is then rerun).
  void shard_failed(const Xapian::Error& e, int attempt) {
    stale = true;
    const std::vector<std::string> down = unreachable_shards(index, options);
    std::string list;
    for (const auto& d : down) list += (list.empty() ? "" : "; ") + d;
    if (down.empty()) {  // every shard answers again: a connection broke (a shard restarted)
      if (attempt >= 2) throw ShardUnavailable("a remote shard failed during the search: " + e.get_msg());
    } else if (!options.allow_partial || attempt >= 2 || down.size() == index.shards.size()) {
      throw ShardUnavailable("a remote shard does not answer: " + list);
    }
    open();
  }
};

Searcher::Searcher(const std::string& index_dir) : Searcher(IndexOptions{index_dir}) {}

Searcher::Searcher(const IndexOptions& options) : impl_(std::make_unique<Impl>()) {
  impl_->options = options;
  impl_->open();
}

Searcher::~Searcher() = default;

std::uint64_t Searcher::document_count() const { return impl_->index.db.get_doccount(); }

bool Searcher::reopen() {
  try {
    if (impl_->stale || impl_->replaced()) return impl_->open(), true;
    return impl_->index.db.reopen();
  } catch (const Xapian::NetworkError&) {
    impl_->stale = true;  // the next search reopens and names the shard
    return true;
  }
}

const Xapian::Database& Searcher::database() const { return impl_->index.db; }

SearchResult Searcher::search(const SearchRequest& req) {
  if (req.sort != "relevance" && req.sort != "newest" && req.sort != "oldest")
    throw core::UsageError("--sort must be relevance, newest or oldest, not '" + req.sort + "'");
  for (int attempt = 0;; ++attempt) {
    try {
      impl_->refresh();
      Xapian::Database& db = impl_->index.db;
      ParsedQuery pq = parse_request(req, db, impl_->stem);
      const Xapian::Query query = pq.combined();
      Xapian::Enquire enq(db);
      enq.set_query(query);
      // Facet values and sort dates of every document, read once per index revision; a
      // remote shard counts and sorts by its value slots itself (search/facet_spies.hpp).
      const auto table = impl_->index.remote || !(impl_->options.facet_table || most_of_index(enq, db))
                             ? nullptr
                             : FacetTable::shared(impl_->options.path, db);
      std::unique_ptr<SortDateKey> sort_key;
      if (req.sort != "relevance") sort_by_date(enq, table.get(), sort_key, req.sort == "newest");
      FacetCounting facets(table.get());
      // Xapian 1.4.22 merges a remote shard's match spy results more than once when the
      // match is sorted by value: remote facets of a sorted search are counted apart.
      const bool count_apart = !table && req.sort != "relevance";
      // Browsing (no words, no filters) matches every document: its facet counts are the
      // table's whole, so the match need not visit every document to count them.
      const bool every = table && query.get_type() == Xapian::Query::LEAF_MATCH_ALL && table->covered() == db.get_doccount();
      if (!count_apart && !every) facets.attach(enq);
      // check_at_least = every document: exact totals and facet counts over the match set.
      Xapian::MSet mset = every ? enq.get_mset(req.offset, req.limit) : enq.get_mset(req.offset, req.limit, db.get_doccount());
      if (every) facets.count_covered();
      if (count_apart) count_matches(db, query, facets);
      SearchResult r;
      r.total = every ? db.get_doccount() : mset.get_matches_estimated();
      r.query_description = query.get_description();
      StemForms* forms = nullptr;  // none without a revision to key them on
      const Xapian::rev revision = impl_->index.remote || mset.empty() ? 0 : index_revision(db);
      if (revision) {
        forms = &impl_->forms;
        forms->at_revision(revision, index_uuid(db));
      }
      const std::vector<std::string> words = mset.empty() ? std::vector<std::string>()
                                                          : match_words(pq.text, db, impl_->stem, forms);
      const Xapian::Stem marking = marking_stemmer(query, impl_->stem);
      r.hits = make_hits(mset, db, words, marking, impl_->index.remote);
      std::map<std::string, std::uint64_t> years;
      for (unsigned f = 0; f < kFacetFields; ++f) {
        const auto field = static_cast<FacetField>(f);
        auto counts = pq.filters_on(facet_name(field)) ? counts_without(db, pq, table.get(), field) : facets.counts(field);
        if (field == kFacetYear) years = counts;
        r.facets.push_back(make_facet(facet_name(field), counts));
      }
      r.timeline = make_timeline(table ? table->year_documents() : year_documents(db), years);
      if (r.total < kSuggestBelow && has_rare_term(pq.text, db)) r.did_you_mean = spelling_suggestion(pq, db, impl_->stem);
      r.missing_shards = impl_->index.missing;
      return r;
    } catch (const Xapian::WildcardError& e) {
      throw core::UsageError("a wildcard in the query matches too many words (more than " +
                             std::to_string(kMaxWildcardTerms) + "): make it longer");
    } catch (const Xapian::DatabaseModifiedError&) {
      if (attempt >= 2) throw;
      impl_->index.db.reopen();  // a writer committed meanwhile: read the newest revision
    } catch (const Xapian::NetworkError& e) {
      impl_->shard_failed(e, attempt);  // throws, or reopens without the shard that is down
    }
  }
}

}  // namespace cqc::search
