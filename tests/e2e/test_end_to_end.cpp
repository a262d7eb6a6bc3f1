// End to end through the real binary: import, index, search, verify, on the sample corpus.
#include <doctest/doctest.h>

#include <Poco/JSON/Parser.h>

#include <filesystem>
#include <map>
#include <set>

#include <xapian.h>

#include "archived.hpp"
#include "expected.hpp"
#include "indexer/indexer.hpp"
#include "run_cli.hpp"

using namespace cqc::test;
namespace fs = std::filesystem;

namespace {

std::set<std::string> hit_urls(const CliRun& r) {
  std::set<std::string> out;
  auto hits = r.json()->getArray("hits");
  for (size_t i = 0; i < hits->size(); ++i) out.insert(hits->getObject(static_cast<unsigned>(i))->getValue<std::string>("url"));
  return out;
}

}  // namespace

TEST_CASE("the sample corpus exists and is big enough") {
  auto rows = read_expected(CQC_SAMPLE_EXPECTED);
  CHECK(rows.size() >= 35);
}

TEST_CASE_FIXTURE(Archived, "import and index the sample; doing it again changes nothing") {
  const auto n = expected.size();
  REQUIRE(import.code == 0);
  CHECK(import.json()->getValue<std::uint64_t>("stored") == n);
  REQUIRE(index.code == 0);
  CHECK(index.json()->getValue<std::uint64_t>("indexed") == n);
  CHECK(index.json()->getValue<std::uint64_t>("failed") == 0);
  auto again = cli({"import", "--json", "--base-url", kBase, CQC_SAMPLE_DIR});
  CHECK(again.json()->getValue<std::uint64_t>("stored") == 0);
  CHECK(again.json()->getValue<std::uint64_t>("unchanged") == n);
  auto reindex = cli({"index", "--json"});
  CHECK(reindex.json()->getValue<std::uint64_t>("indexed") == 0);
  CHECK(reindex.json()->getValue<std::uint64_t>("unchanged") == n);
  CHECK(reindex.json()->getValue<std::uint64_t>("documents") == n);
  CHECK(cli({"verify"}).code == 0);
}

TEST_CASE_FIXTURE(Archived, "an index built by older extraction rules is rebuilt whole, once") {
  const auto n = expected.size();
  REQUIRE(index.code == 0);
  {
    Xapian::WritableDatabase db(data + "/index");
    CHECK(db.get_metadata(std::string(cqc::indexer::kVersionKey)) == cqc::indexer::kExtractionVersion);
    db.set_metadata(std::string(cqc::indexer::kVersionKey), "older rules");
    db.commit();
  }
  auto rebuild = cli({"index", "--json"});
  REQUIRE(rebuild.code == 0);
  CHECK(rebuild.json()->getValue<std::uint64_t>("indexed") == n);
  CHECK(rebuild.json()->getValue<std::uint64_t>("unchanged") == 0);
  CHECK(rebuild.json()->getValue<std::uint64_t>("documents") == n);
  auto again = cli({"index", "--json"});
  CHECK(again.json()->getValue<std::uint64_t>("indexed") == 0);
  CHECK(again.json()->getValue<std::uint64_t>("unchanged") == n);
}

TEST_CASE_FIXTURE(Archived, "search seclusion finds exactly the documents that mention it, per year") {
  auto r = cli({"search", "seclusion", "--json", "--limit", "1000"});
  REQUIRE(r.code == 0);
  std::set<std::string> want;
  std::map<std::string, std::uint64_t> want_years;
  for (const auto& row : expected) {
    if (row.at("seclusion") != "1") continue;
    want.insert(kBase + row.at("file"));
    if (!row.at("year").empty()) ++want_years[row.at("year")];
  }
  CHECK(want.size() >= 8);
  CHECK(hit_urls(r) == want);
  CHECK(r.json()->getValue<std::uint64_t>("total") == want.size());
  std::map<std::string, std::uint64_t> got_years;
  auto years = r.json()->getObject("facets")->getArray("year");
  for (size_t i = 0; i < years->size(); ++i) {
    auto v = years->getObject(static_cast<unsigned>(i));
    got_years[v->getValue<std::string>("value")] = v->getValue<std::uint64_t>("count");
  }
  CHECK(got_years == want_years);
  CHECK(want_years.size() >= 5);
}

