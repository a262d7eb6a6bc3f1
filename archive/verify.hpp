// `verify`: re-reading every archived record and checking it against its digests.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "archive/archive.hpp"
#include "archive/importer.hpp"

namespace cqc::archive {

struct VerifyProblem {
  Capture capture;   // the capture whose record failed
  std::string what;  // what is wrong, naming the WARC file and offset
};

struct VerifyReport {
  std::uint64_t checked = 0;
  std::uint64_t bytes = 0;  // payload bytes re-read
  std::vector<VerifyProblem> problems;
};

// Reads every catalogued record and checks: the record parses, its WARC-Record-ID and
// Target-URI match the catalog, WARC-Block-Digest matches the block, and the payload
// digest matches the catalog. Never throws for a bad record; it is reported instead.
VerifyReport verify(const Archive& archive, const ProgressFn& progress = {});

}  // namespace cqc::archive
