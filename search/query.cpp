#include "search/query.hpp"

#include <cctype>
#include <memory>

#include "core/date.hpp"
#include "core/error.hpp"
#include "core/fold.hpp"
#include "core/schema.hpp"
#include "core/text.hpp"
#include "search/query_fields.hpp"
#include "search/wildcards.hpp"

namespace cqc::search {
namespace {

// A query matching every document. Built fresh each time: copying the shared static
// Xapian::Query::MatchAll from several threads races on its non-atomic reference count.
Xapian::Query match_all() { return Xapian::Query(std::string()); }

// The field that matches every document (see below); not documented, never suggested.
constexpr const char* kEveryField = "cqceverydocument";

class EveryDocument : public Xapian::FieldProcessor {
 public:
  Xapian::Query operator()(const std::string&) override { return match_all(); }
};

void check_wildcards(const std::string& text) {
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '*') continue;
    size_t start = i;
    while (start > 0 && std::isalnum(static_cast<unsigned char>(text[start - 1]))) --start;
    if (i - start < 3)
      throw core::UsageError("wildcard '" + text.substr(start, i - start + 1) +
                             "' is too broad: give at least 3 letters before '*'");
  }
}

constexpr unsigned kFlags = Xapian::QueryParser::FLAG_PHRASE | Xapian::QueryParser::FLAG_BOOLEAN |
                            Xapian::QueryParser::FLAG_LOVEHATE | Xapian::QueryParser::FLAG_WILDCARD |
                            Xapian::QueryParser::FLAG_PURE_NOT;

// A QueryParser knowing the title prefix and every filter field; a bad filter value's message
// goes to ERROR (see FieldFilter).
Xapian::QueryParser make_parser(const Xapian::Database& db, const Xapian::Stem& stemmer,
                                const std::shared_ptr<std::string>& error) {
  Xapian::QueryParser qp;
  qp.set_database(db);
  qp.set_stemmer(stemmer);
  qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
  qp.set_default_op(Xapian::Query::OP_AND);
  qp.add_prefix("title", std::string(schema::kTitle));
  for (const FieldInfo& f : filter_fields()) qp.add_boolean_prefix(f.name, (new FieldFilter(f.name, error))->release());
  qp.add_boolean_prefix(kEveryField, (new EveryDocument)->release());
  qp.add_prefix(kWildcardField, (new WildcardExpansion(db, error))->release());
  qp.set_max_expansion(kMaxWildcardTerms, Xapian::Query::WILDCARD_LIMIT_ERROR);
  return qp;
}

// The option filter for FACET from VALUES (OR), or nothing when VALUES is empty.
void add_option(ParsedQuery& out, const std::string& facet, const std::vector<std::string>& values) {
  std::vector<Xapian::Query> any;
  for (const std::string& v : values) any.push_back(field_value_query(facet, v));
  if (!any.empty()) out.filters.emplace_back(facet, Xapian::Query(Xapian::Query::OP_OR, any.begin(), any.end()));
}

Xapian::Query filtered(Xapian::Query q, const ParsedQuery& p, std::string_view skip) {
  std::vector<Xapian::Query> parts;
  for (const auto& [facet, f] : p.filters)
    if (facet != skip) parts.push_back(f);
  if (parts.empty()) return q;
  return Xapian::Query(Xapian::Query::OP_FILTER, q, Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end()));
}

}  // namespace

namespace {

template <class Request>
auto values_of(Request& r, std::string_view name) -> decltype(&r.trusts) {
  if (name == "trust") return &r.trusts;
  if (name == "service") return &r.services;
  if (name == "rating") return &r.ratings;
  if (name == "overall") return &r.overall;
  if (name == "service_rating") return &r.service_ratings;
  if (name == "key_question") return &r.key_questions;
  if (name == "kind") return &r.kinds;
  if (name == "year") return &r.years;
  if (name == "changed") return &r.changed;
  return nullptr;
}

}  // namespace

std::vector<std::string>* filter_values(SearchRequest& r, std::string_view name) { return values_of(r, name); }

const std::vector<std::string>* filter_values(const SearchRequest& r, std::string_view name) {
  return values_of(r, name);
}

const std::vector<std::string>& filter_names() {
  static const std::vector<std::string> names = {"trust", "service", "rating", "overall", "service_rating",
                                                 "key_question", "kind", "year", "changed"};
  return names;
}

