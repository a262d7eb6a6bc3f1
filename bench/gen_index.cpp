// cqc-bench-gen-index SAMPLE_DIR INDEX_DIR [DOCUMENTS] [SEED]: writes a synthetic Xapian index
// of DOCUMENTS (default 100000) documents with the indexer's own build_document, for the
// server benchmark (bench/serve.sh). Text is drawn from the sample corpus' sentences; trusts,
// services and ratings from the gazetteer; dates uniformly from 2014 to 2025.
#include <xapian.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "core/gazetteer.hpp"
#include "core/schema.hpp"
#include "indexer/document_builder.hpp"
#include "indexer/extract.hpp"

namespace fs = std::filesystem;
using namespace cqc;

namespace {

// Every sentence (". "-separated, 40+ bytes) of every document in DIR.
std::vector<std::string> sentences(const std::string& dir) {
  std::vector<std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (!e.is_regular_file()) continue;
    std::ifstream in(e.path(), std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const bool pdf = e.path().extension() == ".pdf";
    auto doc = indexer::extract(bytes, pdf ? "application/pdf" : "text/html");
    if (!doc) continue;
    for (const auto& page : doc->pages) {
      size_t start = 0;
      while (start < page.text.size()) {
        size_t end = page.text.find(". ", start);
        if (end == std::string::npos) end = page.text.size();
        std::string s = page.text.substr(start, end - start + 1);
        for (char& c : s)
          if (c == '\n') c = ' ';
        if (s.size() >= 40) out.push_back(s);
        start = end + 2;
      }
    }
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: cqc-bench-gen-index SAMPLE_DIR INDEX_DIR [DOCUMENTS] [SEED]\n");
    return 2;
  }
  const unsigned n = argc > 3 ? static_cast<unsigned>(std::stoul(argv[3])) : 100000;
  std::mt19937 rng(argc > 4 ? static_cast<unsigned>(std::stoul(argv[4])) : 42);
  const auto text = sentences(argv[1]);
  if (text.empty()) {
    std::fprintf(stderr, "no sentences found in %s\n", argv[1]);
    return 1;
  }
  const auto& g = core::Gazetteer::builtin();
  auto pick = [&](std::size_t size) { return std::uniform_int_distribution<std::size_t>(0, size - 1)(rng); };
  auto between = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  Xapian::WritableDatabase db(argv[2], Xapian::DB_CREATE_OR_OVERWRITE);
  for (unsigned i = 0; i < n; ++i) {
    const bool report = between(0, 99) < 35;
    const core::Trust& trust = g.trusts()[pick(g.trusts().size())];
    archive::Capture c;
    c.id = i + 1;
    c.uri = "https://bench.cqc-archive.test/" + std::string(report ? "reports/" : "news/") + std::to_string(i);
    c.mime = report ? "application/pdf" : "text/html";
    c.digest = "sha1:BENCH" + std::to_string(i);
    c.time = "2026-01-01T00:00:00Z";
    indexer::Extraction doc;
    doc.format = report ? "pdf" : "html";
    const int pages = report ? between(2, 4) : 1;
    for (int p = 0; p < pages; ++p) {
      indexer::Page page{report ? p + 1 : 0, ""};
      for (int k = between(5, 12); k > 0; --k) page.text += text[pick(text.size())] + " ";
      doc.pages.push_back(std::move(page));
    }
    indexer::Metadata m;
    m.kind = report ? "report" : "press";
    m.trusts = {trust.code};
    for (int k = between(report ? 1 : 0, 3); k > 0; --k) m.services.push_back(g.services()[pick(g.services().size())].id);
    const int year = between(2014, 2025);
    m.published = core::Date{year, between(1, 12), between(1, 28)};
    if (report || between(0, 1)) {
      m.inspected_from = core::Date{year, m.published.month, 1};
      m.inspected_to = m.inspected_from;
      m.overall_rating = g.ratings()[pick(g.ratings().size())].id;
      m.ratings = {m.overall_rating};
      for (const auto& s : m.services) {
        const std::string r = g.ratings()[pick(g.ratings().size())].id;
        m.service_ratings.push_back({s, r});
        if (std::find(m.ratings.begin(), m.ratings.end(), r) == m.ratings.end()) m.ratings.push_back(r);
      }
    }
    m.year = year;
    doc.title = report ? trust.name + " Inspection report" : doc.pages[0].text.substr(0, 70);
    const std::string id = std::string(schema::kUniqueId) + schema::document_id(c.uri);
    db.replace_document(id, indexer::build_document(c, doc, m));
    if ((i + 1) % 10000 == 0) {
      db.commit();
      std::fprintf(stderr, "%u documents\n", i + 1);
    }
  }
  db.commit();
  std::printf("%u documents from %zu sample sentences in %s\n", n, text.size(), argv[2]);
  return 0;
}
