// cqc_metadata_eval: runs text extraction + extract_metadata over every labelled document in
// tests/metadata/docs (labels.tsv), prints precision and recall per field, and fails below
// the issue-4 targets: precision >= 0.95 for trust, rating and year; recall >= 0.9 for trust,
// service, rating, inspected, published and year. Scoring rules: eval_score.hpp.
//
// Documents: *.html are news pages, extracted by the HTML extractor like any capture;
// *.report.txt are "pdf-like" page-split text fixtures of CQC report PDFs (pages separated by
// a line "<<<page>>>", the title is the first line), given to extract_metadata as format "pdf".
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <fstream>
#include <iostream>
#include <map>
#include <sstream>

#include "indexer/extract.hpp"
#include "indexer/metadata.hpp"
#include "tests/metadata/eval_score.hpp"

namespace {

using cqc::eval::Score;
using cqc::eval::split_list;
using Row = std::map<std::string, std::string>;

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE_MESSAGE(in, "cannot read " << path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<Row> read_labels(const std::string& path) {
  std::istringstream in(slurp(path));
  std::vector<std::string> header;
  std::vector<Row> rows;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> cols;
    std::stringstream ls(line);
    for (std::string c; std::getline(ls, c, '\t');) cols.push_back(c);
    while (cols.size() < header.size()) cols.emplace_back();
    if (header.empty()) {
      header = cols;
      continue;
    }
    Row row;
    for (size_t i = 0; i < header.size(); ++i) row[header[i]] = cols[i];
    rows.push_back(row);
  }
  return rows;
}

cqc::indexer::Extraction load(const std::string& dir, const std::string& file) {
  const std::string bytes = slurp(dir + "/docs/" + file);
  if (file.ends_with(".html")) {
    auto got = cqc::indexer::extract(bytes, "text/html");
    REQUIRE_MESSAGE(got, file << ": " << got.error());
    return got.value();
  }
  cqc::indexer::Extraction x;
  x.format = "pdf";
  x.title = bytes.substr(0, bytes.find('\n'));
  const std::string mark = "\n<<<page>>>\n";
  size_t start = 0;
  for (int n = 1; start <= bytes.size(); ++n) {
    size_t end = bytes.find(mark, start);
    if (end == std::string::npos) end = bytes.size();
    std::string text = bytes.substr(start, end - start);
    // pdftotext-like: single newlines inside a block, blank lines between paragraphs.
    x.pages.push_back({n, text});
    start = end + mark.size();
  }
  return x;
}

std::string range(const cqc::core::Date& from, const cqc::core::Date& to) {
  if (!from.known()) return "";
  return from == to ? from.iso() : from.iso() + ".." + to.iso();
}

std::string label_range(const std::string& v) {
  size_t dots = v.find("..");
  if (dots == std::string::npos) return v;
  return v.substr(0, dots) == v.substr(dots + 2) ? v.substr(0, dots) : v;
}

// Scores every labelled document in DIR (DIR/labels.tsv, DIR/docs/) and prints the table.
std::vector<Score> evaluate(const std::string& dir, const std::string& title) {
  const auto rows = read_labels(dir + "/labels.tsv");
  std::vector<Score> s(10);
  const char* names[] = {"trust",   "mentioned trust", "service",   "overall rating",
                         "service rating", "key-question rating", "rating", "inspected",
                         "published", "year"};
  for (size_t i = 0; i < s.size(); ++i) s[i].field = names[i];
  for (const Row& row : rows) {
    const std::string& f = row.at("file");
    const auto m = cqc::indexer::extract_metadata(load(dir, f), "https://example.org/" + f);
    std::vector<std::string> about, sr, kq, rating;
    for (const auto& t : m.trusts)
      if (std::find(m.mentioned_trusts.begin(), m.mentioned_trusts.end(), t) ==
          m.mentioned_trusts.end())
        about.push_back(t);
    for (const auto& r : m.service_ratings) sr.push_back(r.service + "=" + r.rating);
    for (const auto& r : m.key_question_ratings) kq.push_back(r.question + "=" + r.rating);
    rating = sr;
    if (!m.overall_rating.empty()) rating.push_back("overall=" + m.overall_rating);
    std::vector<std::string> want_rating = split_list(row.at("service_ratings"));
    if (!row.at("overall").empty()) want_rating.push_back("overall=" + row.at("overall"));
    s[0].add_set(f, about, split_list(row.at("trusts")));
    s[1].add_set(f, m.mentioned_trusts, split_list(row.at("mentioned")));
    s[2].add_set(f, m.services, split_list(row.at("services")));
    s[3].add_one(f, m.overall_rating, row.at("overall"));
    s[4].add_set(f, sr, split_list(row.at("service_ratings")));
    s[5].add_set(f, kq, split_list(row.at("key_ratings")));
    s[6].add_set(f, rating, want_rating);
    s[7].add_one(f, range(m.inspected_from, m.inspected_to), label_range(row.at("inspected")));
    s[8].add_one(f, m.published.iso(), row.at("published"));
    s[9].add_one(f, m.year ? std::to_string(m.year) : "", row.at("year"));
  }
  std::cout << title << ": " << rows.size() << " labelled documents\n";
  cqc::eval::print_table(std::cout, s);
  for (const Score& sc : s)
    for (const auto& e : sc.errors) std::cout << "  " << sc.field << " - " << e << '\n';
  std::cout << '\n';
  return s;
}

}  // namespace

TEST_CASE("metadata evaluation: precision and recall per field") {
  const std::vector<Score> s = evaluate(CQC_METADATA_DIR, "Evaluation set (tests/metadata/docs)");
  REQUIRE(s[0].labelled > 0);
  auto field = [&](const char* n) -> const Score& {
    for (const Score& sc : s)
      if (sc.field == n) return sc;
    FAIL("no field " << n);
    return s[0];
  };
  for (const char* n : {"trust", "rating", "year"}) {
    CAPTURE(n);
    CHECK(field(n).precision() >= 0.95);
  }
  for (const char* n : {"trust", "service", "rating", "inspected", "published", "year"}) {
    CAPTURE(n);
    CHECK(field(n).recall() >= 0.9);
  }
}

// The development sets were written blind (by people who had not seen the extraction code)
// but the heuristics were then improved against their errors: printed, not gated.
TEST_CASE("metadata evaluation: development sets (reported, not gated)") {
  for (const char* set : {"dev-a", "dev-b"}) {
    const std::vector<Score> s = evaluate(std::string(CQC_METADATA_DIR) + "/" + set,
                                          std::string("Development set (tests/metadata/") + set + ")");
    CHECK(s[0].labelled >= 20);
  }
}

// The held-out set was written blind too, and nothing has been tuned on it: its figures are
// the honest estimate. Printed, not gated; tuning on it would make it a development set
// (see docs/metadata.md).
TEST_CASE("metadata evaluation: held-out set (reported, not gated)") {
  const std::vector<Score> s = evaluate(std::string(CQC_METADATA_DIR) + "/heldout", "Held-out set (tests/metadata/heldout)");
  CHECK(s[0].labelled >= 20);
}
