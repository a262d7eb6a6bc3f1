// `trend`: a search's matching documents per year, month, trust, service, rating or kind,
// against the archive's documents in each, with the share (search/trend.hpp).
#include <Poco/JSON/Array.h>

#include <cstdio>
#include <iostream>

#include "cli/app.hpp"
#include "cli/json.hpp"
#include "cli/search_args.hpp"
#include "core/error.hpp"
#include "core/paths.hpp"
#include "search/export_rows.hpp"
#include "search/trend.hpp"

namespace cqc::cli {

int cmd_trend(const Args& args, const Context& ctx) {
  const search::SearchRequest req = selection_from_args(args);
  const std::string by = args.value("by").value_or("year");
  const std::string format = args.value("format").value_or("table");
  if (format != "table" && format != "csv") throw core::UsageError("--format must be table or csv (or use --json)");
  search::Searcher searcher(few_searches_options(args, ctx.data_dir));
  const std::vector<search::TrendRow> rows = search::trend(searcher, req, by);
  if (ctx.json) {
    auto root = json_object();
    root->set("by", by);
    root->set("query", req.query);
    Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
    for (const auto& r : rows) {
      auto o = json_object();
      o->set("bucket", r.bucket);
      o->set("label", r.label);
      o->set("matching", r.matching);
      o->set("documents", r.total);
      o->set("share", r.share);
      list->add(o);
    }
    root->set("buckets", list);
    print_json(root);
  } else if (format == "csv") {
    std::cout << "bucket,label,matching,documents,share\r\n";
    for (const auto& r : rows) {
      char share[32];
      std::snprintf(share, sizeof share, "%.6f", r.share);
      std::cout << search::csv_field(r.bucket) << ',' << search::csv_field(r.label) << ',' << r.matching << ',' << r.total << ',' << share << "\r\n";
    }
  } else {
    std::printf("%-40s %9s %9s %7s\n", by.c_str(), "matching", "documents", "share");
    for (const auto& r : rows) {
      const std::string label = r.label.size() > 40 ? r.label.substr(0, 39) + "~" : r.label;
      std::printf("%-40s %9llu %9llu %6.1f%%\n", label.c_str(), static_cast<unsigned long long>(r.matching),
                  static_cast<unsigned long long>(r.total), 100.0 * r.share);
    }
  }
  return 0;
}

}  // namespace cqc::cli
