# compare_lib.sh - the phases of bench/compare.sh (sourced; uses its R, CORPUS, RUNS, HALVES,
# JOBS, BUDGET_MS, CLI_REPS, WRK_SECS, QUERIES, bin, cmp, root). Every phase writes raw
# figures to $R/*.tsv and logs to $R/logs/; the report is in compare_report.sh.
# shellcheck shell=bash
mkdir -p "$R/logs"
last=$R/run$RUNS
omega_flags=(-s english -o and -f phrase,boolean,lovehate,wildcard,pure_not)
source "$root/bench/compare_report.sh"

# timed FILE ENGINE RUN HALF STEP CMD...: runs CMD under /usr/bin/time -v (output to
# $R/logs) and appends "ENGINE RUN HALF STEP WALL_S USER_S SYS_S MAXRSS_KB" to FILE.
timed() {
  local file=$1 engine=$2 run=$3 half=$4 step=$5; shift 5
  local lg=$R/logs/$engine-$run-$half-$step
  if ! /usr/bin/time -v -o "$lg.time" "$@" >"$lg.log" 2>&1; then
    echo "compare.sh: $engine $step of $half failed, see $lg.log:" >&2; tail -5 "$lg.log" >&2; exit 1
  fi
  awk -v pre="$engine	$run	$half	$step" -F': ' '
    /Elapsed/ { n = split($2, p, ":"); wall = (n == 3) ? p[1] * 3600 + p[2] * 60 + p[3] : p[1] * 60 + p[2] }
    /User time/ { user = $2 } /System time/ { sys = $2 } /Maximum resident/ { rss = $2 }
    END { printf "%s\t%.2f\t%.2f\t%.2f\t%d\n", pre, wall, user, sys, rss }' "$lg.time" >>"$file"
}

# Size in bytes of folder $1.
bytes() { du -sb "$1" | cut -f1; }

phase_index() {
  for r in $(seq "$RUNS"); do
    local d=$R/run$r t=$R/index-run$r.tsv
    [ -e "$d.done" ] && continue
    rm -rf "$d" "$t"; mkdir -p "$d"
    for h in $HALVES; do
      log "run $r: cqc-archive import+index $h"
      timed "$t" ours "$r" "$h" import "$bin" import --data "$d/ours" --base-url "https://corpus.test/$h/" "$CORPUS/$h"
      timed "$t" ours "$r" "$h" index "$bin" index --data "$d/ours" --jobs "$JOBS"
      log "run $r: omindex $h"
      timed "$t" omindex "$r" "$h" index omindex -p --db "$d/omega" --url "/$h/" "$CORPUS/$h"
    done
    for e in ours omega; do
      local db=$d/omega; [ $e = ours ] && db=$d/ours/index
      rm -rf "$d/$e-compact"
      xapian-compact "$db" "$d/$e-compact" >"$R/logs/$e-$r-compact.log" 2>&1
      printf '%s\t%s\t%s\t%s\n' "$e" "$r" "$(bytes "$db")" "$(bytes "$d/$e-compact")" >>"$t.size"
      rm -rf "$d/$e-compact"
    done
    mv "$t.size" "$R/size-run$r.tsv"
    [ "$r" -lt "$RUNS" ] && rm -rf "$d"
    touch "$d.done"
  done
  # The 500 texts: omindex indexes them; cqc-archive's index calls them unsupported (logged).
  rm -rf "$R/omega-txt" "$R/ours-txt"
  omindex -p --db "$R/omega-txt" --url /txt/ "$CORPUS/txt" >"$R/logs/omindex-txt.log" 2>&1
  "$bin" import --data "$R/ours-txt" --base-url https://corpus.test/txt/ "$CORPUS/txt" >"$R/logs/ours-txt.log" 2>&1
  "$bin" index --data "$R/ours-txt" >>"$R/logs/ours-txt.log" 2>&1
  rm -rf "$R/ours-txt"
}

# serve_start DATA: starts `cqc-archive serve` on a free port; sets srv_pid and url.
srv_pid=""
serve_start() {
  "$bin" serve --data "$1" --port 0 --threads "${2:-8}" >"$R/logs/serve.log" 2>&1 &
  srv_pid=$!
  url=""
  for _ in $(seq 100); do
    url=$(sed -n 's/^serving \(http[^ ]*\)$/\1/p' "$R/logs/serve.log"); [ -n "$url" ] && break; sleep 0.1
  done
  [ -n "$url" ] || { echo "compare.sh: the server did not start, see $R/logs/serve.log" >&2; exit 1; }
  url=${url%/}
}
serve_stop() { if [ -n "$srv_pid" ]; then kill "$srv_pid" 2>/dev/null || true; wait "$srv_pid" 2>/dev/null || true; srv_pid=""; fi; }
trap serve_stop EXIT