TEST_CASE_FIXTURE(Archived, "filters narrow the match set; an empty query browses everything") {
  auto all = cli({"search", "--json", "--limit", "0"});
  CHECK(all.json()->getValue<std::uint64_t>("total") == expected.size());
  std::uint64_t lpt_reports = 0;
  for (const auto& row : expected)
    if (row.at("kind") == "report" && row.at("trusts").rfind("RT5", 0) == 0) ++lpt_reports;
  auto r = cli({"search", "--json", "--trust", "LPT", "--kind", "report", "--limit", "100"});
  CHECK(r.json()->getValue<std::uint64_t>("total") == lpt_reports);
  auto human = cli({"search", "seclusion", "--year", "2019"});
  CHECK(human.code == 0);
  CHECK(human.out.find("[seclusion]") != std::string::npos);
  CHECK(human.out.find("year  matching documents") != std::string::npos);
}

TEST_CASE_FIXTURE(Archived, "rating filters as the CQC gives them, filters under NOT and OR, did you mean") {
  auto total = [&](std::vector<std::string> args) {
    args.insert(args.begin(), "search");
    args.insert(args.end(), {"--json", "--limit", "100"});
    auto r = cli(args);
    INFO(r.err);
    REQUIRE(r.code == 0);
    return r.json();
  };
  auto all = total({});
  auto overall = all->getObject("facets")->getArray("overall");
  REQUIRE(overall->size() >= 2);
  for (unsigned i = 0; i < overall->size(); ++i) {
    const std::string rating = overall->getObject(i)->getValue<std::string>("value");
    const auto count = overall->getObject(i)->getValue<std::uint64_t>("count");
    auto by_option = total({"--overall", rating});
    CHECK(by_option->getValue<std::uint64_t>("total") == count);
    CHECK(total({"overall:" + rating})->getValue<std::uint64_t>("total") == count);
    auto hits = by_option->getArray("hits");
    for (unsigned h = 0; h < hits->size(); ++h)
      CHECK(hits->getObject(h)->getValue<std::string>("overall_rating") == rating);
  }
  // "rating:" is any rating in the document, so it finds at least what "overall:" finds.
  CHECK(total({"rating:inadequate"})->getValue<std::uint64_t>("total") >=
        total({"overall:inadequate"})->getValue<std::uint64_t>("total"));
  auto rated = total({"--service-rating", "acute wards:inadequate"});
  auto hits = rated->getArray("hits");
  REQUIRE(hits->size() > 0);
  for (unsigned h = 0; h < hits->size(); ++h) {
    bool found = false;
    auto list = hits->getObject(h)->getArray("service_ratings");
    for (unsigned k = 0; k < list->size(); ++k)
      found = found || (list->getObject(k)->getValue<std::string>("service") == "acute-wards-picu" &&
                        list->getObject(k)->getValue<std::string>("rating") == "inadequate");
    CHECK(found);
  }
  const auto seclusion = total({"seclusion"})->getValue<std::uint64_t>("total");
  const auto in_rmy = total({"seclusion", "trust:RMY"})->getValue<std::uint64_t>("total");
  CHECK(total({"seclusion", "NOT", "trust:RMY"})->getValue<std::uint64_t>("total") == seclusion - in_rmy);
  CHECK(total({"seclusion -trust:RMY"})->getValue<std::uint64_t>("total") == seclusion - in_rmy);
  CHECK(total({"trust:RMY OR trust:RT5"})->getValue<std::uint64_t>("total") ==
        total({"--trust", "RMY", "--trust", "RT5"})->getValue<std::uint64_t>("total"));
  CHECK(total({"seclsuion"})->getValue<std::string>("did_you_mean") == "seclusion");
  auto suggested = cli({"search", "seclsuion"});
  CHECK(suggested.out.find("Did you mean: seclusion") != std::string::npos);
  auto unknown = cli({"search", "titel:seclusion"});
  CHECK(unknown.code == 2);
  CHECK(unknown.err.find("did you mean 'title:'") != std::string::npos);
  auto trend = cli({"trend", "seclusion", "--by", "overall", "--json"});
  REQUIRE(trend.code == 0);
  std::uint64_t in_buckets = 0;
  const auto buckets = trend.json()->getArray("buckets");
  for (unsigned i = 0; i < buckets->size(); ++i) in_buckets += buckets->getObject(i)->getValue<std::uint64_t>("matching");
  CHECK(in_buckets <= seclusion);  // one overall rating per document at most
  CHECK(in_buckets > 0);
}

