#include <xapian.h>

#include <map>

#include "core/error.hpp"
#include "core/schema.hpp"
#include "search/facet_table.hpp"
#include "search/facets.hpp"
#include "search/hit.hpp"
#include "search/query.hpp"
#include "search/search.hpp"
#include "search/snippet.hpp"

namespace cqc::search {
namespace {

// One hit: metadata from the stored JSON, the snippet from the one text block where the
// query's words cluster most.
Hit make_hit(const Xapian::MSet& mset, const Xapian::MSetIterator& it, const Xapian::Database& db,
             const std::vector<std::string>& words, const Xapian::Stem& stem) {
  const Xapian::Document doc = it.get_document();  // lazy: the data and one text block are read
  const schema::DocumentData data(doc.get_data());
  Hit h = hit_from_metadata(data.metadata());
  h.score = it.get_weight();
  auto [snippet, page] = best_snippet(mset, db, *it, doc, words, data, stem);
  h.snippet = std::move(snippet);
  h.page = page;
  return h;
}

// FIELD's counts over the matches of PQ without PQ's own option filter on FIELD.
std::map<std::string, std::uint64_t> counts_without(const Xapian::Database& db, const ParsedQuery& pq,
                                                    const FacetTable& table, FacetField field) {
  Xapian::Enquire enq(db);
  enq.set_query(pq.without(facet_name(field)));
  enq.set_weighting_scheme(Xapian::BoolWeight());
  FacetCounter counter(table, field);
  enq.add_matchspy(&counter);
  enq.get_mset(0, 0, db.get_doccount());
  return counter.counts(field);
}

// Below this many matches a search asks the spelling data for a better query.
constexpr std::uint64_t kSuggestBelow = 5;

}  // namespace

struct Searcher::Impl {
  std::string dir;
  Xapian::Database db;
  Xapian::Stem stem{"english"};
};

Searcher::Searcher(const std::string& index_dir) : impl_(std::make_unique<Impl>()) {
  impl_->dir = index_dir;
  try {
    impl_->db = Xapian::Database(index_dir);
  } catch (const Xapian::Error& e) {
    throw core::Fatal("no index at " + index_dir + " (run 'cqc-archive index' first): " + e.get_msg());
  }
}

Searcher::~Searcher() = default;

std::uint64_t Searcher::document_count() const { return impl_->db.get_doccount(); }

bool Searcher::reopen() { return impl_->db.reopen(); }

const Xapian::Database& Searcher::database() const { return impl_->db; }

SearchResult Searcher::search(const SearchRequest& req) {
  if (req.sort != "relevance" && req.sort != "newest" && req.sort != "oldest")
    throw core::UsageError("--sort must be relevance, newest or oldest, not '" + req.sort + "'");
  for (int attempt = 0;; ++attempt) {
    try {
      Xapian::Database& db = impl_->db;
      ParsedQuery pq = parse_request(req, db, impl_->stem);
      const Xapian::Query query = pq.combined();
      Xapian::Enquire enq(db);
      enq.set_query(query);
      // Facet values and sort dates of every document, read once per index revision.
      const auto table = FacetTable::shared(impl_->dir, db);
      SortDateKey sort_key(*table);
      if (req.sort != "relevance") enq.set_sort_by_key_then_relevance(&sort_key, req.sort == "newest");
      FacetCounter facets(*table);
      enq.add_matchspy(&facets);
      // check_at_least = every document: exact totals and facet counts over the match set.
      Xapian::MSet mset = enq.get_mset(req.offset, req.limit, db.get_doccount());
      SearchResult r;
      r.total = mset.get_matches_estimated();
      r.query_description = query.get_description();
      const std::vector<std::string> words = mset.empty() ? std::vector<std::string>()
                                                          : match_words(pq.text, db, impl_->stem);
      for (auto it = mset.begin(); it != mset.end(); ++it) r.hits.push_back(make_hit(mset, it, db, words, impl_->stem));
      std::map<std::string, std::uint64_t> years;
      for (unsigned f = 0; f < kFacetFields; ++f) {
        const auto field = static_cast<FacetField>(f);
        auto counts = pq.filters_on(facet_name(field)) ? counts_without(db, pq, *table, field) : facets.counts(field);
        if (field == kFacetYear) years = counts;
        r.facets.push_back(make_facet(facet_name(field), counts));
      }
      r.timeline = make_timeline(table->year_documents(), years);
      if (r.total < kSuggestBelow) r.did_you_mean = spelling_suggestion(pq, db, impl_->stem);
      return r;
    } catch (const Xapian::WildcardError& e) {
      throw core::UsageError("a wildcard in the query matches too many words (more than " +
                             std::to_string(kMaxWildcardTerms) + "): make it longer");
    } catch (const Xapian::DatabaseModifiedError&) {
      if (attempt >= 2) throw;
      impl_->db.reopen();  // a writer committed meanwhile: read the newest revision
    }
  }
}

}  // namespace cqc::search
