#include "search/query_fields.hpp"

#include <algorithm>

#include "core/date.hpp"
#include "core/error.hpp"
#include "core/gazetteer.hpp"
#include "core/schema.hpp"
#include "core/text.hpp"
#include "search/query.hpp"
#include "search/resolve.hpp"

namespace cqc::search {
namespace {

Xapian::Query term(std::string_view prefix, std::string_view value) {
  return Xapian::Query(schema::boolean_term(prefix, value));
}

// year:2019 is a term; year:2018..2020 a range over the year slot (YYYY strings).
Xapian::Query year_query(std::string_view value) {
  auto one = [&](std::string_view y) {
    auto d = core::parse_iso_date(y);
    if (!d || d->month != 0 || y.size() != 4)
      throw core::UsageError("bad year '" + std::string(value) + "' in year: (expected YYYY or YYYY..YYYY)");
    return std::string(y);
  };
  const size_t dots = value.find("..");
  if (dots == std::string_view::npos) return term(schema::kFacetYear, one(value));
  std::string from = dots ? one(value.substr(0, dots)) : "";
  std::string to = dots + 2 < value.size() ? one(value.substr(dots + 2)) : "";
  if (from.empty() && to.empty()) throw core::UsageError("bad year range '" + std::string(value) + "' in year:");
  if (!from.empty() && !to.empty() && from > to)
    throw core::UsageError("year range ends before it starts: " + std::string(value));
  return value_range(schema::kSlotYear, {from, to});
}

const std::vector<std::string> kKinds = {"report", "cqc-page", "cqc-press", "trust-news",
                                         "press",  "rating",   "other"};

Xapian::Query kind_query(std::string_view value) {
  const std::string k = core::to_lower(value);
  if (k == "news") {
    const std::vector<Xapian::Query> news = {term(schema::kKind, "cqc-press"), term(schema::kKind, "trust-news"),
                                             term(schema::kKind, "press")};
    return Xapian::Query(Xapian::Query::OP_OR, news.begin(), news.end());
  }
  if (std::find(kKinds.begin(), kKinds.end(), k) == kKinds.end())
    throw core::UsageError("unknown kind '" + std::string(value) +
                           "' (report, cqc-page, cqc-press, trust-news, press, rating, other; "
                           "news = cqc-press, trust-news or press)");
  return term(schema::kKind, k);
}

// service:"acute wards" (about the service) or service:"acute wards:inadequate" (the service
// rated so); "=" separates as well as ":".
Xapian::Query service_query(std::string_view value, bool must_be_rated) {
  const size_t sep = value.find_last_of(":=");
  if (sep != std::string_view::npos) {
    const core::Service& s = resolve_service_value(value.substr(0, sep));
    const core::Rating& r = resolve_rating_value(value.substr(sep + 1), "service");
    return term(schema::kServiceRated, schema::rated_value(s.id, r.id));
  }
  if (must_be_rated)
    throw core::UsageError("service rating '" + std::string(value) +
                           "' needs a rating after ':' (e.g. \"acute wards:inadequate\")");
  return term(schema::kService, resolve_service_value(value).id);
}

// key_question option values: "safe:inadequate".
Xapian::Query question_value_query(std::string_view value) {
  const size_t sep = value.find_last_of(":=");
  if (sep == std::string_view::npos)
    throw core::UsageError("key question rating '" + std::string(value) + "' must be QUESTION:RATING (e.g. safe:inadequate)");
  const core::KeyQuestion* q = core::Gazetteer::builtin().resolve_question(value.substr(0, sep));
  if (!q)
    throw core::UsageError("unknown key question '" + std::string(value.substr(0, sep)) +
                           "' (safe, effective, caring, responsive, well-led)");
  const core::Rating& r = resolve_rating_value(value.substr(sep + 1), q->id);
  return term(schema::kQuestionRated, schema::rated_value(q->id, r.id));
}

// changed:any (or yes), changed:2024, changed:2023..2025: documents whose text a later
// version changed, ever or in those years (the capture year of the changing version).
Xapian::Query changed_query(std::string_view value) {
  const std::string v = core::to_lower(value);
  if (v == "any" || v == "yes") return term(schema::kChanged, "any");
  auto year = [&](std::string_view y) {
    if (y.size() != 4 || y.find_first_not_of("0123456789") != std::string_view::npos)
      throw core::UsageError("bad value '" + std::string(value) + "' in changed: (any, YYYY or YYYY..YYYY)");
    return std::stoi(std::string(y));
  };
  const size_t dots = v.find("..");
  const int from = year(dots == std::string::npos ? v : v.substr(0, dots));
  const int to = dots == std::string::npos ? from : year(v.substr(dots + 2));
  if (to < from || to - from > 200) throw core::UsageError("bad year range '" + std::string(value) + "' in changed:");
  std::vector<Xapian::Query> years;
  for (int y = from; y <= to; ++y) years.push_back(term(schema::kChanged, std::to_string(y)));
  return Xapian::Query(Xapian::Query::OP_OR, years.begin(), years.end());
}

}  // namespace

const std::vector<FieldInfo>& filter_fields() {
  static const std::vector<FieldInfo> fields = {
      {"trust", "trust", "trust:RT5, trust:LPT, trust:\"Leicestershire Partnership\": a trust the document is about"},
      {"service", "service", "service:\"acute wards\" (the service); service:\"acute wards:inadequate\" (rated so)"},
      {"rating", "rating", "rating:inadequate: the rating anywhere in the document (overall or a service)"},
      {"overall", "overall", "overall:inadequate: the overall rating"},
      {"safe", "key_question", "safe:inadequate: the rating of the key question 'safe'"},
      {"effective", "key_question", "effective:good"},
      {"caring", "key_question", "caring:outstanding"},
      {"responsive", "key_question", "responsive:requires-improvement"},
      {"wellled", "key_question", "well-led:inadequate (also wellled:)"},
      {"kind", "kind", "kind:report, kind:news"},
      {"year", "year", "year:2019, year:2018..2020"},
      {"inspected", "", "inspected:2019, inspected:2018-06..2019"},
      {"published", "", "published:2020.."},
      {"source", "", "source:removed (the source answered 404 or 410), source:live"},
      {"changed", "changed", "changed:any, changed:2024, changed:2023..2025: a later capture changed the text"},
  };
  return fields;
}

Xapian::Query field_value_query(std::string_view field, std::string_view raw) {
  const std::string value = normalise_value(raw);
  if (value.empty()) throw core::UsageError("empty value in " + std::string(field) + ": filter");
  if (field == "trust") return term(schema::kTrust, resolve_trust_value(value).code);
  if (field == "service") return service_query(value, false);
  if (field == "service_rating") return service_query(value, true);
  if (field == "rating") return term(schema::kRating, resolve_rating_value(value, "rating").id);
  if (field == "overall") return term(schema::kOverall, resolve_rating_value(value, "overall").id);
  if (field == "key_question") return question_value_query(value);
  if (field == "kind") return kind_query(value);
  if (field == "year") return year_query(value);
  if (field == "inspected") return value_range(schema::kSlotInspected, parse_date_range(value, "inspected:"));
  if (field == "published") return value_range(schema::kSlotPublished, parse_date_range(value, "published:"));
  if (field == "changed") return changed_query(value);
  if (field == "source") {
    const std::string v = core::to_lower(value);
    if (v != "live" && v != "removed")
      throw core::UsageError("unknown source state '" + value + "' (live, or removed: the source answered 404 or 410)");
    return term(schema::kSource, v);
  }
  // A key question typed as a field: safe:inadequate.
  const std::string question = field == "wellled" ? "well-led" : std::string(field);
  if (const core::KeyQuestion* q = core::Gazetteer::builtin().resolve_question(question)) {
    const core::Rating& r = resolve_rating_value(value, q->id);
    return term(schema::kQuestionRated, schema::rated_value(q->id, r.id));
  }
  throw core::UsageError("unknown field '" + std::string(field) + ":'");
}

Xapian::Query value_range(unsigned slot, const std::pair<std::string, std::string>& r) {
  if (r.first.empty()) return Xapian::Query(Xapian::Query::OP_VALUE_LE, slot, r.second);
  if (r.second.empty()) return Xapian::Query(Xapian::Query::OP_VALUE_GE, slot, r.first);
  return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, slot, r.first, r.second);
}