TEST_CASE_FIXTURE(Archived, "a configuration file gives options their defaults; the command line wins") {
  const std::string file = tmp.write("config.ini", "data = " + data + "\n[search]\nlimit = 1\nsort = newest\n");
  auto r = run_cli(tmp, "", {"--config", file, "search", "seclusion", "--json"});
  INFO(r.err);
  REQUIRE(r.code == 0);
  CHECK(r.json()->getArray("hits")->size() == 1);  // [search] limit, and data from the top level
  auto wider = run_cli(tmp, "", {"--config", file, "search", "seclusion", "--json", "--limit", "3"});
  CHECK(wider.json()->getArray("hits")->size() == 3);
  auto shown = run_cli(tmp, "", {"config", "--config", file, "--json"});
  REQUIRE(shown.code == 0);
  CHECK(shown.json()->getArray("files")->getElement<std::string>(0) == file);
  CHECK(shown.json()->getObject("data")->getValue<std::string>("value") == data);
  CHECK(shown.json()->getObject("data")->getValue<std::string>("from") == file);
  CHECK(shown.json()->getArray("values")->size() == 3);
  const std::string bad = tmp.write("bad.ini", "[search]\nlimt = 1\n");
  auto refused = run_cli(tmp, data, {"--config", bad, "search", "x"});
  CHECK(refused.code == 2);
  CHECK(refused.err.find(bad + ": [search] limt is not an option of search") != std::string::npos);
  CHECK(run_cli(tmp, data, {"--config", tmp / "missing.ini", "search", "x"}).code == 2);
  // Comments, spacing and case as Poco's IniFileConfiguration took them; a repeated key: the last wins.
  const std::string styled =
      tmp.write("styled.ini", "; a comment\n# another\n  data =  " + data + "  \n[Search] ; text after ] ignored\n  limit = 5\n  Limit=2\n");
  auto loose = run_cli(tmp, "", {"--config", styled, "search", "seclusion", "--json"});
  INFO(loose.err);
  REQUIRE(loose.code == 0);
  CHECK(loose.json()->getArray("hits")->size() == 2);
  const std::string unclosed = tmp.write("unclosed.ini", "limit = 1\n[search\n");
  auto broken = run_cli(tmp, data, {"--config", unclosed, "search", "x"});
  CHECK(broken.code == 2);
  CHECK(broken.err.find(unclosed + " line 2: '[search' has no closing ]") != std::string::npos);
}

TEST_CASE_FIXTURE(Archived, "bad queries exit 2 with a message; no match exits 0") {
  auto bad = cli({"search", "trust:NOPE"});
  CHECK(bad.code == 2);
  CHECK(bad.err.find("unknown trust 'NOPE'") != std::string::npos);
  CHECK(cli({"search", "--limit", "lots"}).code == 2);
  CHECK(cli({"search", "--frobnicate"}).err.find("--frobnicate") != std::string::npos);
  auto none = cli({"search", "xylophone", "--json"});
  CHECK(none.code == 0);
  CHECK(none.json()->getValue<std::uint64_t>("total") == 0);
}

