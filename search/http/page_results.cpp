// GET /: the search page, rendered on the server from the embedded template web/index.html,
// whose <!--@name--> markers are filled here (page_results.hpp).
#include <map>

#include "core/error.hpp"
#include "search/http/handlers.hpp"
#include "search/http/html_page.hpp"
#include "search/index_open.hpp"
#include "search/http/page_results.hpp"
#include "search/http/params.hpp"

namespace cqc::embedded {
extern const std::string_view web_index_html;
}  // namespace cqc::embedded

namespace cqc::search::http {
namespace {

// TEMPLATE with each <!--@name--> replaced by VALUES[name] ("" when absent).
std::string fill(std::string_view tpl, const std::map<std::string, std::string>& values) {
  std::string out;
  out.reserve(tpl.size() + 16384);
  std::size_t at = 0;
  for (std::size_t m; (m = tpl.find("<!--@", at)) != std::string_view::npos;) {
    const std::size_t end = tpl.find("-->", m);
    if (end == std::string_view::npos) break;
    out.append(tpl.substr(at, m - at));
    auto v = values.find(std::string(tpl.substr(m + 5, end - m - 5)));
    if (v != values.end()) out += v->second;
    at = end + 3;
  }
  out.append(tpl.substr(at));
  return out;
}

std::string options(const std::vector<std::pair<std::string, std::string>>& list, const std::string& chosen) {
  std::string h;
  for (const auto& [value, text] : list)
    h += "<option value=\"" + value + "\"" + (value == chosen ? " selected" : "") + ">" + text + "</option>";
  return h;
}

// The view parameters must be ones the page knows (a typo answers 400, as the API does).
void check_view(const PageState& state) {
  const std::string chart = state.get("chart"), by = state.get("by");
  if (!chart.empty() && chart != "share") throw HttpError(400, "parameter 'chart' must be share (or absent)");
  if (!by.empty() && by != "month") throw HttpError(400, "parameter 'by' must be month (or absent)");
  for (const std::string& f : state.all("show")) {
    bool known = false;
    for (const auto& p : page_facets()) known = known || p.first == f;
    if (!known) throw HttpError(400, "parameter 'show' must name a facet, not '" + f.substr(0, 40) + "'");
  }
}

std::string status_text(const PageState& state, const SearchResult& r, unsigned page, unsigned per_page) {
  const std::string q = state.get("q");
  const std::string what = q.empty() ? "" : " for “" + q + "”";
  if (r.total == 0) return "No documents match" + what + ". Try fewer words or remove a filter.";
  std::string s = std::to_string(r.total) + (r.total == 1 ? " document matches" : " documents match") + what;
  if (r.total > per_page) {
    const std::uint64_t first = static_cast<std::uint64_t>(page - 1) * per_page + 1;
    s += " · showing " + std::to_string(first) + "–" + std::to_string(std::min<std::uint64_t>(r.total, first + per_page - 1));
  }
  // Thousands separators, as the page always showed them.
  const std::size_t digits = s.find(' ');
  for (int i = static_cast<int>(digits) - 3; i > 0; i -= 3) s.insert(static_cast<std::size_t>(i), ",");
  return s;
}

}  // namespace

void handle_results_page(ReaderPool& pool, const Request& req, Response& resp) {
  const PageState state(req.query);
  std::map<std::string, std::string> v;
  SearchResult result;
  SearchParams params;
  std::string error;
  int status = 200;
  try {
    check_view(state);
    params = parse_search_params(state.search_params(), false);
    auto reader = pool.acquire();
    result = reader->searcher->search(params.request);
    v["chart"] = chart_html(state, result, *reader->searcher, params.request);
  } catch (const HttpError& e) {
    error = e.what();
    status = e.status();
  } catch (const core::UsageError& e) {
    error = e.what();
    status = 400;
  } catch (const ShardUnavailable& e) {
    error = e.what();
    status = 503;
  } catch (const core::Fatal&) {
    error = "The archive has no index yet: run 'cqc-archive index', then reload.";
  }
  const std::string q = state.get("q");
  v["title"] = html_escape(q.empty() ? "CQC inspection archive" : q + " – CQC inspection archive");
  v["q"] = html_escape(q);
  v["search_hidden"] = state.hidden_inputs({"q"});
  v["dates_hidden"] = state.hidden_inputs({"from", "to", "date"});
  v["sort_hidden"] = state.hidden_inputs({"sort"});
  v["save_hidden"] = state.hidden_inputs({"chart", "by", "show", "per_page", "sort"});
  v["from"] = html_escape(state.get("from"));
  v["to"] = html_escape(state.get("to"));
  v["date_options"] = options({{"inspected", "inspection date"}, {"published", "publication date"}}, state.get("date"));
  v["sort_options"] = options({{"relevance", "relevance"}, {"newest", "newest first"}, {"oldest", "oldest first"}},
                              state.get("sort"));
  v["chips"] = chips_html(state, result);
  const int active = active_filters(state);
  v["filter_count"] = active ? "(" + std::to_string(active) + " active)" : "";
  if (error.empty()) {
    v["status"] = html_escape(status_text(state, result, params.page, params.per_page));
    v["error_hidden"] = " hidden";
    v["facets"] = facets_html(state, result);
    for (const Hit& h : result.hits) v["hits"] += hit_html(h, q);
    v["pager"] = pager_html(state, result.total, params.page, params.per_page);
    if (!result.did_you_mean.empty())
      v["did_you_mean"] = "<p id=\"did-you-mean\" class=\"did-you-mean\">Did you mean <a data-nav href=\"" +
                          html_escape(state.with("q", result.did_you_mean)) + "\">" + html_escape(result.did_you_mean) +
                          "</a>?</p>";
    for (const std::string& m : result.missing_shards)
      v["did_you_mean"] += "<p class=\"partial\" role=\"status\">Partial result: a shard of the index did not "
                           "answer and its documents are left out (" + html_escape(m) + ").</p>";
  } else {
    v["error"] = html_escape("Search failed: " + error);
  }
  std::vector<std::pair<std::string, std::string>> exp = state.search_params();
  std::erase_if(exp, [](const auto& p) { return p.first == "page" || p.first == "per_page"; });
  exp.emplace_back("format", "csv");
  v["export_csv"] = html_escape("/api/export" + PageState::url(exp).substr(1));
  exp.back().second = "json";
  v["export_json"] = html_escape("/api/export" + PageState::url(exp).substr(1));
  send_page(resp, fill(embedded::web_index_html, v), true, status);
}

}  // namespace cqc::search::http
