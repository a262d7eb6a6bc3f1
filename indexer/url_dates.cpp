// url_date and url_month: dates in the path of a page's address (date_text.hpp).
#include <cctype>

#include "indexer/date_text.hpp"

namespace cqc::indexer {
namespace {

bool digit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }


std::optional<core::Date> day(int y, int m, int d) {
  if (!core::valid_day(y, m, d)) return std::nullopt;
  return core::Date{y, m, d};
}

// The path of URL: after the host, before the query or fragment; "" when there is none.
std::string_view url_path(std::string_view url) {
  size_t start = url.find("://");
  start = start == std::string_view::npos ? 0 : url.find('/', start + 3);
  if (start == std::string_view::npos) return {};
  return url.substr(start, url.find_first_of("?#", start) - start);
}

}  // namespace

std::optional<core::Date> url_date(std::string_view url) {
  const std::string_view path = url_path(url);
  auto boundary = [&](size_t i) { return i >= path.size() || !digit(path[i]); };
  for (size_t i = 1; i + 10 <= path.size(); ++i) {  // a segment "/29-10-2021"
    if (path[i - 1] != '/' || !boundary(i + 10) || path[i + 2] != path[i + 5] ||
        (path[i + 2] != '-' && path[i + 2] != '.'))
      continue;
    int d = digits_at(path, i, 2), m = digits_at(path, i + 3, 2), y = digits_at(path, i + 6, 4);
    if (d > 0 && m > 0 && y >= 1990 && y <= 2099)
      if (auto r = day(y, m, d)) return r;
  }
  for (size_t i = 1; i < path.size(); ++i) {
    if (!digit(path[i]) || digit(path[i - 1]) || std::string_view("/-_").find(path[i - 1]) == std::string_view::npos)
      continue;
    int y = digits_at(path, i, 4);
    if (y < 1990 || y > 2099) continue;
    if (boundary(i + 8) && digits_at(path, i + 4, 4) >= 0)  // /20190514/
      if (auto d = day(y, digits_at(path, i + 4, 2), digits_at(path, i + 6, 2))) return d;
    if (!boundary(i + 4) || i + 5 >= path.size()) continue;
    char sep = path[i + 4];
    if (std::string_view("/-_").find(sep) == std::string_view::npos) continue;
    size_t j = i + 5;
    if (digits_at(path, j, 4) >= 0 && boundary(j + 4))  // /2019/0514/
      if (auto d = day(y, digits_at(path, j, 2), digits_at(path, j + 2, 2))) return d;
    if (j + 5 < path.size() && path[j + 3] == sep && digit(path[j + 4])) {  // /2020/oct/02/
      int m = core::month_from_name(path.substr(j, 3));
      size_t dlen = digit(path[j + 5]) ? 2 : 1;
      if (m && boundary(j + 4 + dlen))
        if (auto d = day(y, m, digits_at(path, j + 4, dlen))) return d;
    }
    size_t mlen = digit(path[j]) && j + 1 < path.size() && digit(path[j + 1]) ? 2 : 1;
    int m = digits_at(path, j, mlen);
    if (m < 1 || !boundary(j + mlen) || j + mlen >= path.size() || path[j + mlen] != sep) continue;
    size_t k = j + mlen + 1;
    size_t dlen = k + 1 < path.size() && digit(path[k + 1]) ? 2 : 1;
    int d = digits_at(path, k, dlen);
    if (d >= 1 && boundary(k + dlen))
      if (auto r = day(y, m, d)) return r;
  }
  return std::nullopt;
}

std::optional<core::Date> url_month(std::string_view url) {
  const std::string_view path = url_path(url);
  for (size_t i = 0; i + 9 < path.size(); ++i) {
    if (path[i] != '/' || path[i + 5] != '/' || path[i + 8] != '/') continue;
    int y = digits_at(path, i + 1, 4), m = digits_at(path, i + 6, 2);
    if (y >= 1990 && y <= 2099 && m >= 1 && m <= 12) return core::Date{y, m, 0};
  }
  return std::nullopt;
}

}  // namespace cqc::indexer
