// Private to core: the rows of the reference tables in data/*.tsv.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "core/text.hpp"

namespace cqc::core {

// Calls F with each row of TSV split on tabs; comments (#) and blank lines are skipped.
// Throws Error naming TABLE and the line when a row has fewer than MIN_COLS columns.
template <class F>
void for_each_row(std::string_view table, std::string_view tsv, size_t min_cols, F&& f) {
  size_t line_no = 0;
  for (std::string_view line : split(tsv, '\n')) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    std::vector<std::string_view> cols = split(line, '\t');
    if (cols.size() < min_cols)
      throw Error(std::string(table) + " line " + std::to_string(line_no) + ": expected " +
                  std::to_string(min_cols) + " tab-separated columns, found " +
                  std::to_string(cols.size()));
    f(cols, line_no);
  }
}

// The non-empty, trimmed items of a |-separated column.
inline std::vector<std::string> list_column(std::string_view col) {
  std::vector<std::string> out;
  for (std::string_view item : split(col, '|'))
    if (!trim(item).empty()) out.emplace_back(trim(item));
  return out;
}

}  // namespace cqc::core
