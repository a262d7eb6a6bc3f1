// The route table: every URL the server answers, registered in one function.
#pragma once
#include <functional>

#include "search/http/front.hpp"
#include "search/http/metrics.hpp"
#include "search/http/readers.hpp"
#include "search/http/router.hpp"

namespace cqc::search::http {

// Registers every route (API, pages, originals, saved searches, assets, /metrics) on ROUTER,
// reading through POOL; /metrics reports METRICS and what FRONT returns at each scrape.
void register_routes(Router& router, ReaderPool& pool, const Metrics& metrics,
                     std::function<FrontCounters()> front);

}  // namespace cqc::search::http
