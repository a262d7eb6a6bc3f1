// Fuzz target "pdf": the indexer's PDF extractor (poppler-cpp) on a document served as
// application/pdf, then extract_metadata as run_job applies it (indexer/index_job.cpp).
// Input: the PDF bytes. A document poppler cannot read is a Failure with its reason; no
// exception is documented, so none is caught. Poppler itself is not instrumented: coverage
// guides only through our code, and sanitizers see poppler's heap through its allocations.
#include <string>

#include "indexer/extract.hpp"
#include "indexer/metadata.hpp"
#include "tests/fuzz/fuzz_target.hpp"

CQC_FUZZ_TARGET(pdf) {
  using namespace cqc;
  const std::string_view input = fuzz::bytes(data, size);
  auto doc = indexer::extract(input, "application/pdf");
  if (!doc) {
    CQC_FUZZ_CHECK(!doc.error().empty(), "a Failure without a reason");
    return 0;
  }
  for (const indexer::Page& p : doc->pages)
    CQC_FUZZ_CHECK(p.number >= 1 || doc->format != "pdf", "a PDF page numbered below 1");
  const indexer::Metadata meta =
      indexer::extract_metadata(doc.value(), "https://api.cqc.org.uk/public/v1/reports/fuzz");
  CQC_FUZZ_CHECK(meta.year >= 0 && meta.year <= 9999, "metadata year out of range");
  return 0;
}
