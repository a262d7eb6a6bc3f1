#include "search/query.hpp"

#include <algorithm>
#include <cctype>
#include <map>

#include "core/date.hpp"
#include "core/error.hpp"
#include "core/gazetteer.hpp"
#include "core/schema.hpp"
#include "core/text.hpp"

namespace cqc::search {
namespace {

// A query matching every document. Built fresh each time: copying the shared static
// Xapian::Query::MatchAll from several threads races on its non-atomic reference count.
Xapian::Query match_all() { return Xapian::Query(std::string()); }

const std::vector<std::string> kFilterFields = {"trust", "service",   "rating",    "kind",
                                                "year",  "inspected", "published", "source"};

bool is_filter_field(std::string_view name) {
  return std::find(kFilterFields.begin(), kFilterFields.end(), core::to_lower(name)) !=
         kFilterFields.end();
}

// The document kinds (indexer/metadata_kind.cpp; "rating" from the CQC API).
const std::vector<std::string> kKinds = {"report", "cqc-page", "cqc-press", "trust-news",
                                         "press",  "rating",   "other"};

std::string term_for(const std::string& field, const std::string& value) {
  const auto& g = core::Gazetteer::builtin();
  if (field == "trust") {
    const core::Trust* t = g.resolve_trust(value);
    if (!t) throw core::UsageError("unknown trust '" + value + "' (use an ODS code such as RT5, a name or an abbreviation)");
    return schema::boolean_term(schema::kTrust, t->code);
  }
  if (field == "service") {
    const core::Service* s = g.resolve_service(value);
    if (!s) throw core::UsageError("unknown service '" + value + "' (use a CQC core service name such as \"acute wards\")");
    return schema::boolean_term(schema::kService, s->id);
  }
  if (field == "rating") {
    const core::Rating* r = g.resolve_rating(value);
    if (!r) throw core::UsageError("unknown rating '" + value + "' (outstanding, good, requires-improvement, inadequate)");
    return schema::boolean_term(schema::kRating, r->id);
  }
  if (field == "kind") {
    const std::string k = core::to_lower(value);
    if (std::find(kKinds.begin(), kKinds.end(), k) == kKinds.end())
      throw core::UsageError("unknown kind '" + value +
                             "' (report, cqc-page, cqc-press, trust-news, press, rating, other; "
                             "news = cqc-press, trust-news or press)");
    return schema::boolean_term(schema::kKind, k);
  }
  if (field == "source") {
    const std::string v = core::to_lower(value);
    if (v != "live" && v != "removed")
      throw core::UsageError("unknown source state '" + value + "' (live, or removed: the source answered 404 or 410)");
    return schema::boolean_term(schema::kSource, v);
  }
  // year
  auto d = core::parse_iso_date(value);
  if (!d || d->month != 0) throw core::UsageError("bad year '" + value + "' (expected YYYY)");
  return schema::boolean_term(schema::kFacetYear, value);
}

// The terms for one filter value: one, except kind:news (every news kind).
std::vector<std::string> terms_for(const std::string& field, const std::string& value) {
  if (field == "kind" && core::to_lower(value) == "news")
    return {term_for(field, "cqc-press"), term_for(field, "trust-news"), term_for(field, "press")};
  return {term_for(field, value)};
}

// OR within one field, AND across fields.
Xapian::Query filters_query(const std::map<std::string, std::vector<std::string>>& terms,
                            const std::vector<Xapian::Query>& ranges) {
  std::vector<Xapian::Query> parts;
  for (const auto& [field, list] : terms)
    parts.emplace_back(Xapian::Query::OP_OR, list.begin(), list.end());
  parts.insert(parts.end(), ranges.begin(), ranges.end());
  if (parts.empty()) return match_all();
  return Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end());
}

Xapian::Query range_query(unsigned slot, const std::pair<std::string, std::string>& r) {
  if (r.first.empty()) return Xapian::Query(Xapian::Query::OP_VALUE_LE, slot, r.second);
  if (r.second.empty()) return Xapian::Query(Xapian::Query::OP_VALUE_GE, slot, r.first);
  return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, slot, r.first, r.second);
}

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

}  // namespace

Xapian::Query ParsedQuery::combined() const {
  return Xapian::Query(Xapian::Query::OP_FILTER, text, filter);
}