# The FTS5 loader: every indexed document's text, read through the HTTP API (/api/export for
# the ids, /api/documents/ID for title, kind, dates and text by page), loaded into SQLite.
phase_fts5() {
  local ft=$R/fts5
  rm -rf "$ft"; mkdir -p "$ft/docs"
  serve_start "$last/ours" 2
  curl -sf "$url/api/export?format=json" >"$ft/export.json"
  jq -r '.[].id' "$ft/export.json" >"$ft/ids"
  awk -v u="$url" -v d="$ft/docs" '{ printf "url = \"%s/api/documents/%s\"\noutput = \"%s/%s.json\"\n", u, $1, d, $1 }' "$ft/ids" >"$ft/curl.cfg"
  curl -sf -K "$ft/curl.cfg"
  serve_stop
  {
    echo "CREATE TABLE meta(rowid INTEGER PRIMARY KEY, id TEXT, path TEXT, kind TEXT, published TEXT);"
    echo "CREATE VIRTUAL TABLE docs USING fts5(title, body, tokenize='porter unicode61');"
    echo "BEGIN;"
    while read -r id; do
      echo "INSERT INTO meta(id, path, kind, published) SELECT json_extract(j,'\$.id'), replace(json_extract(j,'\$.url'),'https://corpus.test/',''), json_extract(j,'\$.kind'), json_extract(j,'\$.published') FROM (SELECT readfile('$ft/docs/$id.json') AS j);"
      echo "INSERT INTO docs(rowid, title, body) SELECT last_insert_rowid(), json_extract(j,'\$.title'), (SELECT group_concat(json_extract(p.value,'\$.text'), char(12)) FROM json_each(j,'\$.pages') p) FROM (SELECT readfile('$ft/docs/$id.json') AS j);"
    done <"$ft/ids"
    echo "COMMIT;"
  } >"$ft/load.sql"
  rm -f "$R/fts5.tsv"
  timed "$R/fts5.tsv" fts5 1 all load sqlite3 "$ft/fts5.db" ".read $ft/load.sql"
  printf 'fts5\t1\t%s\t%s\n' "$(bytes "$ft/fts5.db")" "$(sqlite3 "$ft/fts5.db" 'SELECT count(*) FROM meta')" >"$R/fts5-size.tsv"
  rm -rf "$ft/docs"
}

phase_latency() {
  for r in $(seq "$RUNS"); do
    for e in ours xapian fts5; do
      local out=$R/latency-$e-$r.tsv loc
      [ -s "$out" ] && continue
      case $e in ours) loc=$last/ours/index ;; xapian) loc=$last/omega ;; fts5) loc=$R/fts5/fts5.db ;; esac
      log "latency run $r: $e"
      "$cmp" latency "$e" "$loc" "$QUERIES" "$BUDGET_MS" >"$out.tmp"
      mv "$out.tmp" "$out"
    done
  done
}

# ms CMD...: wall milliseconds of one run of CMD (output discarded).
ms() {
  local t0=$EPOCHREALTIME
  "$@" >/dev/null 2>&1 || true
  local t1=$EPOCHREALTIME
  awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", (b - a) * 1000 }'
}

phase_cli() {
  local out=$R/cli.tsv
  : >"$out"
  while IFS=$'\t' read -r name _ filters q _; do
    [ "$filters" = - ] || continue
    for _ in $(seq "$CLI_REPS"); do
      printf '%s\tours\t%s\n' "$name" "$(ms "$bin" search --data "$last/ours" "$q")" >>"$out"
      printf '%s\tquest\t%s\n' "$name" "$(ms quest -d "$last/omega" "${omega_flags[@]}" "$q")" >>"$out"
    done
  done < <(grep -v '^#' "$QUERIES")
  for _ in $(seq "$CLI_REPS"); do
    printf 'start-up\tours\t%s\n' "$(ms "$bin" --help)" >>"$out"
    printf 'start-up\tquest\t%s\n' "$(ms quest --version)" >>"$out"
  done
}

# The query file as /api/search paths (one a line).
api_paths() {
  while IFS=$'\t' read -r _ _ filters q _; do
    local p="/api/search?q=$(jq -rn --arg q "$q" '$q|@uri')"
    if [ "$filters" != - ]; then
      local IFS=, dated=""
      for kv in $filters; do
        case $kv in
          kind=*|sort=*) p="$p&$kv" ;;
          from=*|to=*) p="$p&$kv"; dated="&date=published" ;;
        esac
      done
      p="$p$dated"
    fi
    echo "$p"
  done < <(grep -v '^#' "$QUERIES")
}

phase_http() {
  api_paths >"$R/http-paths.txt"
  serve_start "$last/ours" 8
  : >"$R/http.tsv"
  PATHS_FILE=$R/http-paths.txt wrk -t1 -c1 -d2s -s "$root/bench/compare_wrk.lua" "$url" >/dev/null  # warm-up
  for r in $(seq "$RUNS"); do
    for c in 1 8; do
      local t=$(( c == 1 ? 1 : 2 ))
      log "http run $r: wrk -t$t -c$c"
      PATHS_FILE=$R/http-paths.txt wrk -t$t -c$c -d"${WRK_SECS}s" --timeout 10s --latency -s "$root/bench/compare_wrk.lua" "$url" >"$R/logs/wrk-$r-$c.log"
      printf '%s\t%s\t%s\n' "$r" "$c" "$(sed -n 's/^RESULT //p' "$R/logs/wrk-$r-$c.log")" >>"$R/http.tsv"
    done
  done
  serve_stop
}

