// Citations (search/citation.hpp): BibTeX that LaTeX reads whatever the title holds, CSL-JSON
// dates at the precision known, and the evidence in every format.
#include <doctest/doctest.h>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>

#include "search/citation.hpp"

using namespace cqc;

namespace {

search::Citation sample() {
  search::Citation c;
  c.id = "0123456789abcdef";
  c.title = "Ward 5 {draft} 100% #1 & co_op $x\\y";
  c.trusts = {"Example NHS Trust"};
  c.kind = "press";
  c.published = "2019-03";
  c.url = "https://news.example/ward-5";
  c.captured = "2026-12-02T00:44:43Z";
  c.capture = 7;
  c.sha256 = "ab12";
  c.sha1 = "sha1:XYZ";
  c.warc_file = "cqc-1.warc.gz";
  c.record_id = "<urn:uuid:1>";
  c.permalink = "http://h/documents/0123456789abcdef/original?capture=7";
  return c;
}

}  // namespace

TEST_CASE("citation: BibTeX escapes every special character of the title") {
  const std::string bib = search::cite_bibtex(sample());
  CHECK(bib.rfind("@misc{cqc-0123456789abcdef-7,", 0) == 0);
  CHECK(bib.find(R"(Ward 5 \{draft\} 100\% \#1 \& co\_op \$x\\y)") != std::string::npos);
  CHECK(bib.find("organization = {{news.example}}") != std::string::npos);  // not the CQC's
  CHECK(bib.find("year = {2019}") != std::string::npos);
  CHECK(bib.find("SHA-256 ab12") != std::string::npos);
}

TEST_CASE("citation: CSL-JSON keeps the date's precision; text names the evidence") {
  Poco::JSON::Parser parser;
  auto item = parser.parse(search::cite_csl_json(sample())).extract<Poco::JSON::Array::Ptr>()->getObject(0);
  CHECK(item->getValue<std::string>("type") == "article-newspaper");
  auto issued = item->getObject("issued")->getArray("date-parts")->getArray(0);
  REQUIRE(issued->size() == 2);  // year and month: no day invented
  CHECK(issued->getElement<int>(0) == 2019);
  CHECK(issued->getElement<int>(1) == 3);
  CHECK(item->getValue<std::string>("title") == sample().title);  // JSON needs no TeX escaping
  const std::string text = search::cite_text(sample());
  for (const char* part : {"Example NHS Trust.", "news.example, published 2019-03", "capture 7", "<urn:uuid:1>",
                           "SHA-256 ab12", "sha1:XYZ", "original?capture=7"})
    CHECK_MESSAGE(text.find(part) != std::string::npos, part);
}