TEST_CASE("a corrupt PDF is skipped with its reason; a page not in UTF-8 is decoded and indexed") {
  TempDir tmp;
  const std::string data = tmp / "data";
  tmp.write("in/good.html", "<html><head><title>Good page</title></head><body><p>Ward staff were kind.</p></body></html>");
  tmp.write("in/broken.pdf", "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer garbage");
  tmp.write("in/latin1.html", "<html><body><p>Caf\xe9 on the ward</p></body></html>");
  REQUIRE(run_cli(tmp, data, {"import", tmp / "in"}).code == 0);
  auto r = run_cli(tmp, data, {"index", "--json"});
  CHECK(r.code == 0);
  CHECK(r.json()->getValue<std::uint64_t>("indexed") == 2);
  CHECK(r.json()->getValue<std::uint64_t>("failed") == 1);
  CHECK(r.err.find("broken.pdf") != std::string::npos);
  CHECK(r.err.find("latin1.html") == std::string::npos);
  auto again = run_cli(tmp, data, {"index", "--json"});
  CHECK(again.json()->getValue<std::uint64_t>("previously_failed") == 1);
  CHECK(again.json()->getValue<std::uint64_t>("failed") == 0);
  auto cafe = run_cli(tmp, data, {"search", "caf\xc3\xa9", "--json"});
  CHECK(cafe.json()->getValue<std::uint64_t>("total") == 1);
}

TEST_CASE("verify names a tampered record and exits 1") {
  TempDir tmp;
  const std::string data = tmp / "data";
  tmp.write("in/a.html", "<html><body><p>" + std::string(4000, 'a') + "</p></body></html>");
  REQUIRE(run_cli(tmp, data, {"import", tmp / "in"}).code == 0);
  std::string warc;
  for (const auto& e : fs::directory_iterator(data + "/archive"))
    if (e.path().string().ends_with(".warc.gz")) warc = e.path().string();
  REQUIRE(!warc.empty());
  std::string bytes = slurp(warc);
  bytes[bytes.size() - 12] ^= 0x55;  // inside the last record's gzip data
  std::ofstream(warc, std::ios::binary | std::ios::trunc) << bytes;
  auto r = run_cli(tmp, data, {"verify"});
  CHECK(r.code == 1);
  CHECK(r.err.find("BAD <urn:uuid:") != std::string::npos);
  CHECK(r.err.find("a.html") != std::string::npos);
}

TEST_CASE("every command has --help; unknown commands exit 2") {
  TempDir tmp;
  for (const char* cmd : {"import", "verify", "index", "search"}) {
    auto r = run_cli(tmp, "", {cmd, "--help"});
    CHECK_MESSAGE(r.code == 0, cmd);
    CHECK_MESSAGE(r.out.find("Usage: cqc-archive") != std::string::npos, cmd);
  }
  CHECK(run_cli(tmp, "", {"--help"}).code == 0);
  CHECK(run_cli(tmp, "", {"frobnicate"}).code == 2);
}

