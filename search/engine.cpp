#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <xapian.h>

#include "core/error.hpp"
#include "core/gazetteer.hpp"
#include "core/schema.hpp"
#include "core/text.hpp"
#include "search/facets.hpp"
#include "search/query.hpp"
#include "search/search.hpp"
#include "search/snippet.hpp"

namespace cqc::search {
namespace {

std::vector<std::string> strings(const Poco::JSON::Object::Ptr& o, const std::string& key) {
  std::vector<std::string> out;
  auto a = o->getArray(key);
  if (a)
    for (size_t i = 0; i < a->size(); ++i) out.push_back(a->getElement<std::string>(static_cast<unsigned>(i)));
  return out;
}

Hit make_hit(const Xapian::MSet& mset, const Xapian::MSetIterator& it, const Xapian::Stem& stem) {
  Poco::JSON::Parser parser;
  auto o = parser.parse(it.get_document().get_data()).extract<Poco::JSON::Object::Ptr>();
  const auto& g = core::Gazetteer::builtin();
  Hit h;
  h.id = o->getValue<std::string>("id");
  h.title = o->getValue<std::string>("title");
  h.url = o->getValue<std::string>("uri");
  h.kind = o->getValue<std::string>("kind");
  h.location = o->optValue<std::string>("location", "");
  h.location_id = o->optValue<std::string>("location_id", "");
  h.trusts = strings(o, "trusts");
  for (const auto& code : h.trusts) {
    const auto* t = g.trust_by_code(code);
    h.trust_names.push_back(t ? t->name : code);
  }
  h.mentioned_trusts = strings(o, "mentioned_trusts");
  if (auto kq = o->getArray("key_question_ratings"))
    for (unsigned i = 0; i < kq->size(); ++i) {
      auto x = kq->getObject(i);
      h.key_question_ratings.emplace_back(x->getValue<std::string>("question"), x->getValue<std::string>("rating"));
    }
  h.services = strings(o, "services");
  h.ratings = strings(o, "ratings");
  h.overall_rating = o->optValue<std::string>("overall_rating", "");
  if (auto sr = o->getArray("service_ratings")) {
    for (size_t i = 0; i < sr->size(); ++i) {
      auto x = sr->getObject(static_cast<unsigned>(i));
      ServiceRatingView v{x->getValue<std::string>("service"), "", x->getValue<std::string>("rating"), ""};
      const auto* s = g.service_by_id(v.service);
      const auto* r = g.rating_by_id(v.rating);
      v.name = s ? s->name : v.service;
      v.rating_name = r ? r->name : v.rating;
      h.service_ratings.push_back(v);
    }
  }
  h.inspected = o->optValue<std::string>("inspected", "");
  h.inspected_end = o->optValue<std::string>("inspected_end", "");
  h.published = o->optValue<std::string>("published", "");
  h.year = o->optValue<int>("year", 0);
  h.score = it.get_weight();
  if (auto prov = o->getObject("provenance"))
    for (const auto& [field, source] : *prov) h.provenance[field] = source.toString();
  std::vector<int> pages;
  if (auto p = o->getArray("pages"))
    for (size_t i = 0; i < p->size(); ++i) pages.push_back(p->getElement<int>(static_cast<unsigned>(i)));
  auto [snippet, page] = best_snippet(mset, o->optValue<std::string>("text", ""), pages, stem);
  h.snippet = std::move(snippet);
  h.page = page;
  return h;
}

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

void Searcher::reopen() { impl_->db.reopen(); }

SearchResult Searcher::search(const SearchRequest& req) {
  if (req.sort != "relevance" && req.sort != "newest" && req.sort != "oldest")
    throw core::UsageError("--sort must be relevance, newest or oldest, not '" + req.sort + "'");
  for (int attempt = 0;; ++attempt) {
    try {
      Xapian::Database& db = impl_->db;
      ParsedQuery pq = parse_request(req, db, impl_->stem);
      Xapian::Enquire enq(db);
      enq.set_query(pq.combined());
      if (req.sort != "relevance")
        enq.set_sort_by_value_then_relevance(schema::kSlotSortDate, req.sort == "newest");
      ListCountSpy trusts(schema::kSlotTrusts), services(schema::kSlotServices),
          ratings(schema::kSlotRatings), years(schema::kSlotYear), kinds(schema::kSlotKind);
      for (Xapian::MatchSpy* s : std::initializer_list<Xapian::MatchSpy*>{&trusts, &services, &ratings, &years, &kinds})
        enq.add_matchspy(s);
      // check_at_least = every document: exact totals and facet counts over the match set.
      Xapian::MSet mset = enq.get_mset(req.offset, req.limit, db.get_doccount());
      SearchResult r;
      r.total = mset.get_matches_estimated();
      r.query_description = pq.combined().get_description();
      for (auto it = mset.begin(); it != mset.end(); ++it) r.hits.push_back(make_hit(mset, it, impl_->stem));
      r.facets = {make_facet("trust", trusts.counts()), make_facet("service", services.counts()),
                  make_facet("rating", ratings.counts()), make_facet("year", years.counts()),
                  make_facet("kind", kinds.counts())};
      r.timeline = make_timeline(db, years.counts());
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
