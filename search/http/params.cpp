#include "search/http/params.hpp"

#include <charconv>

#include "core/text.hpp"

namespace cqc::search::http {
namespace {

unsigned number(const std::string& name, const std::string& value, unsigned min, unsigned max) {
  unsigned n = 0;
  const char* end = value.data() + value.size();
  auto [p, ec] = std::from_chars(value.data(), end, n);
  if (value.empty() || ec != std::errc() || p != end || n < min || n > max)
    throw HttpError(400, "parameter '" + name + "' must be a whole number from " + std::to_string(min) +
                             " to " + std::to_string(max));
  return n;
}

void one_of(const std::string& name, const std::string& value, std::initializer_list<const char*> allowed) {
  std::string list;
  for (const char* a : allowed) {
    if (value == a) return;
    list += (list.empty() ? "" : ", ") + std::string(a);
  }
  throw HttpError(400, "parameter '" + name + "' must be one of " + list);
}

}  // namespace

SearchParams parse_search_params(const std::vector<std::pair<std::string, std::string>>& q, bool for_export) {
  SearchParams p;
  SearchRequest& r = p.request;
  bool seen_single[16] = {};
  auto single = [&](int slot, const std::string& name) {
    if (seen_single[slot]) throw HttpError(400, "parameter '" + name + "' given more than once");
    seen_single[slot] = true;
  };
  for (const auto& [name, raw] : q) {
    const std::string value(core::trim(raw));
    if (name == "q") {
      single(0, name);
      r.query = raw;
    } else if (auto* list = filter_values(r, name)) {
      if (value.empty()) continue;  // an empty form field is no filter
      if (list->size() >= 50) throw HttpError(400, "too many values of parameter '" + name + "' (at most 50)");
      list->push_back(value);
    } else if (name == "from") {
      single(1, name);
      r.from = value;
    } else if (name == "to") {
      single(2, name);
      r.to = value;
    } else if (name == "date") {
      single(3, name);
      if (!value.empty()) one_of(name, value, {"inspected", "published"});
      if (!value.empty()) r.date_field = value;
    } else if (name == "sort") {
      single(4, name);
      if (!value.empty()) one_of(name, value, {"relevance", "newest", "oldest"});
      if (!value.empty()) r.sort = value;
    } else if (name == "page" && !for_export) {
      single(5, name);
      p.page = number(name, value, 1, kMaxPage);
    } else if (name == "per_page" && !for_export) {
      single(6, name);
      p.per_page = number(name, value, 1, kMaxPerPage);
    } else if (name == "format" && for_export) {
      single(7, name);
      one_of(name, value, {"csv", "json"});
      p.format = value;
    } else {
      throw HttpError(400, "unknown parameter '" + name.substr(0, 40) + "'");
    }
  }
  if (for_export && p.format.empty()) p.format = "csv";
  r.limit = p.per_page;
  r.offset = (p.page - 1) * p.per_page;
  return p;
}

}  // namespace cqc::search::http
