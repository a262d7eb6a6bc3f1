// The engines cqc-archive is compared with: plain Xapian on omindex's database (the query
// quest would run, parsed the way cqc-archive parses it) and SQLite FTS5 on cqc-archive's text.
#include <sqlite3.h>
#include <xapian.h>

#include <ctime>
#include <stdexcept>

#include "bench/compare_engines.hpp"

namespace cqc::bench {
namespace {

// FILTERS ("-" or key=value,...) as (key, value) pairs.
std::vector<std::pair<std::string, std::string>> filters(const std::string& spec) {
  std::vector<std::pair<std::string, std::string>> out;
  if (spec == "-") return out;
  size_t start = 0;
  while (start <= spec.size()) {
    size_t end = spec.find(',', start);
    if (end == std::string::npos) end = spec.size();
    const std::string f = spec.substr(start, end - start);
    const auto eq = f.find('=');
    out.emplace_back(f.substr(0, eq), eq == std::string::npos ? "" : f.substr(eq + 1));
    start = end + 1;
  }
  return out;
}

// Seconds since 1970 of 1 January YEAR as omindex stores mtimes: 4 bytes, big-endian.
std::string year_start(int year) {
  std::tm tm{};
  tm.tm_year = year - 1900;
  tm.tm_mday = 1;
  const auto t = static_cast<std::uint32_t>(timegm(&tm));
  return std::string{char(t >> 24), char(t >> 16), char(t >> 8), char(t)};
}

class Omega : public Engine {
 public:
  explicit Omega(const std::string& dbs) {
    size_t start = 0;
    while (start <= dbs.size()) {
      size_t end = dbs.find(',', start);
      if (end == std::string::npos) end = dbs.size();
      db_.add_database(Xapian::Database(dbs.substr(start, end - start)));
      start = end + 1;
    }
    std::vector<Xapian::Query> types;  // omindex's MIME-type terms: a filter that keeps everything
    for (auto t = db_.allterms_begin("T"); t != db_.allterms_end("T"); ++t) types.emplace_back(*t);
    every_type_ = Xapian::Query(Xapian::Query::OP_OR, types.begin(), types.end());
    qp_.set_database(db_);
    qp_.set_stemmer(Xapian::Stem("english"));
    qp_.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    qp_.set_default_op(Xapian::Query::OP_AND);
  }

  Xapian::Query parse(const std::string& text) {
    return qp_.parse_query(text, Xapian::QueryParser::FLAG_PHRASE | Xapian::QueryParser::FLAG_BOOLEAN |
                                     Xapian::QueryParser::FLAG_LOVEHATE | Xapian::QueryParser::FLAG_WILDCARD |
                                     Xapian::QueryParser::FLAG_PURE_NOT);
  }

  Answer run(const Query& q) override {
    Xapian::Query query = parse(q.xapian);
    Xapian::Enquire enq(db_);
    std::string from, to;
    for (const auto& [key, value] : filters(q.filters)) {
      if (key == "kind") query = Xapian::Query(Xapian::Query::OP_FILTER, query, every_type_);
      else if (key == "from") from = year_start(std::stoi(value));
      else if (key == "to") to = year_start(std::stoi(value) + 1);
      else if (key == "sort") enq.set_sort_by_value_then_relevance(0, true);
    }
    if (!from.empty() || !to.empty())
      query = Xapian::Query(Xapian::Query::OP_FILTER, query,
                            to.empty() ? Xapian::Query(Xapian::Query::OP_VALUE_GE, 0, from)
                                       : Xapian::Query(Xapian::Query::OP_VALUE_RANGE, 0, from.empty() ? std::string(4, '\0') : from, to));
    enq.set_query(query);
    auto mset = enq.get_mset(0, 10);
    Answer a;
    a.total = mset.get_matches_estimated();
    for (auto it = mset.begin(); it != mset.end(); ++it) a.top.push_back(url(it.get_document().get_data()));
    return a;
  }

