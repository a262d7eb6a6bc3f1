-- wrk script for bench/compare.sh: cycles the /api/search paths listed in the file named by
-- the PATHS_FILE environment variable (one a line) and prints one RESULT line.
local paths = {}
local file = os.getenv("PATHS_FILE")
if file == nil then error("set PATHS_FILE to a file of /api/search paths") end
for line in io.lines(file) do
  if line ~= "" then paths[#paths + 1] = line end
end
if #paths == 0 then error("no paths in " .. file) end
local i = 0

request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end

done = function(summary, latency, requests)
  io.write(string.format("RESULT %.1f\t%.2f\t%.2f\t%d\t%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.requests, summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.timeout))
end
