// `trust`: a trust's inspections over time — dates, services, ratings and the documents
// behind each — from search/trust_history.hpp (thin, read-only).
#include <iostream>
#include <string>
#include <vector>

#include "cli/search_args.hpp"
#include "cli/app.hpp"
#include "cli/json.hpp"
#include "core/error.hpp"
#include "core/gazetteer.hpp"
#include "core/paths.hpp"
#include "search/search.hpp"
#include "search/trust_history.hpp"

namespace cqc::cli {
namespace {

std::string rating_name(const std::string& id) {
  const core::Rating* r = core::Gazetteer::builtin().rating_by_id(id);
  return r ? r->name : id;
}

void print_text(const core::Trust& trust, const std::vector<search::Inspection>& all) {
  std::cout << trust.name << " (" << trust.code << ")\n";
  if (all.empty()) std::cout << "  no archived documents about this trust\n";
  for (const search::Inspection& in : all) {
    std::cout << '\n'
              << (in.from.empty()             ? std::string("inspection date not stated")
                  : in.from == in.to          ? "inspected " + in.from
                                              : "inspected " + in.from + " to " + in.to);
    if (!in.overall.empty()) std::cout << "  overall: " << rating_name(in.overall);
    std::cout << '\n';
    for (const auto& s : in.services) std::cout << "  " << s.name << ": " << s.rating_name << '\n';
    for (const search::Hit& h : in.docs)
      std::cout << "  [" << h.kind << "] " << (h.published.empty() ? "----------" : h.published)
                << "  " << h.title << "\n      " << h.url << '\n';
  }
}

}  // namespace

int cmd_trust(const Args& args, const Context& ctx) {
  if (args.positional().empty()) throw core::UsageError("name a trust: its ODS code, name or abbreviation");
  std::string name;
  for (const auto& p : args.positional()) name += (name.empty() ? "" : " ") + p;
  const core::Trust* trust = core::Gazetteer::builtin().resolve_trust(name);
  if (!trust) throw core::UsageError("unknown NHS trust '" + name + "'");

  search::Searcher searcher(few_searches_options(args, ctx.data_dir));
  const std::vector<search::Inspection> all = search::trust_history(searcher, *trust);
  if (ctx.json)
    print_json(search::trust_history_json(*trust, all));
  else
    print_text(*trust, all);
  return 0;
}

}  // namespace cqc::cli