std::pair<std::string, std::vector<FieldFilter>> split_filters(std::string_view q) {
  std::string text;
  std::vector<FieldFilter> filters;
  size_t i = 0;
  while (i < q.size()) {
    size_t word_start = i;
    bool at_word = i == 0 || std::isspace(static_cast<unsigned char>(q[i - 1])) || q[i - 1] == '(';
    size_t j = i;
    while (j < q.size() && std::isalpha(static_cast<unsigned char>(q[j]))) ++j;
    if (at_word && j > i && j < q.size() && q[j] == ':' && is_filter_field(q.substr(i, j - i))) {
      FieldFilter f{core::to_lower(q.substr(i, j - i)), ""};
      size_t v = j + 1;
      if (v < q.size() && q[v] == '"') {
        size_t close = q.find('"', v + 1);
        if (close == std::string_view::npos)
          throw core::UsageError("unterminated quote in " + f.name + ": filter");
        f.value = std::string(q.substr(v + 1, close - v - 1));
        i = close + 1;
      } else {
        size_t end = v;
        while (end < q.size() && !std::isspace(static_cast<unsigned char>(q[end])) && q[end] != ')') ++end;
        f.value = std::string(q.substr(v, end - v));
        i = end;
      }
      if (core::trim(f.value).empty()) throw core::UsageError("empty value in " + f.name + ": filter");
      filters.push_back(std::move(f));
      continue;
    }
    text.push_back(q[word_start]);
    i = word_start + 1;
  }
  return {std::string(core::trim(text)), filters};
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

ParsedQuery parse_request(const SearchRequest& req, const Xapian::Database& db,
                          const Xapian::Stem& stemmer) {
  if (req.query.size() > kMaxQueryBytes)
    throw core::UsageError("query is too long (" + std::to_string(req.query.size()) +
                           " bytes; at most " + std::to_string(kMaxQueryBytes) + ")");
  if (!core::valid_utf8(req.query)) throw core::UsageError("query is not valid UTF-8");
  auto [text, inline_filters] = split_filters(req.query);

  std::map<std::string, std::vector<std::string>> terms;
  std::vector<Xapian::Query> ranges;
  auto add = [&](const std::string& field, const std::vector<std::string>& values) {
    for (const auto& v : values)
      for (std::string& term : terms_for(field, std::string(core::trim(v))))
        terms[field].push_back(std::move(term));
  };
  add("trust", req.trusts);
  add("service", req.services);
  add("rating", req.ratings);
  add("kind", req.kinds);
  add("year", req.years);
  for (const FieldFilter& f : inline_filters) {
    if (f.name == "inspected") {
      ranges.push_back(range_query(schema::kSlotInspected, parse_date_range(f.value, "inspected:")));
    } else if (f.name == "published") {
      ranges.push_back(range_query(schema::kSlotPublished, parse_date_range(f.value, "published:")));
    } else {
      for (std::string& term : terms_for(f.name, f.value)) terms[f.name].push_back(std::move(term));
    }
  }
  if (req.date_field != "inspected" && req.date_field != "published")
    throw core::UsageError("--date must be inspected or published, not '" + req.date_field + "'");
  if (!req.from.empty() || !req.to.empty()) {
    const unsigned slot = req.date_field == "published" ? schema::kSlotPublished : schema::kSlotInspected;
    auto from = req.from.empty() ? std::string() : parse_date_range(req.from, "from").first;
    auto to = req.to.empty() ? std::string() : parse_date_range(req.to, "to").second;
    if (!from.empty() && !to.empty() && from > to)
      throw core::UsageError("date range ends before it starts: from " + req.from + " to " + req.to);
    ranges.push_back(range_query(slot, {from, to}));
  }

  ParsedQuery out{match_all(), filters_query(terms, ranges)};
  if (!text.empty()) {
    check_wildcards(text);
    Xapian::QueryParser qp;
    qp.set_database(db);
    qp.set_stemmer(stemmer);
    qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    qp.set_default_op(Xapian::Query::OP_AND);
    qp.add_prefix("title", std::string(schema::kTitle));
    qp.set_max_expansion(kMaxWildcardTerms, Xapian::Query::WILDCARD_LIMIT_ERROR);
    const unsigned flags = Xapian::QueryParser::FLAG_PHRASE | Xapian::QueryParser::FLAG_BOOLEAN |
                           Xapian::QueryParser::FLAG_LOVEHATE | Xapian::QueryParser::FLAG_WILDCARD |
                           Xapian::QueryParser::FLAG_PURE_NOT;
    try {
      out.text = qp.parse_query(text, flags);
    } catch (const Xapian::QueryParserError& e) {
      throw core::UsageError("cannot parse query '" + text + "': " + e.get_msg());
    }
    if (out.text.empty()) out.text = match_all();
  }
  return out;
}

}  // namespace cqc::search
