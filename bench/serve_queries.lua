-- wrk script for bench/serve.sh: cycles a mixed set of /api/search requests (words, filters,
-- phrases, boolean, wildcard, browse, date ranges, deeper pages) and counts non-200 answers.
local paths = {
  "/api/search?q=seclusion",
  "/api/search?q=seclusion&rating=requires-improvement&kind=report",
  "/api/search?q=%22seclusion+room%22",
  "/api/search?q=%28seclusion+OR+restraint%29+NOT+maternity",
  "/api/search?q=seclu*",
  "/api/search",
  "/api/search?q=staffing&from=2016&to=2019",
  "/api/search?q=staff&page=3&sort=newest",
  "/api/search?year=2019&kind=news",
  "/api/search?q=ligature&date=published&from=2020",
}
local i = 0
local bad = 0

request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end

response = function(status, headers, body)
  if status ~= 200 then bad = bad + 1 end
end

done = function(summary, latency, requests)
  io.write(string.format("RESULT requests/s=%.1f p50_ms=%.2f p99_ms=%.2f requests=%d errors=%d non200=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.requests, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status))
end
