// `watch add|list|remove|report`: saved searches and what is new in them (search/watch.hpp).
// `watch report` exits 0 when nothing is new, 3 when a saved search has new or changed
// documents (1 and 2 keep their meaning: failure, bad usage), so cron can act on it.
#include <Poco/JSON/Array.h>

#include <cstdio>
#include <xapian.h>

#include "cli/app.hpp"
#include "cli/json.hpp"
#include "cli/search_args.hpp"
#include "core/error.hpp"
#include "core/paths.hpp"
#include "search/watch.hpp"

namespace cqc::cli {
namespace {

// Exit code of a report that found something.
constexpr int kSomethingNew = 3;

std::string describe(const search::Watch& w) {
  std::string s = w.request.query.empty() ? "(every document)" : "\"" + w.request.query + "\"";
  for (const std::string& name : search::filter_names())
    for (const std::string& v : *search::filter_values(w.request, name)) s += " " + name + "=" + v;
  if (!w.request.from.empty() || !w.request.to.empty())
    s += " " + w.request.date_field + " " + (w.request.from.empty() ? "…" : w.request.from) + ".." +
         (w.request.to.empty() ? "…" : w.request.to);
  return s;
}

int add(const Args& args, const Context& ctx) {
  const auto& pos = args.positional();
  if (pos.size() < 2) throw core::UsageError("watch add needs a NAME, then the query and filters to save");
  search::check_watch_name(pos[1]);
  search::SearchRequest request = selection_from_args(args);  // every positional word...
  request.query.clear();                                      // ...but "add" and NAME are not the query
  for (std::size_t i = 2; i < pos.size(); ++i) request.query += (request.query.empty() ? "" : " ") + pos[i];
  // What it matches now counts as seen: the first report shows what is new.
  search::Searcher searcher(few_searches_options(args, ctx.data_dir));
  const search::Watch w = search::new_watch(searcher, pos[1], request);
  const std::uint64_t total = w.seen.size();
  search::WatchStore(ctx.data_dir).add(w);
  if (ctx.json) {
    auto o = json_object();
    o->set("name", w.name);
    o->set("matching", total);
    print_json(o);
  } else {
    std::printf("saved watch %s: %s, %llu matching now\n", w.name.c_str(), describe(w).c_str(),
                static_cast<unsigned long long>(total));
  }
  return 0;
}

int list(const Context& ctx) {
  const auto all = search::WatchStore(ctx.data_dir).list();
  if (ctx.json) {
    Poco::JSON::Array::Ptr a = new Poco::JSON::Array;
    for (const auto& w : all) a->add(search::watch_object(w));
    auto o = json_object();
    o->set("watches", a);
    print_json(o);
  } else {
    if (all.empty()) std::printf("no saved searches (add one with 'watch add NAME QUERY')\n");
    for (const auto& w : all)
      std::printf("%-24s %s (last report %s)\n", w.name.c_str(), describe(w).c_str(),
                  w.last_report.empty() ? "never" : w.last_report.c_str());
  }
  return 0;
}

int remove(const Args& args, const Context& ctx) {
  if (args.positional().size() != 2) throw core::UsageError("watch remove needs exactly one NAME");
  const std::string& name = args.positional()[1];
  if (!search::WatchStore(ctx.data_dir).remove(name)) throw core::Fatal("no watch called '" + name + "'");
  if (!ctx.json) std::printf("removed watch %s\n", name.c_str());
  return 0;
}

int report(const Args& args, const Context& ctx) {
  const bool mark = !args.flag("no-mark"), quiet = args.flag("quiet");
  const std::string only = args.positional().size() > 1 ? args.positional()[1] : "";
  search::Searcher searcher(index_options(args, ctx.data_dir));
  std::vector<search::WatchReport> reports;
  bool found = only.empty();
  search::WatchStore(ctx.data_dir).update([&](std::vector<search::Watch>& all) {
    for (search::Watch& w : all) {
      if (!only.empty() && w.name != only) continue;
      found = true;
      reports.push_back(search::report_watch(searcher.database(), w, mark));
    }
  });
  if (!found) throw core::Fatal("no watch called '" + only + "'");
  std::size_t items = 0;
  for (const auto& r : reports) items += r.items.size();
  if (ctx.json) {
    Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
    for (const auto& r : reports) {
      auto o = json_object();
      o->set("name", r.name);
      o->set("matching", r.matching);
      Poco::JSON::Array::Ptr docs = new Poco::JSON::Array;
      for (const auto& it : r.items) docs->add(search::item_object(it));
      o->set("documents", docs);
      list->add(o);
    }
    auto root = json_object();
    root->set("watches", list);
    root->set("documents", items);
    print_json(root);
  } else if (!quiet || items) {
    for (const auto& r : reports) {
      std::size_t added = 0;
      for (const auto& it : r.items) added += it.why == "new";
      std::printf("%s: %zu new, %zu changed (of %llu matching)\n", r.name.c_str(), added, r.items.size() - added,
                  static_cast<unsigned long long>(r.matching));
      for (const auto& it : r.items)
        std::printf("  %-7s %-10s %s\n          %s\n", it.why.c_str(), it.published.empty() ? "-" : it.published.c_str(),
                    it.title.c_str(), it.url.c_str());
    }
  }
  return items ? kSomethingNew : 0;
}

}  // namespace

int cmd_watch(const Args& args, const Context& ctx) {
  const auto& pos = args.positional();
  const std::string what = pos.empty() ? "" : pos[0];
  if (what == "add") return add(args, ctx);
  if (what == "list") return list(ctx);
  if (what == "remove") return remove(args, ctx);
  if (what == "report") return report(args, ctx);
  throw core::UsageError(what.empty() ? "watch needs add, list, remove or report"
                                      : "unknown watch action '" + what + "' (add, list, remove or report)");
}

}  // namespace cqc::cli