  std::vector<std::string> all_matches(const Query& q) override {
    Xapian::Enquire enq(db_);
    enq.set_query(parse(q.xapian));
    auto mset = enq.get_mset(0, db_.get_doccount());
    std::vector<std::string> out;
    for (auto it = mset.begin(); it != mset.end(); ++it) out.push_back(url(it.get_document().get_data()));
    return out;
  }

  std::vector<std::string> lengths() override {
    std::vector<std::string> out;
    for (auto it = db_.postlist_begin(""); it != db_.postlist_end(""); ++it)
      out.push_back(url(db_.get_document(*it).get_data()) + "\t" + std::to_string(it.get_doclength()));
    return out;
  }

 private:
  // omindex's document data is "field=value" lines; url= is the file's URL.
  static std::string url(const std::string& data) {
    const auto at = data.find("url=");
    if (at == std::string::npos) return "";
    return corpus_path(data.substr(at + 4, data.find('\n', at) - at - 4));
  }

  Xapian::Database db_;
  Xapian::QueryParser qp_;
  Xapian::Query every_type_;
};

// Tables made by bench/compare.sh: meta(rowid, id, path, kind, published) and
// docs USING fts5(title, body, tokenize='porter unicode61').
class Fts5 : public Engine {
 public:
  explicit Fts5(const std::string& file) {
    if (sqlite3_open_v2(file.c_str(), &db_, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK)
      throw std::runtime_error("fts5: cannot open " + file + ": " + sqlite3_errmsg(db_));
  }
  ~Fts5() override { sqlite3_close(db_); }

  Answer run(const Query& q) override {
    std::string where = " FROM docs JOIN meta m ON m.rowid = docs.rowid WHERE docs MATCH ?1", order = " ORDER BY docs.rank";
    std::vector<std::string> args{q.fts5};
    for (const auto& [key, value] : filters(q.filters)) {
      if (key == "kind") where += " AND m.kind = ?" + std::to_string(args.size() + 1), args.push_back(value);
      else if (key == "from") where += " AND m.published >= ?" + std::to_string(args.size() + 1), args.push_back(value);
      else if (key == "to") where += " AND m.published < ?" + std::to_string(args.size() + 1), args.push_back(std::to_string(std::stoi(value) + 1));
      else if (key == "sort") order = " ORDER BY m.published DESC";
    }
    Answer a;
    a.top = rows("SELECT m.path, snippet(docs, 1, '<mark>', '</mark>', '...', 12)" + where + order + " LIMIT 10", args);
    a.total = std::stoull(rows("SELECT count(*)" + where, args).at(0));
    return a;
  }

  std::vector<std::string> all_matches(const Query& q) override {
    return rows("SELECT m.path FROM docs JOIN meta m ON m.rowid = docs.rowid WHERE docs MATCH ?1 ORDER BY docs.rank", {q.fts5});
  }

 private:
  // The first column of every row of SQL with ARGS bound to ?1, ?2, ...
  std::vector<std::string> rows(const std::string& sql, const std::vector<std::string>& args) {
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &st, nullptr) != SQLITE_OK)
      throw std::runtime_error("fts5: " + std::string(sqlite3_errmsg(db_)) + " in " + sql);
    for (size_t i = 0; i < args.size(); ++i) sqlite3_bind_text(st, int(i + 1), args[i].c_str(), -1, SQLITE_TRANSIENT);
    std::vector<std::string> out;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
      const auto* t = sqlite3_column_text(st, 0);
      out.emplace_back(t ? reinterpret_cast<const char*>(t) : "");
    }
    const std::string err = rc == SQLITE_DONE ? "" : sqlite3_errmsg(db_);
    sqlite3_finalize(st);
    if (!err.empty()) throw std::runtime_error("fts5: " + err + " for " + args.at(0));
    return out;
  }

  sqlite3* db_ = nullptr;
};

}  // namespace

std::unique_ptr<Engine> open_xapian(const std::string& dbs) { return std::make_unique<Omega>(dbs); }
std::unique_ptr<Engine> open_fts5(const std::string& file) { return std::make_unique<Fts5>(file); }

}  // namespace cqc::bench
