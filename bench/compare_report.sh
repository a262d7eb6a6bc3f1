# compare_report.sh - the tables bench/compare.sh prints from the raw figures in $R (sourced).
# shellcheck shell=bash

# stat3 < numbers: "median (min-max)" with %.Nf (N = $1, default 1); "-" for no numbers.
stat3() {
  sort -g | awk -v d="${1:-1}" '{ v[NR] = $1 } END {
    if (NR == 0) { print "-"; exit }
    m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
    f = "%." d "f"
    if (NR == 1) printf f "\n", m; else printf f " (" f "-" f ")\n", m, v[1], v[NR] }'
}
# med < numbers: the median alone (for ratios).
med() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print ""; else print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
# ratio A B: A/B as "N.NNx" ("-" when either is missing or B is 0).
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || b + 0 == 0) print "-"; else if (a / b >= 0.995) printf "%.2fx\n", a / b; else if (b / a < 10) printf "1/%.2fx\n", b / a; else if (b / a < 100) printf "1/%.1fx\n", b / a; else printf "1/%.0fx\n", b / a }'; }
row() { printf '| %s | %s | %s | %s | %s |\n' "$@"; }

# per_run ENGINE HALF: "WALL CPU RSS_KB" per run (import+index summed, RSS the larger).
per_run() {
  cat "$R"/index-run*.tsv 2>/dev/null | awk -F'\t' -v e="$1" -v h="$2" '$1 == e && $3 == h {
    w[$2] += $5; c[$2] += $6 + $7; if ($8 > m[$2]) m[$2] = $8 } END { for (r in w) print w[r], c[r], m[r] }'
}

report_index() {
  for h in $HALVES; do
    local n mb; n=$(find "$CORPUS/$h" -type f | wc -l); mb=$(du -sb "$CORPUS/$h" | awk '{ print $1 / 1e6 }')
    local -A rate mbs
    for e in ours omindex; do
      rate[$e]=$(per_run $e "$h" | awk -v n="$n" '{ print n / $1 }' | med)
      mbs[$e]=$(per_run $e "$h" | awk -v m="$mb" '{ print m / $1 }' | med)
    done
    row "$h ($n files, ${mb%.*} MB): import+index docs/s" "$(per_run ours "$h" | awk -v n="$n" '{ print n / $1 }' | stat3)" \
      "$(per_run omindex "$h" | awk -v n="$n" '{ print n / $1 }' | stat3)" "" "$(ratio "${rate[ours]}" "${rate[omindex]}")"
    row "$h: MB/s" "$(per_run ours "$h" | awk -v m="$mb" '{ print m / $1 }' | stat3 2)" \
      "$(per_run omindex "$h" | awk -v m="$mb" '{ print m / $1 }' | stat3 2)" "" "$(ratio "${mbs[ours]}" "${mbs[omindex]}")"
    local co ca; co=$(per_run ours "$h" | awk -v n="$n" '{ print n / $2 }' | med); ca=$(per_run omindex "$h" | awk -v n="$n" '{ print n / $2 }' | med)
    row "$h: docs per CPU second (user+sys; load-independent)" "$(per_run ours "$h" | awk -v n="$n" '{ print n / $2 }' | stat3)" \
      "$(per_run omindex "$h" | awk -v n="$n" '{ print n / $2 }' | stat3)" "" "$(ratio "$co" "$ca")"
    row "$h: wall s / user+sys s" "$(per_run ours "$h" | awk '{ print $1 }' | stat3) / $(per_run ours "$h" | awk '{ print $2 }' | stat3)" \
      "$(per_run omindex "$h" | awk '{ print $1 }' | stat3) / $(per_run omindex "$h" | awk '{ print $2 }' | stat3)" "" ""
    local ro ra; ro=$(per_run ours "$h" | awk '{ print $3 / 1024 }' | med); ra=$(per_run omindex "$h" | awk '{ print $3 / 1024 }' | med)
    row "$h: peak RSS MB" "$(per_run ours "$h" | awk '{ print $3 / 1024 }' | stat3 0)" \
      "$(per_run omindex "$h" | awk '{ print $3 / 1024 }' | stat3 0)" "" "$(ratio "$ra" "$ro")"
  done
  local fsz; fsz=$(awk '{ print $3 / 1e6 }' "$R/fts5-size.tsv" 2>/dev/null | stat3 0)
  for col in 3 4; do
    local o a; o=$(cat "$R"/size-run*.tsv 2>/dev/null | awk -v c=$col '$1 == "ours" { print $c / 1e6 }' | med)
    a=$(cat "$R"/size-run*.tsv 2>/dev/null | awk -v c=$col '$1 == "omega" { print $c / 1e6 }' | med)
    row "index MB, $([ $col = 3 ] && echo 'as built' || echo 'xapian-compact') ($HALVES)" \
      "$(cat "$R"/size-run*.tsv 2>/dev/null | awk -v c=$col '$1 == "ours" { print $c / 1e6 }' | stat3 0)" \
      "$(cat "$R"/size-run*.tsv 2>/dev/null | awk -v c=$col '$1 == "omega" { print $c / 1e6 }' | stat3 0)" \
      "$([ $col = 3 ] && echo "$fsz")" "$(ratio "$a" "$o")"
  done
  [ -s "$R/fts5.tsv" ] && row "FTS5 load of our extracted text (s, peak RSS MB)" "" "" \
    "$(awk -F'\t' '{ printf "%.1f s, %.0f MB", $5, $8 / 1024 }' "$R/fts5.tsv")" ""
}

