// to_json: the documented JSON shape shared by `search --json` and GET /api/search, written
// straight into one string (Poco's JSON objects took an eighth of a search request's time).
#include <charconv>
#include <string_view>
#include <cmath>

#include "search/search.hpp"

namespace cqc::search {
namespace {

class Writer {
 public:
  std::string out;

  // A JSON string: quote, backslash and control characters escaped, other bytes as they are.
  Writer& str(std::string_view s) {
    out.push_back('"');
    std::size_t plain = 0;  // where the bytes not yet appended start: none of them escaped
    for (std::size_t i = 0; i < s.size(); ++i) {
      const char c = s[i];
      const auto u = static_cast<unsigned char>(c);
      if (c != '"' && c != '\\' && u >= 0x20) continue;
      out.append(s.data() + plain, i - plain);
      plain = i + 1;
      if (c == '"' || c == '\\') {
        out.push_back('\\');
        out.push_back(c);
        continue;
      }
      static const char* hex = "0123456789abcdef";
      switch (c) {
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        default: out += "\\u00"; out.push_back(hex[u >> 4]); out.push_back(hex[u & 15]);
      }
    }
    out.append(s.data() + plain, s.size() - plain);
    out.push_back('"');
    return *this;
  }
  // "" and 0 mean unknown: null.
  Writer& str_or_null(std::string_view s) { return s.empty() ? raw("null") : str(s); }
  Writer& num(std::uint64_t n) { return raw(std::to_string(n)); }
  Writer& int_or_null(int n) { return n == 0 ? raw("null") : raw(std::to_string(n)); }
  Writer& num(double d) {
    if (!std::isfinite(d)) return raw("null");
    char buf[32];
    auto r = std::to_chars(buf, buf + sizeof buf, d);
    return raw(std::string_view(buf, static_cast<size_t>(r.ptr - buf)));
  }
  Writer& raw(std::string_view s) {
    out += s;
    return *this;
  }
  // "KEY": (preceded by a comma unless FIRST).
  Writer& key(std::string_view k, bool first = false) {
    if (!first) out.push_back(',');
    str(k);
    out.push_back(':');
    return *this;
  }
  Writer& strings(const std::vector<std::string>& items) {
    out.push_back('[');
    for (size_t i = 0; i < items.size(); ++i) {
      if (i) out.push_back(',');
      str(items[i]);
    }
    out.push_back(']');
    return *this;
  }
};

void hit_json(Writer& w, const Hit& h) {
  w.raw("{").key("id", true).str(h.id).key("title").str(h.title).key("url").str(h.url).key("kind").str(h.kind);
  w.key("location").str_or_null(h.location).key("location_id").str_or_null(h.location_id);
  w.key("trusts").strings(h.trusts).key("trust_names").strings(h.trust_names);
  w.key("mentioned_trusts").strings(h.mentioned_trusts).key("services").strings(h.services);
  w.key("ratings").strings(h.ratings).key("overall_rating").str_or_null(h.overall_rating);
  w.key("service_ratings").raw("[");
  for (size_t i = 0; i < h.service_ratings.size(); ++i) {
    const auto& r = h.service_ratings[i];
    w.raw(i ? ",{" : "{").key("service", true).str(r.service).key("name").str(r.name);
    w.key("rating").str(r.rating).key("rating_name").str(r.rating_name).raw("}");
  }
  w.raw("]").key("key_question_ratings").raw("{");
  bool first = true;
  const auto& kq = h.key_question_ratings;  // one key per question, in first-seen order, the last rating
  for (size_t i = 0; i < kq.size(); ++i) {
    bool seen = false;
    for (size_t j = 0; j < i && !seen; ++j) seen = kq[j].first == kq[i].first;
    if (seen) continue;
    std::string_view rating = kq[i].second;
    for (size_t j = i + 1; j < kq.size(); ++j)
      if (kq[j].first == kq[i].first) rating = kq[j].second;
    w.key(kq[i].first, first).str(rating);
    first = false;
  }
  w.raw("}").key("inspected").str_or_null(h.inspected).key("inspected_end").str_or_null(h.inspected_end);
  w.key("published").str_or_null(h.published).key("year").int_or_null(h.year);
  w.key("page").int_or_null(h.page).key("snippet").str(h.snippet).key("score").num(h.score);
  w.key("removed");
  if (h.removed_status)
    w.raw("{").key("status", true).int_or_null(h.removed_status).key("since").str(h.removed_since).raw("}");
  else
    w.raw("null");
  w.key("provenance").raw("{");
  first = true;
  for (const auto& [field, source] : h.provenance) {
    w.key(field, first).str(source);
    first = false;
  }
  w.raw("}}");
}

}  // namespace

std::string to_json(const SearchResult& r) {
  Writer w;
  w.out.reserve(8192);
  w.raw("{").key("total", true).num(r.total).key("hits").raw("[");
  for (size_t i = 0; i < r.hits.size(); ++i) {
    if (i) w.raw(",");
    hit_json(w, r.hits[i]);
  }
  w.raw("]").key("facets").raw("{");
  for (size_t f = 0; f < r.facets.size(); ++f) {
    w.key(r.facets[f].name, f == 0).raw("[");
    const auto& values = r.facets[f].values;
    for (size_t i = 0; i < values.size(); ++i) {
      w.raw(i ? ",{" : "{").key("value", true).str(values[i].value).key("label").str(values[i].label);
      w.key("count").num(values[i].count).raw("}");
    }
    w.raw("]");
  }
  w.raw("}").key("timeline").raw("[");
  for (size_t i = 0; i < r.timeline.size(); ++i) {
    const TimelineEntry& e = r.timeline[i];
    w.raw(i ? ",{" : "{").key("year", true).raw(std::to_string(e.year)).key("count").num(e.count);
    w.key("documents").num(e.documents).key("share").num(e.share).raw("}");
  }
  w.raw("]").key("did_you_mean");
  if (r.did_you_mean.empty())
    w.raw("null");
  else
    w.str(r.did_you_mean);
  // A shard that did not answer (allow_partial): the counts leave its documents out.
  w.key("partial").raw(r.missing_shards.empty() ? "false" : "true").key("missing_shards").raw("[");
  for (size_t i = 0; i < r.missing_shards.size(); ++i) {
    if (i) w.raw(",");
    w.str(r.missing_shards[i]);
  }
  w.raw("]}");
  return std::move(w.out);
}

}  // namespace cqc::search
