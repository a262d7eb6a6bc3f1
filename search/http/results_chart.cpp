// The results page's chart: matches per year (bars that toggle the year filter) or per month,
// as counts or as each bucket's share of the archive's documents (page_results.hpp).
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "search/http/html_page.hpp"
#include "search/http/page_results.hpp"
#include "search/trend.hpp"

namespace cqc::search::http {
namespace {

struct Bucket {
  std::string key;    // "2019" or "2019-03"
  std::string short_label;
  std::uint64_t count = 0, documents = 0;
  double share = 0;
};

// The fill's height in percent, rounded to the 5 % steps style.css has classes for (the page's
// CSP allows no style attributes); a bucket with matches is never drawn empty.
int height_step(double value, double max, std::uint64_t count) {
  if (!count || max <= 0) return 0;
  return std::clamp(static_cast<int>(std::lround(value / max * 20.0)) * 5, 5, 100);
}

std::string percent(double share) {
  char buf[32];
  std::snprintf(buf, sizeof buf, share < 0.1 ? "%.1f%%" : "%.0f%%", share * 100.0);
  return buf;
}

std::string mode_link(const PageState& state, const char* id, const std::string& param, const std::string& value,
                      bool current, const char* text) {
  return std::string("<a id=\"") + id + "\" class=\"link-button\" data-nav href=\"" +
         html_escape(state.with(param, value, true)) + "\"" + (current ? " aria-current=\"true\"" : "") + ">" + text + "</a>";
}

}  // namespace

std::string chart_html(const PageState& state, const SearchResult& r, Searcher& searcher, const SearchRequest& request) {
  const bool share = state.get("chart") == "share";
  const bool months = state.get("by") == "month";
  std::vector<Bucket> buckets;
  if (months) {
    for (const TrendRow& row : trend(searcher, request, "month"))
      buckets.push_back({row.bucket, row.bucket.substr(5, 2) == "01" ? "'" + row.bucket.substr(2, 2) : "", row.matching,
                         row.total, row.share});
  } else {
    for (const TimelineEntry& t : r.timeline) {
      const std::string y = std::to_string(t.year);
      buckets.push_back({y, "'" + y.substr(2), t.count, t.documents, t.share});
    }
  }
  if (buckets.empty()) return "";
  double max = share ? 1e-9 : 1;
  for (const Bucket& b : buckets) max = std::max(max, share ? b.share : static_cast<double>(b.count));
  const auto years = state.all("year");
  const std::string unit = months ? "month" : "year";
  std::string bars;
  for (const Bucket& b : buckets) {
    const int pct = height_step(share ? b.share : static_cast<double>(b.count), max, b.count);
    const bool selected = !months && std::find(years.begin(), years.end(), b.key) != years.end();
    const std::string label = share ? b.key + ": " + percent(b.share) + " of " + std::to_string(b.documents) +
                                          " documents archived match (" + std::to_string(b.count) + ")"
                                    : b.key + ": " + std::to_string(b.count) + (b.count == 1 ? " match" : " matches") +
                                          " of " + std::to_string(b.documents) + " documents archived";
    std::string cls = "bar";
    if (!b.count) cls += " empty";
    if (!years.empty() && !selected && !months) cls += " unselected";  // greyed, still counted
    const std::string attrs = " class=\"" + cls + "\" aria-label=\"" + html_escape(label) + "\" title=\"" +
                              html_escape(label) + "\" data-" + unit + "=\"" + b.key + "\" data-count=\"" +
                              std::to_string(b.count) + "\" data-share=\"" + std::to_string(b.share) +
                              "\" data-height=\"" + std::to_string(pct) + "\"";
    const std::string inner = "<span class=\"bar-count\" aria-hidden=\"true\">" +
                              (b.count && !months ? (share ? percent(b.share) : std::to_string(b.count)) : "") +
                              "</span><span class=\"bar-track\" aria-hidden=\"true\"><span class=\"bar-fill h" +
                              std::to_string(pct) + "\"></span></span><span class=\"bar-year\" aria-hidden=\"true\">" +
                              html_escape(b.short_label) + "</span>";
    if (months)
      bars += "<span role=\"img\"" + attrs + ">" + inner + "</span>";
    else
      bars += "<a data-nav href=\"" + html_escape(state.toggled("year", b.key)) + "\"" +
              (selected ? " aria-current=\"true\"" : "") + attrs + ">" + inner + "</a>";
  }
  return std::string("<section class=\"timeline\" aria-labelledby=\"timeline-heading\"><div class=\"section-head\">") +
         "<h2 id=\"timeline-heading\">Matches by " + unit + "</h2><p class=\"hint\" id=\"timeline-hint\">" +
         (months ? "Each bar is a month (publication date, else inspection date)."
                 : years.empty() ? "Select a bar to show only that year." : "Other years are greyed; select one to add it.") +
         "</p><div class=\"chart-mode\" role=\"group\" aria-label=\"Bar height\">" +
         mode_link(state, "mode-count", "chart", "", !share, "Matches") +
         mode_link(state, "mode-share", "chart", "share", share, months ? "Share of the month's documents" : "Share of the year's documents") +
         "</div><div class=\"chart-mode\" role=\"group\" aria-label=\"Bars per\">" +
         mode_link(state, "by-year", "by", "", !months, "By year") + mode_link(state, "by-month", "by", "month", months, "By month") +
         "</div></div><div id=\"histogram\" class=\"histogram" + (months ? " months" : "") +
         "\" role=\"group\" aria-labelledby=\"timeline-heading\" aria-describedby=\"timeline-hint\">" + bars + "</div></section>";
}

}  // namespace cqc::search::http
