// `search`: query the index from the command line.
#include <unistd.h>

#include <cstdio>
#include <iostream>

#include "cli/app.hpp"
#include "cli/render.hpp"
#include "cli/search_args.hpp"
#include "core/error.hpp"
#include "core/paths.hpp"
#include "core/text.hpp"
#include "search/export_rows.hpp"
#include "search/search.hpp"

namespace cqc::cli {
namespace {

// --format csv|jsonl: every match, one row each (search/export_rows.hpp), streamed.
int export_rows(search::Searcher& searcher, const search::SearchRequest& req, const std::string& format,
                const Args& args) {
  if (format != "csv" && format != "jsonl") throw core::UsageError("--format must be csv or jsonl");
  std::string base = args.value("link-base").value_or("");
  while (!base.empty() && base.back() == '/') base.pop_back();
  const Xapian::Database& db = searcher.database();
  if (format == "csv") search::write_csv_header(std::cout);
  for (Xapian::docid id : search::all_matches(db, req)) {
    const auto row = search::export_row(db, id, base);
    if (format == "csv") {
      search::write_csv_row(std::cout, row);
    } else {
      row->stringify(std::cout);
      std::cout << '\n';
    }
    if (!std::cout) return 1;  // the reader went away (a closed pipe)
  }
  return 0;
}

}  // namespace

int cmd_search(const Args& args, const Context& ctx) {
  search::SearchRequest req = selection_from_args(args);
  req.sort = args.value("sort").value_or("relevance");
  req.limit = static_cast<unsigned>(args.number("limit", 10, 0, 1000));
  req.offset = static_cast<unsigned>(args.number("offset", 0, 0, 1000000));
  search::Searcher searcher(args.value("format") ? index_options(args, ctx.data_dir)
                                                 : few_searches_options(args, ctx.data_dir));
  if (const auto format = args.value("format")) return export_rows(searcher, req, *format, args);
  if (args.value("link-base")) throw core::UsageError("--link-base goes with --format");
  search::SearchResult result = searcher.search(req);
  if (ctx.json) {
    std::cout << search::to_json(result) << '\n';
  } else {
    render_text(std::cout, req, result, ctx.colour, args.flag("explain"));
  }
  return 0;
}

}  // namespace cqc::cli
