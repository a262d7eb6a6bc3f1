// The sample corpus imported and indexed through the real binary, for end-to-end tests.
#pragma once
#include <string>
#include <vector>

#include "expected.hpp"
#include "run_cli.hpp"

namespace cqc::test {

inline const std::string kBase = "https://sample.cqc-archive.test/";

// A fresh data folder with the sample imported under kBase and indexed.
struct Archived {
  TempDir tmp;
  std::string data = tmp / "data";
  std::vector<ExpectedRow> expected = read_expected(CQC_SAMPLE_EXPECTED);
  CliRun import, index;
  Archived() {
    import = run_cli(tmp, data, {"import", "--json", "--base-url", kBase, CQC_SAMPLE_DIR});
    index = run_cli(tmp, data, {"index", "--json"});
  }
  CliRun cli(const std::vector<std::string>& args) { return run_cli(tmp, data, args); }
};

}  // namespace cqc::test