Xapian::Query ParsedQuery::combined() const { return filtered(text, *this, {}); }

Xapian::Query ParsedQuery::without(std::string_view facet) const { return filtered(text, *this, facet); }

bool ParsedQuery::filters_on(std::string_view facet) const {
  for (const auto& f : filters)
    if (f.first == facet) return true;
  return false;
}

std::pair<std::string, std::string> parse_date_range(std::string_view text, std::string_view field) {
  auto bad = [&](std::string_view part) {
    return core::UsageError("bad date '" + std::string(part) + "' in " + std::string(field) +
                            " (expected YYYY, YYYY-MM or YYYY-MM-DD, ranges as A..B)");
  };
  auto one = [&](std::string_view part, bool end) -> std::string {
    if (part.empty()) return "";
    auto d = core::parse_iso_date(part);
    if (!d || core::trim(part).size() != part.size() || part.find('T') != std::string_view::npos) throw bad(part);
    return end ? d->slot_end() : d->slot();
  };
  size_t dots = text.find("..");
  if (dots == std::string_view::npos) {
    if (text.empty()) throw bad(text);
    return {one(text, false), one(text, true)};
  }
  auto r = std::make_pair(one(text.substr(0, dots), false), one(text.substr(dots + 2), true));
  if (r.first.empty() && r.second.empty()) throw bad(text);
  if (!r.first.empty() && !r.second.empty() && r.first > r.second)
    throw core::UsageError("date range in " + std::string(field) + " ends before it starts: " + std::string(text));
  return r;
}

ParsedQuery parse_request(const SearchRequest& req, const Xapian::Database& db, const Xapian::Stem& stemmer) {
  if (req.query.size() > kMaxQueryBytes)
    throw core::UsageError("query is too long (" + std::to_string(req.query.size()) + " bytes; at most " +
                           std::to_string(kMaxQueryBytes) + ")");
  if (!core::valid_utf8(req.query)) throw core::UsageError("query is not valid UTF-8");
  ParsedQuery out{match_all(), {}, {}};
  for (const std::string& name : filter_names()) add_option(out, name, *filter_values(req, name));
  if (req.date_field != "inspected" && req.date_field != "published")
    throw core::UsageError("--date must be inspected or published, not '" + req.date_field + "'");
  if (!req.from.empty() || !req.to.empty()) {
    const unsigned slot = req.date_field == "published" ? schema::kSlotPublished : schema::kSlotInspected;
    auto from = req.from.empty() ? std::string() : parse_date_range(req.from, "from").first;
    auto to = req.to.empty() ? std::string() : parse_date_range(req.to, "to").second;
    if (!from.empty() && !to.empty() && from > to)
      throw core::UsageError("date range ends before it starts: from " + req.from + " to " + req.to);
    out.filters.emplace_back("dates", value_range(slot, {from, to}));
  }

  std::string text(core::trim(req.query));
  if (text.empty()) return out;
  check_wildcards(text);
  text = core::fold_accents(canonical_fields(text));
  out.parsed_text = text;
  // Xapian 1.4 reads a query made only of excluded filters ("-trust:RT5") as those filters:
  // a leading field matching every document gives the exclusion something to exclude from.
  if (text.front() == '-') text = std::string(kEveryField) + ":1 " + text;
  text = mark_wildcards(text);
  const auto error = std::make_shared<std::string>();
  Xapian::QueryParser qp = make_parser(db, stemmer, error);
  try {
    out.text = qp.parse_query(text, kFlags);
  } catch (const Xapian::QueryParserError& e) {
    if (!error->empty()) throw core::UsageError(*error);
    throw core::UsageError("cannot parse query '" + req.query + "': " + e.get_msg());
  }
  if (!error->empty()) throw core::UsageError(*error);
  if (out.text.empty()) out.text = match_all();
  return out;
}

std::string spelling_suggestion(const ParsedQuery& parsed, const Xapian::Database& db, const Xapian::Stem& stemmer) {
  if (parsed.parsed_text.empty()) return "";
  Xapian::QueryParser qp = make_parser(db, stemmer, std::make_shared<std::string>());
  try {
    qp.parse_query(parsed.parsed_text, kFlags | Xapian::QueryParser::FLAG_SPELLING_CORRECTION);
  } catch (const std::exception&) {
    return "";
  } catch (const Xapian::Error&) {
    return "";
  }
  return qp.get_corrected_query_string();
}

}  // namespace cqc::search
