// The command table: every command's name, help text and options (cli/app.hpp). --help, the
// man page and the shell completions are all generated from it.
#include "cli/app.hpp"
#include "cli/config.hpp"

namespace cqc::cli {
namespace {

// Options of fetch and refresh.
const std::vector<OptionSpec> kFetchOptions = {
    {"allow", "HOST:PORT", "let connections reach this internal address (tests, intranets)", true},
    {"delay-ms", "MS", "pause between requests to one host (default 1000)"},
    {"per-host", "N", "connections to one host at once (default 1)"},
    {"max-connections", "N", "connections at once, all hosts (default 8)"},
    {"max-body-mb", "MB", "largest body accepted (default 200)"},
    {"retries", "N", "retries on 429, 5xx and network errors (default 3)"},
    {"timeout", "SECONDS", "longest time for one transfer (default 600)"},
    {"user-agent", "UA", "User-Agent header (default names the project and a contact URL)"},
    {"no-robots", "", "do not fetch or obey robots.txt (only for your own servers)"},
    {"api-base", "URL", "CQC API base URL (default https://api.service.cqc.org.uk/public/v1)"},
};

std::vector<OptionSpec> with_fetch_options(std::vector<OptionSpec> own) {
  own.insert(own.end(), kFetchOptions.begin(), kFetchOptions.end());
  return own;
}

// Where the index is, for the commands that read it (cli/search_args.hpp index_options).
std::vector<OptionSpec> with_index_options(std::vector<OptionSpec> own) {
  const std::vector<OptionSpec> index = {
      {"index", "PATH", "the index: a database folder, a split index or a stub file listing remote shards "
                        "(default DATA/index; docs/SCALING.md)"},
      {"allow-partial", "", "when a remote shard is down, answer from the others and name it (default: fail)"},
      {"shard-timeout", "MS", "longest wait for one answer of a remote shard (default 10000)"},
      {"connect-timeout", "MS", "longest wait to connect to a remote shard (default 3000)"}};
  own.insert(own.end(), index.begin(), index.end());
  return own;
}

// The selection filters of search and export (cli/search_args.hpp), after OWN.
std::vector<OptionSpec> with_filter_options(std::vector<OptionSpec> own, std::vector<OptionSpec> after = {}) {
  const std::vector<OptionSpec> filters = {
      {"trust", "CODE|NAME", "only documents about this trust", true},
      {"service", "NAME", "only documents about this core service", true},
      {"rating", "RATING", "any rating in the document: outstanding, good, requires-improvement, inadequate", true},
      {"overall", "RATING", "the overall rating", true},
      {"service-rating", "SERVICE:RATING", "a core service rated so (\"acute wards:inadequate\")", true},
      {"key-question", "QUESTION:RATING", "a key question rated so (safe:inadequate)", true},
      {"kind", "KIND", "report, cqc-page, cqc-press, trust-news, press, rating, other or news", true},
      {"year", "YYYY", "inspection year (else publication year)", true},
      {"changed", "any|YYYY", "a later capture changed the text (in that year)", true},
      {"from", "DATE", "earliest date (YYYY[-MM[-DD]]), see --date"},
      {"to", "DATE", "latest date (YYYY[-MM[-DD]]), see --date"},
      {"date", "inspected|published", "which date --from/--to filter (default inspected)"}};
  own.insert(own.end(), filters.begin(), filters.end());
  own.insert(own.end(), after.begin(), after.end());
  return own;
}

}  // namespace

const std::vector<Command>& commands() {
  static const std::vector<Command> table = {
      {"import", "archive local files or folders as WARC resource records",
       "import [options] PATH...",
       "Stores each file under PATH (folders recursively) byte for byte as a WARC/1.1 resource\n"
       "record and adds it to the catalog. Bytes already archived for the same URI are skipped;\n"
       "the same bytes under a new URI get a small revisit record. A file whose size and\n"
       "modification and change times are those of its last import is not read again.",
       {{"base-url", "URL", "target URI prefix instead of file: URIs (URL/ + relative path)"},
        {"rehash", "", "read and digest every file, even those unchanged since the last import"}},
       cmd_import},
      {"verify", "re-read every archived record and check its digests", "verify [options]",
       "Reads every catalogued WARC record and checks its block and payload digests against\n"
       "the record's headers and the catalog. Exits 1 and names each bad record.",
       {},
       cmd_verify},
      {"index", "index every archived capture not yet indexed", "index [options]",
       "Extracts text and metadata from the newest capture of every URI and writes the Xapian\n"
       "index. Captures already indexed are skipped, so re-running is a no-op. A document\n"
       "that cannot be extracted is skipped with its reason logged; the run goes on.\n"
       "Extraction runs in worker processes, each capture under a time and a memory limit: a\n"
       "capture whose worker crashes or exceeds a limit is skipped with the reason (and not\n"
       "retried unless --retry-failed), and a fresh worker goes on. Documents are committed\n"
       "every --commit-mb of text or --commit-seconds, whichever comes first, and at the end.\n"
       "With --shards N the index is N Xapian databases (one writer thread each, documents\n"
       "placed by a hash of their URI) searched as one; --rebuild builds a new index from\n"
       "every capture beside the old one, which stays searchable until the new one replaces it.\n"
       "After a rebuild, a run that wrote at least half of the index's documents (a first\n"
       "build), or one that left the index 1.5 times its compacted size (and 64 MiB more), the\n"
       "index is compacted: rewritten with full blocks, about half the size, then put in\n"
       "place of the old one in one atomic rename (--no-compact skips this).",
       {{"commit-mb", "N", "commit after N MiB of extracted text (default 64)"},
        {"commit-seconds", "N", "commit at least every N seconds (default 300): a kill loses less"},
        {"batch", "N", "also commit after every N captures (default: no count bound)"},
        {"retry-failed", "", "retry documents skipped by an earlier run"},
        {"jobs", "N", "extraction worker processes (default: one per core, at most 8)"},
        {"nice", "N", "CPU priority of the run and its workers, 0-19 (default 10: a server on the same machine comes first)"},
        {"job-timeout", "N", "CPU seconds one capture's extraction may use (default 120; 0: none)"},
        {"job-wall-timeout", "N", "seconds of real time it may take (default 600; 0: none)"},
        {"worker-memory", "N", "MiB of memory a worker may allocate (default 2048; 0: none)"},
        {"shards", "N", "split a new or rebuilt index into N databases (default: as it is; 1 new)"},
        {"rebuild", "", "rebuild the whole index from the archive (needed to change --shards)"},
        {"no-compact", "", "do not compact the index (after a rebuild, a first build, or growth)"},
        {"verbose", "", "log every document, and every capture that is not one (and why)"}},
       cmd_index},
      {"fetch", "download sources (URLs, sitemaps, feeds, the CQC API) into the archive",
       "fetch [options] [URL...]",
       "Fetches each URL and archives every response (WARC request + response records,\n"
       "exactly as received). A sitemap, sitemap index, RSS or Atom feed is recognised by its\n"
       "content and the documents it lists are fetched too. --cqc-provider ID reads a provider\n"
       "from the CQC API with its locations and report PDFs, keeping the API's ratings as\n"
       "structured metadata. The API key comes from $CQC_API_KEY or 'api-key = KEY' in\n"
       "DATA/config. Sources are remembered for 'refresh'. Polite by default: robots.txt,\n"
       "one connection and one second between requests per host. Captures are made durable\n"
       "in groups (every 512 captures or 250 ms: WARC records synced, then their catalog rows\n"
       "committed), so a crash loses at most the last group. Exits 1 if any request\n"
       "failed, naming it.",
       with_fetch_options({{"sources", "FILE", "sources file: one URL or 'cqc-provider ID' per line", true},
                           {"cqc-provider", "ID", "a CQC provider (NHS trusts: the ODS code, e.g. RT5)", true},
                           {"cqc-location", "ID", "a CQC location id", true}}),
       cmd_fetch},
      {"refresh", "re-check every source and known URL with conditional requests", "refresh [options]",
       "Re-reads every remembered source (feeds, sitemaps and the API find new documents) and\n"
       "re-checks every archived URL with If-None-Match / If-Modified-Since. A 304 or an\n"
       "identical payload writes a small revisit record; a changed document becomes a new\n"
       "capture. Run 'index' afterwards to update search.",
       with_fetch_options({}),
       cmd_refresh},
      {"history", "list the captures of one URL, or what changed between two", "history [options] URL",
       "Lists every capture of URL (number, time, record type, HTTP status, payload digest, size)\n"
       "and every failed fetch of it. Exits 1 when the archive knows nothing of URL.\n"
       "With --diff, compares the text of two captures (the two newest versions unless --from and\n"
       "--to give capture numbers): paragraphs added (+), removed (-) and altered (~, with\n"
       "[-removed-] and {+added+} words); --json adds \"identical\" and the paragraphs.",
       {{"diff", "", "show what changed in the text between two captures"},
        {"from", "N", "with --diff: the earlier capture's number (default: the previous version)"},
        {"to", "N", "with --diff: the later capture's number (default: the newest version)"}},
       cmd_history},
      {"search", "search the index, with facets and a year timeline", "search [options] [QUERY]",
       "Free text with \"phrases\", AND/OR/NOT, wildcards (word*), and field filters:\n"
       "  trust:RT5  trust:LPT  trust:\"Leicestershire Partnership\"  kind:report  kind:news\n"
       "  overall:inadequate  safe:inadequate (also effective: caring: responsive: well-led:)\n"
       "  service:\"acute wards\"  service:\"acute wards:inadequate\"  rating:inadequate (any)\n"
       "  year:2019  inspected:2018-01-01..2019-12-31  published:2020..  (dates: YYYY[-MM[-DD]])\n"
       "  source:removed (the source URL answered 404/410 since; the archived copy is kept)\n"
       "  changed:any  changed:2024  (a later capture changed the text, that year)\n"
       "Filters combine as words do: seclusion NOT trust:RT5, trust:RT5 OR trust:RMY, -kind:press.\n"
       "An empty query matches every document, so filters alone browse the archive.",
       with_index_options(with_filter_options({}, {{"sort", "relevance|newest|oldest", "result order (default relevance)"},
                                {"limit", "N", "hits to show (default 10, at most 1000)"},
                                {"offset", "N", "hits to skip (default 0)"},
                                {"explain", "", "show where each hit's trust, ratings and dates came from"},
                                {"format", "csv|jsonl", "every match as rows, no limit (docs/api.md: the export columns)"},
                                {"link-base", "URL", "with --format: the server's address, making document links absolute"}})),
       cmd_search},
      {"trust", "a trust's inspections over time, with the documents behind each",
       "trust [options] CODE|NAME",
       "Shows the inspections of one NHS trust (ODS code, name, former name or abbreviation)\n"
       "in date order: inspection dates, services and their ratings, overall rating, and the\n"
       "archived documents behind each.",
       with_index_options({}),
       cmd_trust},
      {"trend", "a search's matching documents per year, month, trust, service, rating or kind",
       "trend [options] [QUERY]",
       "Counts the documents matching QUERY (and the filters) in each bucket, beside the\n"
       "archive's documents in that bucket and the share: \"seclusion\" per year, corrected for\n"
       "the archive holding more of some years. Months use each document's date (published,\n"
       "else inspected); years the year facet.",
       with_index_options(with_filter_options({}, {{"by", "year|month|trust|service|rating|overall|kind|service_rating|key_question", "the buckets (default year)"},
                                {"format", "table|csv", "output (default table; --json for JSON)"}})),
       cmd_trend},
      {"watch", "save searches and report what is new in them",
       "watch add NAME [QUERY] [filters] | watch list | watch remove NAME | watch report [NAME]",
       "Saved searches (kept in DATA/watches.json; the server shows and feeds them too).\n"
       "  add NAME QUERY   saves the search (query and filters, as for 'search'); what it matches\n"
       "                   now counts as seen\n"
       "  list             the saved searches and when each was last reported\n"
       "  remove NAME      deletes one\n"
       "  report [NAME]    per saved search, the documents new to it since its last report and\n"
       "                   those a newer version changed, then marks them seen (--no-mark: not).\n"
       "Exit codes of report: 0 nothing new, 3 something new or changed, 1 failure, 2 bad usage;\n"
       "with --quiet it prints nothing when nothing is new (for cron).",
       with_index_options(with_filter_options({}, {{"quiet", "", "report: print nothing when nothing is new"},
                                                    {"no-mark", "", "report: do not mark what it shows as seen"}})),
       cmd_watch},
      {"export", "write the captures of a selection as one WARC file or WACZ package",
       "export --warc FILE | --wacz FILE [options] [QUERY]",
       "Selects documents as search does (query and filters; none: every document) and writes\n"
       "every capture of each, with the records their revisits refer to, to FILE, copied from\n"
       "the archive byte for byte: a WARC file pywb, ReplayWeb.page or warcio can read, or a\n"
       "WACZ package of it (with its CDXJ index and page list) to open in ReplayWeb.page.",
       with_index_options(with_filter_options({{"warc", "FILE", "the WARC file to write (e.g. selection.warc.gz)"},
                                               {"wacz", "FILE", "a WACZ package to write instead (e.g. selection.wacz)"}})),
       cmd_export},
      {"config", "show the configuration: files read, every value and where it came from", "config [options]",
       "Prints the configuration files read (/etc/cqc-archive/config, then\n"
       "$XDG_CONFIG_HOME/cqc-archive/config; or --config FILE / $CQC_ARCHIVE_CONFIG alone), the\n"
       "data folder in effect, and every configured value with its file. A value in the file is\n"
       "the default of that option: top-level keys for every command that has the option,\n"
       "[COMMAND] sections for one command; the command line wins. api-key sets $CQC_API_KEY.",
       {},
       cmd_config},
      {"serve", "serve the search API and web page over HTTP", "serve [options]",
       "Serves the JSON API (/api/search, /api/documents/ID, /documents/ID/original,\n"
       "/api/export, /api/stats, /healthz, /metrics for Prometheus) and the search page at /,\n"
       "with an access log line per request on stderr, from the index and\n"
       "archive in the data folder. New commits to the index appear without a restart.\n"
       "Slow and idle clients hold no request thread; docs/SECURITY.md lists every limit.",
       with_index_options({{"port", "N", "TCP port (default 8080)"},
        {"bind", "ADDRESS", "address to listen on (default 127.0.0.1)"},
        {"threads", "N", "request threads (default 8)"},
        {"per-client", "N", "open connections one client address may have (default 64)"},
        {"max-connections", "N", "open connections in all (default 4096)"},
        {"head-timeout", "SECONDS", "time to send a whole request head, from its first byte (default 10)"},
        {"idle-timeout", "SECONDS", "a silent connection is closed after this (default 5)"},
        {"no-access-log", "", "do not write a line per request to stderr (--log-format json: JSON lines)"}}),
       cmd_serve,
       false},
  };
  return table;
}

}  // namespace cqc::cli