report_latency() {
  local names; names=$(grep -v '^#' "$QUERIES" | cut -f1)
  for n in $names; do
    local cell=() p50=()
    for e in ours xapian fts5; do
      local f=("$R"/latency-$e-*.tsv)
      [ -e "${f[0]}" ] || { cell+=("-"); p50+=(""); continue; }
      local a b c hits
      a=$(awk -F'\t' -v n="$n" '$1 == n { print $4 }' "${f[@]}" | stat3 3)
      b=$(awk -F'\t' -v n="$n" '$1 == n { print $5 }' "${f[@]}" | med)
      c=$(awk -F'\t' -v n="$n" '$1 == n { print $6 }' "${f[@]}" | med)
      hits=$(awk -F'\t' -v n="$n" '$1 == n { print $3; exit }' "${f[@]}")
      cell+=("$a / $(printf "%.3f" "$b") / $(printf "%.3f" "$c") [$hits]")
      p50+=("$(awk -F'\t' -v n="$n" '$1 == n { print $4 }' "${f[@]}" | med)")
    done
    row "query $n ($(grep -v '^#' "$QUERIES" | awk -F'\t' -v n="$n" '$1 == n { print $4 ($3 == "-" ? "" : " [" $3 "]") }'))" \
      "${cell[0]}" "${cell[1]}" "${cell[2]}" "$(ratio "${p50[1]}" "${p50[0]}")"
  done
}

report_cli_http() {
  if [ -s "$R/cli.tsv" ]; then
    for n in $(cut -f1 "$R/cli.tsv" | uniq); do
      local o q; o=$(awk -F'\t' -v n="$n" '$1 == n && $2 == "ours" { print $3 }' "$R/cli.tsv" | med)
      q=$(awk -F'\t' -v n="$n" '$1 == n && $2 == "quest" { print $3 }' "$R/cli.tsv" | med)
      row "CLI whole process, $n (ms, median of $CLI_REPS$([ "$n" = start-up ] && echo ': --help vs quest --version'))" \
        "$(awk -F'\t' -v n="$n" '$1 == n && $2 == "ours" { print $3 }' "$R/cli.tsv" | stat3)" \
        "$(awk -F'\t' -v n="$n" '$1 == n && $2 == "quest" { print $3 }' "$R/cli.tsv" | stat3)" "" "$(ratio "$q" "$o")"
    done
  fi
  if [ -s "$R/http.tsv" ]; then
    row "HTTP one client (wrk -t1 -c1): p50 ms / p99 ms" \
      "$(awk -F'\t' '$2 == 1 { print $4 }' "$R/http.tsv" | stat3 2) / $(awk -F'\t' '$2 == 1 { print $5 }' "$R/http.tsv" | stat3 2)" "-" "-" ""
    row "HTTP wrk -t2 -c8: requests/s (p99 ms)" \
      "$(awk -F'\t' '$2 == 8 { print $3 }' "$R/http.tsv" | stat3) ($(awk -F'\t' '$2 == 8 { print $5 }' "$R/http.tsv" | stat3))" "-" "-" ""
    local bad; bad=$(awk -F'\t' '{ s += $7 } END { print s + 0 }' "$R/http.tsv")
    [ "$bad" = 0 ] || row "HTTP errors or non-200 answers" "$bad" "" "" ""
  fi
}

report_hits() {
  [ -s "$R/hits.tsv" ] || return 0
  echo
  echo "Hit counts against omindex (html+pdf+txt). Each omindex hit cqc-archive lacks has one cause:"
  echo "txt = one of the 500 .txt files (cqc-archive index: unsupported type); not indexed = an"
  echo "html/pdf file not in our index; dropped = the query does not match our extracted text"
  echo "at all (FTS5 over that text finds nothing either: navigation/boilerplate we drop on purpose);"
  echo "dropped <25% = of those, pages whose extracted text has under a quarter of the words omindex"
  echo "indexed for them: short pages in a big sidebar (fine) or pages the extractor cut to a fragment (a loss);"
  echo "in our text = FTS5 matches our text but our Xapian index does not (tokenizer/stemmer/phrase)."
  echo "The whole corpus has $(wc -l <"$R/hits/mostly-lost" 2>/dev/null || echo '?') such <25% pages of $(wc -l <"$R/hits/indexed" 2>/dev/null || echo '?') indexed."
  echo "Top-10 overlap: our top 10 against omindex's on html+pdf only (same documents)."
  echo
  echo "| query | ours | omindex | txt | omindex html+pdf | not indexed | dropped | dropped <25% | in our text | ours only | FTS5 on our text | top-10 overlap |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|---|"
  awk -F'\t' '{ printf "| %s `%s` | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s/%s |\n", $1, $2, $3, $4, $5, $6, $7, $8, $14, $9, $10, $11, $12, $13 }' "$R/hits.tsv"
}

report() {
  echo
  echo "cqc-archive vs Xapian Omega $(omindex --version | awk '{ print $NF }') vs SQLite FTS5 $(sqlite3 --version | cut -d' ' -f1)"
  echo "corpus $CORPUS, runs $RUNS (interleaved), index --jobs $JOBS, $(nproc) cores, load average at first start / last end: $(head -1 "$R/uptime.log" | sed 's/.*average: //') / $(tail -1 "$R/uptime.log" | sed 's/.*average: //')"
  echo "cells: median (min-max) over runs; latency cells: p50 (min-max) / p95 / p99 ms [hits]. ratio > 1 = cqc-archive better, 1/N = N times worse"
  echo "(speed: ours/omindex; time, size, memory: omindex/ours). cqc-archive latency is its full answer (exact"
  echo "count, facets, timeline, snippets); omindex is Xapian's top 10 with data (what quest does); FTS5 is top 10 with"
  echo "snippet() plus an exact count(*). All three parse alike: English stemming, AND between words."
  echo
  row measure cqc-archive "omindex / quest" FTS5 ratio
  row --- --- --- --- ---
  report_index
  report_latency
  report_cli_http
  report_hits
}
