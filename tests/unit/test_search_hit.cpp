// A hit's fields read from the metadata JSON the indexer stores, by parser events.
#include <doctest/doctest.h>

#include "core/date.hpp"
#include "core/error.hpp"
#include "core/schema.hpp"
#include "indexer/document_builder.hpp"
#include "search/hit.hpp"
#include "search/document_data.hpp"

using namespace cqc;

TEST_CASE("hit from metadata: every field the indexer writes comes back") {
  archive::Capture c;
  c.id = 7;
  c.uri = "https://cqc.example/reports/ward.pdf";
  c.mime = "application/pdf";
  c.digest = "sha1:ABC";
  indexer::Extraction e;
  e.format = "pdf";
  e.title = "Inspection report";
  e.pages.push_back({1, "Seclusion was reviewed."});
  indexer::Metadata m;
  m.kind = "report";
  m.location = "Ward 3";
  m.location_id = "1-116913456";
  m.trusts = {"RT5"};
  m.mentioned_trusts = {"RMY"};
  m.services = {"acute-wards-picu"};
  m.ratings = {"inadequate", "good"};
  m.overall_rating = "inadequate";
  m.service_ratings = {{"acute-wards-picu", "inadequate"}, {"not-a-service", "good"}};
  m.key_question_ratings = {{"safe", "inadequate"}, {"caring", "good"}};
  m.inspected_from = *core::parse_iso_date("2019-03-04");
  m.inspected_to = *core::parse_iso_date("2019-03-06");
  m.published = *core::parse_iso_date("2019-05-01");
  m.year = 2019;
  m.provenance = {{"trust", "cover page"}, {"overall", "ratings table"}};
  m.versions = {{7, "2019-05-02T00:00:00Z", "sha1:ABC", std::nullopt}, {9, "2020-01-01T00:00:00Z", "sha1:DEF", true}};
  indexer::SourceState gone;
  gone.removed_status = 410;
  gone.removed_since = "2021-01-01T00:00:00Z";
  const schema::DocumentData data = search::stored_document(indexer::build_document(c, e, m, gone));
  const search::Hit h = search::hit_from_metadata(data.metadata());
  CHECK(h.id == schema::document_id(c.uri));
  CHECK(h.title == "Inspection report — Ward 3");
  CHECK(h.url == c.uri);
  CHECK(h.kind == "report");
  CHECK(h.location == "Ward 3");
  CHECK(h.location_id == "1-116913456");
  CHECK(h.trusts == std::vector<std::string>{"RT5"});
  REQUIRE(h.trust_names.size() == 1);
  CHECK(h.trust_names[0] != "RT5");  // the gazetteer's name
  CHECK(h.mentioned_trusts == std::vector<std::string>{"RMY"});
  CHECK(h.services == std::vector<std::string>{"acute-wards-picu"});
  CHECK(h.ratings == std::vector<std::string>{"inadequate", "good"});
  CHECK(h.overall_rating == "inadequate");
  REQUIRE(h.service_ratings.size() == 2);
  CHECK(h.service_ratings[0].service == "acute-wards-picu");
  CHECK(h.service_ratings[0].name != "acute-wards-picu");
  CHECK(h.service_ratings[0].rating == "inadequate");
  CHECK(h.service_ratings[0].rating_name == "Inadequate");
  CHECK(h.service_ratings[1].name == "not-a-service");  // unknown ids shown as they are
  REQUIRE(h.key_question_ratings.size() == 2);
  CHECK(h.key_question_ratings[1] == std::pair<std::string, std::string>{"caring", "good"});
  CHECK(h.inspected == "2019-03-04");
  CHECK(h.inspected_end == "2019-03-06");
  CHECK(h.published == "2019-05-01");
  CHECK(h.year == 2019);
  CHECK(h.provenance.at("trust") == "cover page");
  CHECK(h.provenance.size() == 2);
  CHECK(h.removed_status == 410);
  CHECK(h.removed_since == "2021-01-01T00:00:00Z");
}

TEST_CASE("hit from metadata: unknown keys and nesting are skipped, faults named") {
  const auto h = search::hit_from_metadata(
      R"({"extra":{"trusts":["X"],"id":"no"},"id":"abc","title":"T","uri":"u","kind":"press",)"
      R"("list":[[{"year":1}],"s"],"trusts":["RT5"],"year":2020,"location":null})");
  CHECK(h.id == "abc");
  CHECK(h.trusts == std::vector<std::string>{"RT5"});
  CHECK(h.year == 2020);
  CHECK(h.location.empty());
  auto fault = [](const std::string& json) -> std::string {
    try {
      search::hit_from_metadata(json);
    } catch (const core::Error& e) {
      return e.what();
    }
    return "";
  };
  CHECK(fault(R"(["id"])").find("not a JSON object") != std::string::npos);
  CHECK(fault(R"({"title":"T","uri":"u","kind":"k"})").find("no \"id\"") != std::string::npos);
  CHECK(fault(R"({"id":"a","title":"T","uri":"u","kind":"k","service_ratings":[{"service":"x"}]})")
            .find("incomplete entry in \"service_ratings\"") != std::string::npos);
  CHECK(fault(R"({"id":"a",)").find("not readable") != std::string::npos);
}
