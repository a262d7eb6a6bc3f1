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
#include "search/search.hpp"

namespace cqc::cli {

int cmd_search(const Args& args, const Context& ctx) {
  search::SearchRequest req = selection_from_args(args);
  req.sort = args.value("sort").value_or("relevance");
  req.limit = static_cast<unsigned>(args.number("limit", 10, 0, 1000));
  req.offset = static_cast<unsigned>(args.number("offset", 0, 0, 1000000));
  search::Searcher searcher(core::index_dir(ctx.data_dir));
  search::SearchResult result = searcher.search(req);
  if (ctx.json) {
    std::cout << search::to_json(result) << '\n';
  } else {
    render_text(std::cout, req, result, ::isatty(STDOUT_FILENO) != 0, args.flag("explain"));
  }
  return 0;
}

}  // namespace cqc::cli
