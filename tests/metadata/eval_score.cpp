// Precision/recall bookkeeping for the metadata evaluation.
#include "tests/metadata/eval_score.hpp"

#include <algorithm>
#include <cstdio>
#include <ostream>

namespace cqc::eval {

double Score::precision() const { return predicted == 0 ? 1.0 : double(correct) / predicted; }

double Score::recall() const { return labelled == 0 ? 1.0 : double(correct) / labelled; }

void Score::add_set(const std::string& file, const std::vector<std::string>& got,
                    const std::vector<std::string>& want) {
  std::vector<std::string> g = got, w = want;
  std::sort(g.begin(), g.end());
  g.erase(std::unique(g.begin(), g.end()), g.end());
  std::sort(w.begin(), w.end());
  w.erase(std::unique(w.begin(), w.end()), w.end());
  predicted += static_cast<int>(g.size());
  labelled += static_cast<int>(w.size());
  for (const auto& v : g) {
    if (std::binary_search(w.begin(), w.end(), v))
      ++correct;
    else
      errors.push_back(file + ": extra " + v);
  }
  for (const auto& v : w)
    if (!std::binary_search(g.begin(), g.end(), v)) errors.push_back(file + ": missed " + v);
}

void Score::add_one(const std::string& file, const std::string& got, const std::string& want) {
  if (!got.empty()) ++predicted;
  if (!want.empty()) ++labelled;
  if (!got.empty() && got == want) {
    ++correct;
  } else if (got != want) {
    errors.push_back(file + ": got '" + got + "', labelled '" + want + "'");
  }
}

std::vector<std::string> split_list(const std::string& text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find(';', start);
    if (end == std::string::npos) end = text.size();
    if (end > start) out.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

void print_table(std::ostream& out, const std::vector<Score>& scores) {
  char line[160];
  std::snprintf(line, sizeof line, "%-22s %8s %10s %9s %10s %7s\n", "field", "correct",
                "predicted", "labelled", "precision", "recall");
  out << line;
  for (const Score& s : scores) {
    std::snprintf(line, sizeof line, "%-22s %8d %10d %9d %10.3f %7.3f\n", s.field.c_str(),
                  s.correct, s.predicted, s.labelled, s.precision(), s.recall());
    out << line;
  }
}

}  // namespace cqc::eval
