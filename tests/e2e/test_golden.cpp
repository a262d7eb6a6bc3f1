// Golden test: extraction + metadata on every sample document against the generator's truth.
#include <doctest/doctest.h>

#include "expected.hpp"
#include "indexer/extract.hpp"
#include "indexer/metadata.hpp"
#include "temp_dir.hpp"

using namespace cqc;

namespace {

std::string joined(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : ";") + s;
  return out;
}

std::string joined(const std::vector<indexer::ServiceRating>& v) {
  std::string out;
  for (const auto& r : v) out += (out.empty() ? "" : ";") + r.service + "=" + r.rating;
  return out;
}

struct Checked {
  std::string file;
  indexer::Metadata meta;
};

std::vector<std::pair<test::ExpectedRow, Checked>> extract_all() {
  std::vector<std::pair<test::ExpectedRow, Checked>> out;
  for (const auto& row : test::read_expected(CQC_SAMPLE_EXPECTED)) {
    const std::string path = std::string(CQC_SAMPLE_DIR) + "/" + row.at("file");
    const std::string mime = row.at("kind") == "report" ? "application/pdf" : "text/html";
    auto doc = indexer::extract(test::slurp(path), mime);
    REQUIRE_MESSAGE(doc, row.at("file") << ": " << (doc ? "" : doc.error()));
    out.push_back({row, {row.at("file"), indexer::extract_metadata(doc.value(), "https://sample.test/" + row.at("file"))}});
  }
  return out;
}

}  // namespace

TEST_CASE("golden: kind, trusts, ratings and dates of every sample document") {
  auto all = extract_all();
  REQUIRE(all.size() >= 35);
  for (const auto& [row, got] : all) {
    const auto& m = got.meta;
    INFO("file: " << got.file);
    CHECK(m.kind == row.at("kind"));
    CHECK(joined(m.trusts) == row.at("trusts"));
    CHECK(m.overall_rating == row.at("overall_rating"));
    CHECK(m.inspected_from.iso() == row.at("inspected"));
    CHECK(m.inspected_to.iso() == (row.at("inspected_end").empty() ? row.at("inspected") : row.at("inspected_end")));
    CHECK(m.published.iso() == row.at("published"));
    CHECK((m.year ? std::to_string(m.year) : "") == row.at("year"));
  }
}

TEST_CASE("golden: services and per-service ratings of every sample document") {
  for (const auto& [row, got] : extract_all()) {
    INFO("file: " << got.file);
    CHECK(joined(got.meta.services) == row.at("services"));
    CHECK(joined(got.meta.service_ratings) == row.at("service_ratings"));
  }
}