Xapian::Query FieldFilter::operator()(const std::string& value) {
  try {
    return field_value_query(field_, value);
  } catch (const std::exception& e) {
    if (error_->empty()) *error_ = e.what();
    return Xapian::Query();  // matches nothing (and has no shared state to copy)
  }
}

std::string nearest_field(std::string_view name) {
  std::string best;
  size_t best_distance = 3;
  for (const FieldInfo& f : filter_fields()) {
    const size_t d = edit_distance(core::to_lower(name), f.name);
    if (d < best_distance) best = f.name, best_distance = d;
  }
  if (const size_t d = edit_distance(core::to_lower(name), "title"); d < best_distance) best = "title";
  return best;
}

std::string canonical_fields(std::string_view q) {
  std::string out;
  out.reserve(q.size());
  bool quoted = false;
  for (size_t i = 0; i < q.size();) {
    const char c = q[i];
    if (c == '"') quoted = !quoted;
    const bool word_start = i == 0 || q[i - 1] == ' ' || q[i - 1] == '\t' || q[i - 1] == '(' ||
                            q[i - 1] == '+' || q[i - 1] == '-' || q[i - 1] == '\n';
    if (quoted || !word_start || !std::isalpha(static_cast<unsigned char>(c))) {
      out.push_back(c);
      ++i;
      continue;
    }
    size_t j = i;
    while (j < q.size() && (std::isalpha(static_cast<unsigned char>(q[j])) || q[j] == '-' || q[j] == '_')) ++j;
    const bool field = j < q.size() && q[j] == ':' && j + 1 < q.size() && !std::isspace(static_cast<unsigned char>(q[j + 1])) &&
                       q.substr(j + 1, 2) != "//";
    if (!field) {
      out.append(q.substr(i, j - i));
      i = j;
      continue;
    }
    std::string name = core::to_lower(q.substr(i, j - i));
    if (name == "well-led" || name == "well_led") name = "wellled";
    const bool known = name == "title" || std::any_of(filter_fields().begin(), filter_fields().end(),
                                                      [&](const FieldInfo& f) { return f.name == name; });
    if (!known) {
      const std::string near = nearest_field(name);
      std::string fields = "title";
      for (const FieldInfo& f : filter_fields()) fields += ", " + (f.name == "wellled" ? std::string("well-led") : f.name);
      throw core::UsageError("unknown field '" + std::string(q.substr(i, j - i)) + ":'" +
                             (near.empty() ? "" : " (did you mean '" + near + ":'?)") + "; fields: " + fields +
                             ". To search for the words, put a space after the colon");
    }
    out += name;
    i = j;
  }
  return out;
}

}  // namespace cqc::search