# Hit sets per bare query: ours (HTTP export), omindex with and without the texts, FTS5 on our
# text; each omindex hit we lack is put down to one cause (see compare_report.sh).
phase_hits() {
  local h=$R/hits
  rm -rf "$h"; mkdir -p "$h"
  grep -v '^#' "$QUERIES" | awk -F'\t' '$3 == "-"' >"$h/queries.tsv"
  serve_start "$last/ours" 2
  curl -sf "$url/api/export?format=json" | jq -r '.[].url' | sed 's|^https://corpus.test/||' | sort >"$h/indexed"
  while IFS=$'\t' read -r name _ _ q _; do
    local e; e=$(jq -rn --arg q "$q" '$q|@uri')
    curl -sf "$url/api/export?format=json&q=$e" | jq -r '.[].url' | sed 's|^https://corpus.test/||' >"$h/$name.ours"
    curl -sf "$url/api/search?q=$e&per_page=10" | jq -r '.hits[].url' | sed 's|^https://corpus.test/||' >"$h/$name.ours.top"
  done <"$h/queries.tsv"
  serve_stop
  "$cmp" matches xapian "$last/omega,$R/omega-txt" "$h/queries.tsv" >"$h/omega.all"
  "$cmp" top xapian "$last/omega" "$h/queries.tsv" >"$h/omega.top"
  "$cmp" matches fts5 "$R/fts5/fts5.db" "$h/queries.tsv" >"$h/fts5.all"
  # Pages whose extracted text is under a quarter of omindex's words for them (omindex's
  # document length counts each word about twice: plain and stemmed): "mostly lost".
  "$cmp" lengths xapian "$last/omega" - | sort >"$h/omega.lengths"
  sqlite3 -separator $'\t' "$R/fts5/fts5.db" 'SELECT m.path, length(d.body) FROM docs d JOIN meta m ON m.rowid = d.rowid' | sort >"$h/ours.chars"
  join -t $'\t' "$h/omega.lengths" "$h/ours.chars" | awk -F'\t' '($3 / 6) < 0.25 * ($2 / 2) { print $1 }' >"$h/mostly-lost"
  : >"$R/hits.tsv"
  while IFS=$'\t' read -r name _ _ q _; do
    awk -F'\t' -v n="$name" '$1 == n { print $2 }' "$h/omega.all" | sort -u >"$h/$name.omega"
    awk -F'\t' -v n="$name" '$1 == n && $3 != "-" { print $3 }' "$h/omega.top" >"$h/$name.omega.top"
    awk -F'\t' -v n="$name" '$1 == n { print $2 }' "$h/fts5.all" | sort -u >"$h/$name.fts5"
    sort -u "$h/$name.ours" -o "$h/$name.ours.sorted"
    grep '^txt/' "$h/$name.omega" >"$h/$name.c-txt" || true
    grep -v '^txt/' "$h/$name.omega" >"$h/$name.omega-hp" || true
    comm -23 "$h/$name.omega-hp" "$h/indexed" >"$h/$name.c-notindexed"
    comm -12 "$h/$name.omega-hp" "$h/indexed" | comm -23 - "$h/$name.ours.sorted" >"$h/$name.nomatch"
    comm -12 "$h/$name.nomatch" "$h/$name.fts5" >"$h/$name.c-inourtext"
    comm -23 "$h/$name.nomatch" "$h/$name.fts5" >"$h/$name.c-dropped"
    comm -13 "$h/$name.omega-hp" "$h/$name.ours.sorted" >"$h/$name.c-oursonly"
    local top; top=$(sort "$h/$name.ours.top" | comm -12 - <(sort "$h/$name.omega.top") | wc -l)
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$q" \
      "$(wc -l <"$h/$name.ours")" "$(wc -l <"$h/$name.omega")" "$(wc -l <"$h/$name.c-txt")" \
      "$(wc -l <"$h/$name.omega-hp")" "$(wc -l <"$h/$name.c-notindexed")" "$(wc -l <"$h/$name.c-dropped")" \
      "$(wc -l <"$h/$name.c-inourtext")" "$(wc -l <"$h/$name.c-oursonly")" "$(wc -l <"$h/$name.fts5")" \
      "$top" "$(wc -l <"$h/$name.ours.top")" "$(comm -12 "$h/$name.c-dropped" "$h/mostly-lost" | wc -l)" >>"$R/hits.tsv"
    # Evidence: where the first words of the query sit in two dropped HTML files.
    local w; w=$(sed -n 's/.*"\(.*\)".*/\1/p' <<<"$q"); [ -n "$w" ] || w=$(grep -oE '[A-Za-z]+' <<<"$q" | head -1)
    for p in $(grep '^html/' "$h/$name.c-dropped" | head -2); do
      echo "== $p"; grep -oiE ".{0,80}\\b$w.{0,60}" "$CORPUS/$p" | head -2
    done >"$h/$name.evidence" 2>/dev/null || true
  done <"$h/queries.tsv"
}
