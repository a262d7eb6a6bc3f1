// Precision and recall per metadata field over a labelled document set (issue 4).
//
// Definitions (also in docs/metadata.md):
// - A set-valued field (trusts, mentioned trusts, services, service ratings, key-question
//   ratings, rating) is scored over (document, value) pairs: a predicted pair is correct when
//   the document's label holds the same value.
// - A single-valued field (overall rating, inspected, published, year) is scored per document:
//   a prediction counts as correct only when it equals the label exactly (an inspection range
//   must match at both ends and at the same precision); "unknown" predicted is no prediction.
// - precision = correct / predicted, recall = correct / labelled. So guessing a wrong year
//   lowers precision, saying "unknown" lowers recall. With nothing predicted (or nothing
//   labelled) the figure is 1.
#pragma once
#include <iosfwd>
#include <string>
#include <vector>

namespace cqc::eval {

struct Score {
  std::string field;
  int correct = 0;
  int predicted = 0;
  int labelled = 0;
  std::vector<std::string> errors;  // "file: predicted X, labelled Y"

  // correct / predicted (1 when nothing was predicted).
  double precision() const;
  // correct / labelled (1 when nothing was labelled).
  double recall() const;
  // Scores one document's set of values.
  void add_set(const std::string& file, const std::vector<std::string>& predicted_values,
               const std::vector<std::string>& labelled_values);
  // Scores one document's single value ("" = unknown / not stated).
  void add_one(const std::string& file, const std::string& predicted_value,
               const std::string& labelled_value);
};

// Splits "a;b;c" into its non-empty items.
std::vector<std::string> split_list(const std::string& text);

// Prints the table: field, correct, predicted, labelled, precision, recall.
void print_table(std::ostream& out, const std::vector<Score>& scores);

}  // namespace cqc::eval