TEST_CASE_FIXTURE(Archived, "command-line conventions: help CMD, global options first, suggestions, JSON errors, colour") {
  // help COMMAND is COMMAND --help, for every command of the table.
  for (const char* cmd : {"import", "verify", "fetch", "refresh", "history", "index", "search", "trust", "trend", "watch",
                          "export", "serve"}) {
    auto help = run_cli(tmp, "", {"help", cmd});
    CHECK_MESSAGE(help.code == 0, cmd);
    CHECK_MESSAGE(help.out == run_cli(tmp, "", {cmd, "--help"}).out, cmd);
  }
  // Global options before the command.
  auto first = run_cli(tmp, "", {"--data", data, "search", "seclusion", "--json", "--limit", "0"});
  REQUIRE(first.code == 0);
  CHECK(first.json()->getValue<std::uint64_t>("total") == cli({"search", "seclusion", "--json", "--limit", "0"}).json()->getValue<std::uint64_t>("total"));
  // Suggestions for commands and options.
  auto typo = run_cli(tmp, "", {"serch", "x"});
  CHECK(typo.code == 2);
  CHECK(typo.err.find("did you mean 'search'") != std::string::npos);
  auto option = cli({"search", "--trsut", "RT5"});
  CHECK(option.code == 2);
  CHECK(option.err.find("did you mean --trust?") != std::string::npos);
  // Errors as JSON under --json; an option that would do nothing is refused.
  auto bad = cli({"search", "trust:NOPE", "--json"});
  CHECK(bad.code == 2);
  Poco::JSON::Parser parser;
  auto err = parser.parse(bad.err).extract<Poco::JSON::Object::Ptr>();
  CHECK(err->getValue<std::string>("command") == "search");
  CHECK(err->getValue<int>("exit_code") == 2);
  CHECK(err->getValue<std::string>("error").find("unknown trust 'NOPE'") != std::string::npos);
  CHECK(cli({"serve", "--json"}).code == 2);
  // Colour: never on a pipe unless asked; NO_COLOR does not override --color=always.
  CHECK(cli({"search", "seclusion", "--limit", "1"}).out.find("\033[") == std::string::npos);
  CHECK(cli({"search", "seclusion", "--limit", "1", "--color=always"}).out.find("\033[") != std::string::npos);
  CHECK(cli({"search", "seclusion", "--color", "sometimes"}).code == 2);
  // Singular and plural.
  CHECK(cli({"history", kBase + "news/rmy-2015-special-measures.html"}).out.find("1 capture of") != std::string::npos);
  // Completion scripts and the manual page come from the same table.
  auto bash = run_cli(tmp, "", {"completion", "bash"});
  REQUIRE(bash.code == 0);
  CHECK(bash.out.find("--key-question") != std::string::npos);
  CHECK(std::system(("bash -n " + shell_quote(tmp / "out.txt")).c_str()) == 0);
  CHECK(run_cli(tmp, "", {"completion", "zsh"}).out.rfind("#compdef cqc-archive", 0) == 0);
  CHECK(run_cli(tmp, "", {"completion", "fish"}).code == 2);
  auto man = run_cli(tmp, "", {"help", "--man"});
  CHECK(man.out.rfind(".TH CQC\\-ARCHIVE 1", 0) == 0);
  CHECK(man.out.find(".SS \"watch add NAME") != std::string::npos);
  // Log lines as JSON objects.
  auto logged = cli({"index", "--verbose", "--rebuild", "--log-format", "json"});
  REQUIRE(logged.code == 0);
  const std::string line = logged.err.substr(0, logged.err.find('\n'));
  auto event = parser.parse(line).extract<Poco::JSON::Object::Ptr>();
  CHECK(event->getValue<std::string>("command") == "index");
  CHECK(event->getValue<std::string>("event") == "indexed");
  CHECK(event->getValue<std::string>("subject").rfind(kBase, 0) == 0);
}

TEST_CASE("CQC_ARCHIVE_HOME chooses the data folder") {
  TempDir tmp;
  tmp.write("in/x.html", "<html><body><p>x</p></body></html>");
  setenv("CQC_ARCHIVE_HOME", (tmp / "home").c_str(), 1);
  auto r = run_cli(tmp, "", {"import", tmp / "in"});
  unsetenv("CQC_ARCHIVE_HOME");
  CHECK(r.code == 0);
  CHECK(fs::exists(tmp / "home/archive/catalog.db"));
}

TEST_CASE_FIXTURE(Archived, "trust shows a trust's inspections over time with the documents behind each") {
  auto r = cli({"trust", "LPT", "--json"});
  REQUIRE(r.code == 0);
  auto o = r.json();
  CHECK(o->getObject("trust")->getValue<std::string>("code") == "RT5");
  auto inspections = o->getArray("inspections");
  std::set<std::string> starts, urls;
  std::string previous;
  for (size_t i = 0; i < inspections->size(); ++i) {
    auto in = inspections->getObject(static_cast<unsigned>(i));
    const std::string start = in->optValue<std::string>("inspected", "");
    CHECK(start >= previous);  // oldest first
    previous = start;
    starts.insert(start);
    auto docs = in->getArray("documents");
    for (size_t d = 0; d < docs->size(); ++d)
      urls.insert(docs->getObject(static_cast<unsigned>(d))->getValue<std::string>("url"));
  }
  // Every report about the trust is an inspection with its visit date, and every document
  // about the trust is listed under some inspection.
  for (const auto& row : expected) {
    if (row.at("trusts").rfind("RT5", 0) != 0) continue;
    CHECK_MESSAGE(urls.count(kBase + row.at("file")), row.at("file"));
    if (row.at("kind") == "report") CHECK_MESSAGE(starts.count(row.at("inspected")), row.at("file"));
  }
  auto unknown = cli({"trust", "Hogwarts"});
  CHECK(unknown.code == 2);
  CHECK(unknown.err.find("Hogwarts") != std::string::npos);
}
