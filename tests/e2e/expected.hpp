// The sample generator's truth table (data/sample writes expected.tsv beside the corpus).
#pragma once
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "core/text.hpp"

namespace cqc::test {

// One row of expected.tsv: column name -> value.
using ExpectedRow = std::map<std::string, std::string>;

// Reads the expected.tsv at PATH (header line first, tab-separated).
inline std::vector<ExpectedRow> read_expected(const std::string& path) {
  std::ifstream in(path);
  std::string line;
  std::vector<std::string> header;
  std::vector<ExpectedRow> rows;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    auto cols = core::split(line, '\t');
    if (header.empty()) {
      for (auto c : cols) header.emplace_back(c);
      continue;
    }
    ExpectedRow row;
    for (size_t i = 0; i < header.size() && i < cols.size(); ++i) row[header[i]] = std::string(cols[i]);
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace cqc::test
