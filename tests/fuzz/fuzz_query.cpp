// Fuzz target "query": the search front end (search/query.hpp) on query text as typed.
// Input: lines. Line 1 is the query text (canonical_fields, parse_request, then run against a
// small real Xapian database built once in a temporary folder, so wildcards expand); line 2
// goes through parse_date_range; lines 3-9 are the request's option filters, in order:
// from, to, date field, trust, service, rating, kind (as --from, --trust ... would pass them).
// Rejected input is core::UsageError (the documented answer to a bad query), or
// Xapian::WildcardError while matching (which Searcher turns into a UsageError).
#include <unistd.h>
#include <xapian.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/schema.hpp"
#include "core/text.hpp"
#include "search/query.hpp"
#include "search/query_fields.hpp"
#include "search/search.hpp"
#include "tests/fuzz/fuzz_target.hpp"

namespace {

using namespace cqc;

// A few documents with the prefixes and value slots the filters use (core/schema.hpp).
void add_documents(Xapian::WritableDatabase& db) {
  struct Doc {
    const char* text;
    const char* title;
    const char* trust;
    const char* year;
    const char* inspected;
  };
  const Doc docs[] = {
      {"the seclusion room on the ward was clean and staff were kind", "seclusion review", "RT5",
       "2019", "20190304"},
      {"restraint was recorded for every patient secluded overnight", "ward visit", "RMY", "2018",
       "20181120"},
      {"requires improvement for safe and good for caring", "inspection report", "RT5", "2021",
       "20210615"},
  };
  Xapian::TermGenerator gen;
  gen.set_stemmer(Xapian::Stem("english"));
  gen.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
  for (const Doc& d : docs) {
    Xapian::Document doc;
    gen.set_document(doc);
    gen.index_text(d.text);
    gen.index_text(d.title, 1, std::string(schema::kTitle));
    doc.add_boolean_term(schema::boolean_term(schema::kTrust, d.trust));
    doc.add_boolean_term(schema::boolean_term(schema::kFacetYear, d.year));
    doc.add_value(schema::kSlotInspected, d.inspected);
    doc.add_value(schema::kSlotPublished, d.inspected);
    db.add_document(doc);
  }
  db.commit();
}

// The database, built at the first input and removed when the process exits.
const Xapian::Database& database() {
  static std::string dir;
  static Xapian::Database db = [] {
    std::string tmpl = (std::filesystem::temp_directory_path() / "cqc-fuzz-query-XXXXXX").string();
    if (!::mkdtemp(tmpl.data())) std::abort();
    dir = tmpl;
    std::atexit([] { std::filesystem::remove_all(dir); });
    {
      Xapian::WritableDatabase w(dir + "/index", Xapian::DB_CREATE_OR_OPEN);
      add_documents(w);
    }
    return Xapian::Database(dir + "/index");
  }();
  return db;
}

void parse_and_match(const search::SearchRequest& req) {
  static const Xapian::Stem stemmer("english");
  const search::ParsedQuery q = search::parse_request(req, database(), stemmer);
  Xapian::Enquire enquire(database());
  enquire.set_query(q.combined());
  try {
    enquire.get_mset(0, 10, database().get_doccount());
  } catch (const Xapian::WildcardError&) {  // too many expansions: a UsageError in Searcher
  }
}

}  // namespace

CQC_FUZZ_TARGET(query) {
  const std::vector<std::string_view> lines = core::split(fuzz::bytes(data, size), '\n');
  auto line = [&](size_t i) { return i < lines.size() ? std::string(lines[i]) : std::string(); };

  try {
    const std::string text = search::canonical_fields(lines[0]);
    CQC_FUZZ_CHECK(text.size() <= lines[0].size(), "canonical_fields made the text longer");
  } catch (const core::UsageError&) {
  }
  if (lines.size() > 1) {
    try {
      auto [from, to] = search::parse_date_range(lines[1], "fuzz:");
      CQC_FUZZ_CHECK(from.empty() || from.size() == 8, "a range start is not YYYYMMDD");
      CQC_FUZZ_CHECK(to.empty() || to.size() == 8, "a range end is not YYYYMMDD");
      CQC_FUZZ_CHECK(from.empty() || to.empty() || from <= to, "a range ends before it starts");
    } catch (const core::UsageError&) {
    }
  }

  search::SearchRequest req;
  req.query = line(0);
  req.from = line(2);
  req.to = line(3);
  if (lines.size() > 4) req.date_field = line(4);
  for (auto [field, i] : {std::pair{&req.trusts, 5}, {&req.services, 6}, {&req.ratings, 7},
                          {&req.kinds, 8}})
    if (lines.size() > static_cast<size_t>(i) && !lines[i].empty()) field->push_back(line(i));
  try {
    parse_and_match(req);
  } catch (const core::UsageError&) {
  }
  return 0;
}
