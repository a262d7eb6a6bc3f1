// Query files and the cqc-archive engine; the omindex and FTS5 engines are in compare_others.cpp.
#include "bench/compare_engines.hpp"

#include <fstream>
#include <stdexcept>

#include "search/search.hpp"

namespace cqc::bench {

std::unique_ptr<Engine> open_xapian(const std::string& dbs);  // compare_others.cpp
std::unique_ptr<Engine> open_fts5(const std::string& file);    // compare_others.cpp

namespace {

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  for (;;) {
    size_t end = s.find(sep, start);
    out.push_back(s.substr(start, end - start));
    if (end == std::string::npos) return out;
    start = end + 1;
  }
}

class Ours : public Engine {
 public:
  explicit Ours(const std::string& dir) : searcher_(dir) {}

  Answer run(const Query& q) override {
    search::SearchRequest req;
    req.query = q.xapian;
    if (q.filters != "-")
      for (const auto& f : split(q.filters, ',')) {
        const auto eq = f.find('=');
        const std::string key = f.substr(0, eq), value = eq == std::string::npos ? "" : f.substr(eq + 1);
        if (key == "kind") req.kinds.push_back(value);
        else if (key == "from") req.from = value;
        else if (key == "to") req.to = value;
        else if (key == "sort") req.sort = value;
      }
    if (!req.from.empty() || !req.to.empty()) req.date_field = "published";
    auto r = searcher_.search(req);
    Answer a;
    a.total = r.total;
    for (const auto& h : r.hits) a.top.push_back(corpus_path(h.url));
    return a;
  }

  std::vector<std::string> all_matches(const Query&) override {
    throw std::runtime_error("ours: list every match with GET /api/export (bench/compare.sh does)");
  }

 private:
  search::Searcher searcher_;
};

}  // namespace

std::vector<Query> read_queries(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read query file " + path);
  std::vector<Query> out;
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    if (line.empty() || line[0] == '#') continue;
    auto f = split(line, '\t');
    if (f.size() != 5) throw std::runtime_error(path + ":" + std::to_string(n) + ": want 5 tab-separated fields");
    out.push_back({f[0], f[1], f[2], f[3], f[4]});
  }
  return out;
}

std::string corpus_path(const std::string& url) {
  for (const char* half : {"/html/", "/pdf/", "/txt/"}) {
    const auto at = url.find(half);
    if (at != std::string::npos) return url.substr(at + 1);
  }
  return url;
}

std::unique_ptr<Engine> open_engine(const std::string& name, const std::string& location) {
  if (name == "ours") return std::make_unique<Ours>(location);
  if (name == "xapian") return open_xapian(location);
  if (name == "fts5") return open_fts5(location);
  throw std::runtime_error("unknown engine '" + name + "' (want ours, xapian or fts5)");
}

}  // namespace cqc::bench
