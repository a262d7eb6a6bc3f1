// The three search engines bench/compare.sh measures side by side, behind one interface:
// cqc-archive's own Searcher (full answer), plain Xapian on an omindex database (what quest
// does: top 10 and their data) and SQLite FTS5 over the text cqc-archive extracted.
#pragma once
#include <memory>
#include <string>
#include <vector>

namespace cqc::bench {

// One line of a query file (bench/compare_queries.tsv): NAME CLASS FILTERS XAPIAN FTS5,
// tab-separated. FILTERS is "-" or comma-separated key=value: format=html|pdf, from=YYYY,
// to=YYYY (publication date for cqc-archive and FTS5, file mtime for omindex), sort=newest.
struct Query {
  std::string name, cls, filters, xapian, fts5;
};

// Reads a query file; throws std::runtime_error naming the file and line on a bad line.
std::vector<Query> read_queries(const std::string& path);

// What one run of a query found.
struct Answer {
  unsigned long long total = 0;  // exact (cqc-archive, FTS5) or Xapian's estimate (omindex)
  std::vector<std::string> top;  // the top hits' corpus-relative paths ("html/...", "pdf/...")
};

class Engine {
 public:
  virtual ~Engine() = default;
  // Runs Q as a user would (top 10 plus the engine's own extras); throws on a bad query.
  virtual Answer run(const Query& q) = 0;
  // Every match of Q's text (filters ignored), corpus-relative paths, in rank order.
  virtual std::vector<std::string> all_matches(const Query& q) = 0;
  // "PATH\tLENGTH" for every document: Xapian's document length (xapian only).
  virtual std::vector<std::string> lengths() { throw std::runtime_error("lengths: xapian engine only"); }
};

// NAME is ours|xapian|fts5; LOCATION is the index folder, a comma-separated list of Xapian
// databases, or the SQLite file. Throws std::runtime_error naming the engine and location.
std::unique_ptr<Engine> open_engine(const std::string& name, const std::string& location);

// "https://host/html/a/b.html" or "/html/a/b.html" -> "html/a/b.html" (from the first
// /html/, /pdf/ or /txt/ on); other strings unchanged.
std::string corpus_path(const std::string& url);

}  // namespace cqc::bench
