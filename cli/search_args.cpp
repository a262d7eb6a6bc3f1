#include "cli/search_args.hpp"

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

}  // namespace cqc::cli
