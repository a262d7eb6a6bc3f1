#!/usr/bin/env bash
# Browser test: serve the sample archive with `cqc-archive serve`, then drive the search page
# in Debian's headless Chromium with playwright-core (browser_test.mjs). Screenshots are kept
# in WORK_DIR/screenshots. Usage: run.sh CQC_ARCHIVE_BINARY SAMPLE_DIR WORK_DIR
set -euo pipefail
# Without Node.js, npm (or, for the browser, Chromium) this test cannot run here: say so and
# exit 77, which ctest reports as skipped (SKIP_RETURN_CODE). The README's test command
# installs them, so CI runs it.
for tool in node npm; do
  command -v "$tool" >/dev/null 2>&1 || { echo "skipped: $tool is not installed (apt-get install nodejs npm)"; exit 77; }
done
[ -x /usr/bin/chromium ] || { echo "skipped: /usr/bin/chromium is not installed (apt-get install chromium)"; exit 77; }
bin=$1 sample=$2 work=$3
here=$(cd "$(dirname "$0")" && pwd)
node_dir="$work/browser-node"
mkdir -p "$node_dir" "$work/screenshots"
if ! cmp -s "$here/package-lock.json" "$node_dir/package-lock.json" || [ ! -d "$node_dir/node_modules/playwright-core" ]; then
  cp "$here/package.json" "$here/package-lock.json" "$node_dir/"
  (cd "$node_dir" && npm ci --no-audit --no-fund --loglevel=error)
fi
cp "$here/browser_test.mjs" "$node_dir/"

data="$work/browser-data"
rm -rf "$data" "$work/screenshots"/*.png
"$bin" import --data "$data" --base-url https://sample.cqc-archive.test/ "$sample" >/dev/null
# A second version of one news page (a sentence altered, a paragraph added), for the diff page.
rel=news/rmy-2016-out-of-special-measures.html
mkdir -p "$work/browser-v2/news"
sed -e 's/deserved credit for the progress/deserved credit for the steady progress/' \
    -e 's#acknowledged there was more to do.</p>#acknowledged there was more to do.</p><p>This article was corrected after publication.</p>#' \
    "$sample/$rel" >"$work/browser-v2/$rel"
"$bin" import --data "$data" --base-url https://sample.cqc-archive.test/ "$work/browser-v2" >/dev/null
"$bin" index --data "$data" >/dev/null

log="$work/browser-serve.log"
"$bin" serve --data "$data" --port 0 >"$log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true' EXIT
url=""
for _ in $(seq 100); do
  url=$(sed -n 's/^serving \(http[^ ]*\)$/\1/p' "$log")
  [ -n "$url" ] && break
  kill -0 "$pid" 2>/dev/null || { cat "$log" >&2; exit 1; }
  sleep 0.1
done
[ -n "$url" ] || { echo "server did not start" >&2; cat "$log" >&2; exit 1; }
node "$node_dir/browser_test.mjs" "$url" "$work/screenshots" "$sample"
