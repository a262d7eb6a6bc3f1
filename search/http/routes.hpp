// The route table: every URL the server answers, registered in one function.
#pragma once
#include "search/http/readers.hpp"
#include "search/http/router.hpp"

namespace cqc::search::http {

// Registers every route (API, originals, page assets) on ROUTER, reading through POOL.
void register_routes(Router& router, ReaderPool& pool);

}  // namespace cqc::search::http
