// The results page's pieces: facets, chips, hits and pager as HTML (page_results.hpp).
#include <Poco/URI.h>

#include <algorithm>
#include <set>

#include "core/gazetteer.hpp"
#include "search/http/html_page.hpp"
#include "search/http/page_results.hpp"

namespace cqc::search::http {
namespace {

constexpr std::size_t kFacetShown = 8;

const char* const kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

// "2019-06-11" -> "11 Jun 2019"; "2019-06" -> "Jun 2019"; "2019" as it is.
std::string nice_date(const std::string& iso) {
  if (iso.size() < 7) return iso;
  const int m = std::atoi(iso.substr(5, 2).c_str());
  const std::string month = m >= 1 && m <= 12 ? kMonths[m - 1] : iso.substr(5, 2);
  if (iso.size() < 10) return month + " " + iso.substr(0, 4);
  return std::to_string(std::atoi(iso.substr(8, 2).c_str())) + " " + month + " " + iso.substr(0, 4);
}

std::string group_number(std::uint64_t n) {
  std::string s = std::to_string(n);
  for (int i = static_cast<int>(s.size()) - 3; i > 0; i -= 3) s.insert(static_cast<std::size_t>(i), ",");
  return s;
}

std::string host_of(const std::string& url) {
  try {
    return Poco::URI(url).getAuthority();
  } catch (const Poco::Exception&) {
    return url;
  }
}

const std::vector<std::pair<std::string, std::string>>& chip_fields() {
  static const std::vector<std::pair<std::string, std::string>> fields = {
      {"trust", "Trust"},   {"service", "Service"},      {"rating", "Rating"},
      {"overall", "Overall"}, {"service_rating", "Service rating"}, {"key_question", "Key question"},
      {"kind", "Type"},     {"year", "Year"},               {"changed", "Text changed"}};
  return fields;
}

}  // namespace

std::string facets_html(const PageState& state, const SearchResult& r) {
  std::string h;
  const auto expanded = state.all("show");
  for (const auto& [name, title] : page_facets()) {
    std::vector<FacetValue> values;
    for (const Facet& f : r.facets)
      if (f.name == name) values = f.values;
    for (const std::string& v : state.all(name))  // selected values stay visible at 0
      if (std::none_of(values.begin(), values.end(), [&](const FacetValue& x) { return x.value == v; }))
        values.push_back({v, facet_label(r, name, v), 0});
    if (values.empty()) continue;
    const bool all = std::find(expanded.begin(), expanded.end(), name) != expanded.end();
    h += "<section class=\"facet-group\"><h2 id=\"facet-" + name + "\">" + html_escape(title) +
         "</h2><ul class=\"facet-list\" aria-labelledby=\"facet-" + name + "\">";
    for (std::size_t i = 0; i < values.size(); ++i) {
      const FacetValue& v = values[i];
      const bool selected = state.has(name, v.value);
      if (!all && i >= kFacetShown && !selected) continue;
      const std::string count = group_number(v.count);
      h += "<li><a class=\"facet\" data-nav href=\"" + html_escape(state.toggled(name, v.value)) + "\" data-field=\"" + name +
           "\" data-value=\"" + html_escape(v.value) + "\" data-count=\"" + std::to_string(v.count) + "\"" +
           (selected ? " aria-current=\"true\"" : "") + " aria-label=\"" + html_escape(v.label) + ", " + count +
           (v.count == 1 ? " match" : " matches") + (selected ? ", selected" : "") +
           "\"><span class=\"facet-label\">" + html_escape(v.label) + "</span><span class=\"count\">" + count +
           "</span></a></li>";
    }
    h += "</ul>";
    if (values.size() > kFacetShown) {
      h += all ? "<a class=\"link-button\" data-nav href=\"" + html_escape(state.toggled("show", name)) + "\">Show fewer</a>"
               : "<a class=\"link-button\" data-nav href=\"" + html_escape(state.toggled("show", name)) + "\">Show all " +
                     std::to_string(values.size()) + "</a>";
    }
    h += "</section>";
  }
  return h;
}

int active_filters(const PageState& state) {
  int n = !state.get("from").empty() || !state.get("to").empty() ? 1 : 0;
  for (const auto& f : chip_fields()) n += static_cast<int>(state.all(f.first).size());
  return n;
}

std::string chips_html(const PageState& state, const SearchResult& r) {
  const auto& fields = chip_fields();
  std::string items;
  int n = 0;
  auto chip = [&](const std::string& text, const std::string& href) {
    ++n;
    items += "<li><a class=\"chip\" data-nav href=\"" + html_escape(href) + "\" aria-label=\"Remove filter " +
             html_escape(text) + "\"><span>" + html_escape(text) +
             "</span><span class=\"chip-x\" aria-hidden=\"true\">×</span></a></li>";
  };
  for (const auto& [name, title] : fields)
    for (const std::string& v : state.all(name)) chip(title + ": " + facet_label(r, name, v), state.toggled(name, v));
  const std::string from = state.get("from"), to = state.get("to");
  if (!from.empty() || !to.empty())
    chip(std::string(state.get("date") == "published" ? "Published" : "Inspected") + ": " + (from.empty() ? "…" : from) +
             " to " + (to.empty() ? "…" : to),
         state.without({"from", "to", "date"}));
  if (n > 1) {
    std::vector<std::string> every = {"from", "to", "date"};
    for (const auto& f : fields) every.push_back(f.first);
    items += "<li><a class=\"link-button\" data-nav href=\"" + html_escape(state.without(every)) + "\">Clear all filters</a></li>";
  }
  return "<ul id=\"chips\" class=\"chips\" aria-label=\"Active filters\" data-count=\"" + std::to_string(n) + "\"" +
         (n ? "" : " hidden") + ">" + items + "</ul>";
}

std::string hit_html(const Hit& h, const std::string& query) {
  const std::string original = "/documents/" + url_encode(h.id) + "/original";
  std::string badges = "<p class=\"badges\"><span class=\"badge kind-" + html_escape(h.kind) + "\">" +
                       html_escape(facet_label({}, "kind", h.kind)) + "</span>";
  if (!h.overall_rating.empty())
    badges += "<span class=\"badge rating rating-" + html_escape(h.overall_rating) + "\">Overall: " +
              html_escape(facet_label({}, "rating", h.overall_rating)) + "</span>";
  if (h.removed_status)
    badges += "<span class=\"badge removed\" title=\"The source answered HTTP " + std::to_string(h.removed_status) +
              " since " + html_escape(nice_date(h.removed_since.substr(0, 10))) +
              "; the archived copy is kept.\">Removed at source (HTTP " + std::to_string(h.removed_status) + ")</span>";
  std::string dates;
  if (!h.inspected.empty())
    dates = "Inspected " + nice_date(h.inspected) +
            (h.inspected_end.empty() || h.inspected_end == h.inspected ? "" : " – " + nice_date(h.inspected_end));
  if (!h.published.empty()) dates += (dates.empty() ? "" : " · ") + std::string("Published ") + nice_date(h.published);
  if (!dates.empty()) badges += "<span class=\"dates\">" + html_escape(dates) + "</span>";
  badges += "</p>";
  const std::string page = "/documents/" + url_encode(h.id) + (query.empty() ? "" : "?q=" + url_encode(query));
  std::string li = "<li class=\"hit\" data-year=\"" + (h.year ? std::to_string(h.year) : "") + "\" data-id=\"" +
                   html_escape(h.id) + "\">" + badges + "<h3><a class=\"doc\" href=\"" + html_escape(page) + "\">" +
                   html_escape(h.title.empty() ? h.url : h.title) + "</a></h3>";
  std::string who = h.location;
  for (const auto& t : h.trust_names) who += (who.empty() ? "" : " · ") + t;
  if (!who.empty()) li += "<p class=\"trusts\">" + html_escape(who) + "</p>";
  // The snippet is HTML-escaped text whose only markup is <mark> (search/snippet.hpp).
  if (!h.snippet.empty())
    li += "<p class=\"snippet\">" + (h.page ? "<span class=\"page\">Page " + std::to_string(h.page) + "</span> " : "") +
          h.snippet + "</p>";
  const bool pdf = h.kind == "report";
  li += "<p class=\"links\"><a class=\"original\" href=\"" + html_escape(original) +
        (h.page ? "#page=" + std::to_string(h.page) : "") + "\">" + (pdf ? "Archived copy (PDF)" : "Archived copy") +
        "</a><span aria-hidden=\"true\"> · </span><a class=\"source\" rel=\"noopener noreferrer external\" href=\"" +
        html_escape(h.url) + "\">Source: " + html_escape(host_of(h.url)) + "</a></p></li>";
  return li;
}

std::string pager_html(const PageState& state, std::uint64_t total, unsigned page, unsigned per_page) {
  const std::uint64_t pages = std::min<std::uint64_t>((total + per_page - 1) / per_page, 1000);
  if (pages <= 1) return "";
  auto link = [&](std::uint64_t n, const std::string& text, const std::string& label, bool current) {
    if (n < 1 || n > pages || current)
      return "<span class=\"page-btn\"" + std::string(current ? " aria-current=\"page\"" : " aria-disabled=\"true\"") +
             " aria-label=\"" + label + "\">" + text + "</span>";
    return "<a class=\"page-btn\" data-nav href=\"" + html_escape(state.with("page", n == 1 ? "" : std::to_string(n), true)) +
           "\" aria-label=\"" + label + "\">" + text + "</a>";
  };
  std::string h = "<ul><li>" + link(page - 1, "‹ Previous", "Previous page", false) + "</li>";
  std::set<std::uint64_t> shown;
  for (std::int64_t n : {std::int64_t{1}, static_cast<std::int64_t>(pages), std::int64_t{page} - 1, std::int64_t{page},
                         std::int64_t{page} + 1})
    if (n >= 1 && n <= static_cast<std::int64_t>(pages)) shown.insert(static_cast<std::uint64_t>(n));
  std::uint64_t last = 0;
  for (std::uint64_t n : shown) {
    if (n - last > 1) h += "<li class=\"gap\" aria-hidden=\"true\">…</li>";
    h += "<li>" + link(n, std::to_string(n), "Page " + std::to_string(n), n == page) + "</li>";
    last = n;
  }
  return h + "<li>" + link(page + 1, "Next ›", "Next page", false) + "</li></ul>";
}

}  // namespace cqc::search::http
