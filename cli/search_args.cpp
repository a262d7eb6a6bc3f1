#include "cli/search_args.hpp"

#include "core/paths.hpp"

namespace cqc::cli {

search::SearchRequest selection_from_args(const Args& args) {
  search::SearchRequest req;
  for (const auto& p : args.positional()) req.query += (req.query.empty() ? "" : " ") + p;
  req.trusts = args.values("trust");
  req.services = args.values("service");
  req.ratings = args.values("rating");
  req.overall = args.values("overall");
  req.service_ratings = args.values("service-rating");
  req.key_questions = args.values("key-question");
  req.kinds = args.values("kind");
  req.years = args.values("year");
  req.changed = args.values("changed");
  req.from = args.value("from").value_or("");
  req.to = args.value("to").value_or("");
  req.date_field = args.value("date").value_or("inspected");
  return req;
}

search::IndexOptions index_options(const Args& args, const std::string& data_dir) {
  search::IndexOptions o;
  o.path = args.value("index").value_or(core::index_dir(data_dir));
  o.allow_partial = args.flag("allow-partial");
  o.timeout_ms = static_cast<unsigned>(args.number("shard-timeout", o.timeout_ms, 1, 3600000));
  o.connect_timeout_ms = static_cast<unsigned>(args.number("connect-timeout", o.connect_timeout_ms, 1, 3600000));
  return o;
}

search::IndexOptions few_searches_options(const Args& args, const std::string& data_dir) {
  search::IndexOptions o = index_options(args, data_dir);
  o.facet_table = false;
  return o;
}

}  // namespace cqc::cli
