-- wrk script for the 6k benchmark corpus (/work/corpus: Debian documentation, kind other):
-- cycles /api/search requests of the classes cqc-bench-search times (rare and common words,
-- phrase, boolean, wildcard, with and without facet filters, date range, sort, browse,
-- a deeper page) and counts non-200 answers. Same RESULT line as serve_queries.lua.
local paths = {
  "/api/search?q=tablespace",
  "/api/search?q=tablespace&kind=other",
  "/api/search?q=file",
  "/api/search?q=file&kind=other&year=2019",
  "/api/search?q=%22memory+management%22",
  "/api/search?q=%28memory+OR+disk%29+NOT+network",
  "/api/search?q=postgre*",
  "/api/search?q=configuration&date=published&from=2000&to=2019",
  "/api/search?q=configuration&sort=newest",
  "/api/search",
  "/api/search?q=table&page=3",
}
local i = 0

request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end

done = function(summary, latency, requests)
  io.write(string.format("RESULT requests/s=%.1f p50_ms=%.2f p99_ms=%.2f requests=%d errors=%d non200=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.requests, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status))
end
