// cqc-bench-gen-index [options] SAMPLE_DIR INDEX_DIR [DOCUMENTS] [SEED]: writes a generated
// Xapian index of DOCUMENTS (default 100000) documents with the indexer's own build_document,
// so the layout is the product's. Realistic text (bench/gen_text.hpp): words Zipfian over a
// vocabulary ranked by real word frequencies (--vocab DIR, default SAMPLE_DIR), a quarter real
// sentences from SAMPLE_DIR. Inspection reports (--reports PERCENT, default 10) have 20-120
// pages of 250-450 words; news items one page of 300-1,500 words. Trusts, services, ratings
// from the gazetteer; years 2014-2025. Commits every --commit-mb MB of text (default 32), so
// memory stays flat. Prints a table at --checkpoints points (documents, seconds, docs/s and
// words/s since the previous point, CPU seconds, peak RSS, index size) and a final RESULT line.
// --shards N writes N shard databases and Xapian's stub, as `cqc-archive index --shards N`
// lays them out: document I (docid I + 1 wherever it lives) goes to the shard
// indexer::shard_of picks for its id; --threads T writes the shards on T threads. Each document
// is drawn from its own generator seeded by SEED and I, so the same documents are made
// whatever the shard and thread counts.
#include <sys/resource.h>
#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <mutex>
#include <random>
#include <thread>
#include <string>
#include <vector>

#include "bench/gen_text.hpp"
#include "core/gazetteer.hpp"
#include "core/schema.hpp"
#include "indexer/document_builder.hpp"
#include "indexer/shards.hpp"

namespace fs = std::filesystem;
using namespace cqc;

namespace {

struct Options {
  std::string sample, index, vocab;
  unsigned documents = 100000, seed = 42, reports = 10, commit_mb = 32, checkpoints = 10, shards = 1, threads = 1;
  std::size_t vocabulary = 500000;
  double real_share = 0.25;
};

const char* const kUsage =
    "usage: cqc-bench-gen-index [--vocab DIR] [--reports PERCENT] [--commit-mb N] [--vocabulary N]\n"
    "                           [--real-share F] [--checkpoints N] [--shards N] [--threads T]\n"
    "                           SAMPLE_DIR INDEX_DIR [DOCUMENTS] [SEED]\n";

double peak_rss_mb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_maxrss) / 1024.0;
}

double cpu_seconds() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

double folder_mb(const std::string& dir) {
  std::uintmax_t total = 0;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file()) total += e.file_size();
  return static_cast<double>(total) / 1e6;
}

// The source URI of generated document I.
std::string document_uri(unsigned i) { return "https://bench.cqc-archive.test/doc/" + std::to_string(i); }

// Parses ARGV into OPTIONS; returns false (after printing why) on bad usage.
bool parse(int argc, char** argv, Options& o) {
  std::vector<std::string> pos;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) throw std::invalid_argument(a + " needs a value");
      return argv[++i];
    };
    if (a == "--vocab") o.vocab = value();
    else if (a == "--reports") o.reports = static_cast<unsigned>(std::stoul(value()));
    else if (a == "--commit-mb") o.commit_mb = static_cast<unsigned>(std::stoul(value()));
    else if (a == "--vocabulary") o.vocabulary = std::stoul(value());
    else if (a == "--real-share") o.real_share = std::stod(value());
    else if (a == "--checkpoints") o.checkpoints = static_cast<unsigned>(std::stoul(value()));
    else if (a == "--shards") o.shards = static_cast<unsigned>(std::stoul(value()));
    else if (a == "--threads") o.threads = static_cast<unsigned>(std::stoul(value()));
    else if (a.rfind("--", 0) == 0) throw std::invalid_argument("unknown option " + a);
    else pos.push_back(a);
  }
  if (pos.size() < 2 || pos.size() > 4) throw std::invalid_argument("want SAMPLE_DIR INDEX_DIR [DOCUMENTS] [SEED]");
  o.sample = pos[0];
  o.index = pos[1];
  if (pos.size() > 2) o.documents = static_cast<unsigned>(std::stoul(pos[2]));
  if (pos.size() > 3) o.seed = static_cast<unsigned>(std::stoul(pos[3]));
  if (o.vocab.empty()) o.vocab = o.sample;
  for (const auto& d : {o.sample, o.vocab})
    if (!fs::is_directory(d)) throw std::invalid_argument("no folder " + d);
  if (o.reports > 100 || o.commit_mb == 0 || o.checkpoints == 0 || o.documents == 0)
    throw std::invalid_argument("--reports is 0-100; --commit-mb, --checkpoints and DOCUMENTS at least 1");
  if (o.shards == 0 || o.shards > indexer::kMaxShards || o.threads == 0)
    throw std::invalid_argument("--shards is 1-" + std::to_string(indexer::kMaxShards) + "; --threads at least 1");
  o.threads = std::min(o.threads, o.shards);
  return true;
}

// Document I of the generated collection, drawn from its own generator; WORDS gets its
// number of words, BYTES its text's size.
Xapian::Document make_document(unsigned i, const Options& o, const bench::TextModel& text, std::size_t& words,
                               std::size_t& bytes) {
  std::mt19937 rng(o.seed * 2654435761u + i);
  const auto& g = core::Gazetteer::builtin();
  auto pick = [&](std::size_t size) { return std::uniform_int_distribution<std::size_t>(0, size - 1)(rng); };
  auto between = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  static const char* const news_kinds[] = {"cqc-press", "trust-news", "press"};
  const bool report = between(0, 99) < static_cast<int>(o.reports);
  const core::Trust& trust = g.trusts()[pick(g.trusts().size())];
  archive::Capture c;
  c.id = i + 1;
  c.uri = document_uri(i);
  c.mime = report ? "application/pdf" : "text/html";
  c.digest = "sha1:BENCH" + std::to_string(i);
  c.time = "2026-01-01T00:00:00Z";
  indexer::Extraction doc;
  doc.format = report ? "pdf" : "html";
  const int pages = report ? between(20, 120) : 1;
  words = bytes = 0;
  for (int p = 0; p < pages; ++p) {
    indexer::Page page{report ? p + 1 : 0, ""};
    words += text.append(page.text, static_cast<std::size_t>(report ? between(250, 450) : between(300, 1500)), rng);
    bytes += page.text.size();
    doc.pages.push_back(std::move(page));
  }
  indexer::Metadata m;
  m.kind = report ? "report" : news_kinds[pick(3)];
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
  return indexer::build_document(c, doc, m);
}

// Progress shared by the writer threads: the table's rows at the checkpoints.
class Progress {
 public:
  explicit Progress(const Options& o) : o_(o), t0_(std::chrono::steady_clock::now()) {
    std::printf("%10s %9s %9s %11s %8s %12s %9s\n", "documents", "seconds", "docs/s", "words/s", "cpu_s",
                "peak_rss_MB", "index_MB");
  }
  // Counts one written document of WORDS words; prints a row when a checkpoint is passed.
  void add(std::size_t words) {
    std::lock_guard<std::mutex> lock(mutex_);
    ++done_, words_ += words;
    if ((static_cast<std::uint64_t>(done_) * o_.checkpoints) % o_.documents >= o_.checkpoints && done_ != o_.documents) return;
    const double t = seconds();
    std::printf("%10u %9.1f %9.1f %11.0f %8.1f %12.0f %9.0f\n", done_, t, (done_ - last_n_) / (t - last_t_),
                static_cast<double>(words_ - last_words_) / (t - last_t_), cpu_seconds(), peak_rss_mb(), folder_mb(o_.index));
    std::fflush(stdout);
    last_t_ = t, last_n_ = done_, last_words_ = words_;
  }
  double seconds() const { return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0_).count(); }
  std::size_t words() const { return words_; }

 private:
  const Options& o_;
  std::chrono::steady_clock::time_point t0_;
  std::mutex mutex_;
  unsigned done_ = 0, last_n_ = 0;
  std::size_t words_ = 0, last_words_ = 0;
  double last_t_ = 0;
};

// Writes the documents of the shards K with K % O.threads == T, committing every
// O.commit_mb / O.shards MB of text per shard.
void write_shards(unsigned t, const Options& o, const bench::TextModel& shared_text,
                  const std::vector<std::string>& paths, Progress& progress) {
  const bench::TextModel text = shared_text;  // its distribution is not for two threads at once
  std::vector<Xapian::WritableDatabase> dbs(o.shards);
  std::vector<std::size_t> pending(o.shards, 0);
  for (unsigned k = t; k < o.shards; k += o.threads) dbs[k] = Xapian::WritableDatabase(paths[k], Xapian::DB_CREATE_OR_OVERWRITE);
  const std::size_t commit_bytes = (std::size_t{o.commit_mb} << 20) / o.shards + 1;
  for (unsigned i = 0; i < o.documents; ++i) {
    const std::size_t k = indexer::shard_of(schema::document_id(document_uri(i)), o.shards);
    if (k % o.threads != t) continue;
    std::size_t words = 0, bytes = 0;
    dbs[k].replace_document(i + 1, make_document(i, o, text, words, bytes));
    if ((pending[k] += bytes) >= commit_bytes) dbs[k].commit(), pending[k] = 0;
    progress.add(words);
  }
  for (unsigned k = t; k < o.shards; k += o.threads) {
    // A split index counts its commits in shard 0 (search/facet_table.hpp index_revision).
    if (k == 0 && o.shards > 1) dbs[k].set_metadata(std::string(schema::kGenerationKey), "1");
    dbs[k].commit();
  }
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  if (argc > 1 && std::string(argv[1]) == "--help") {
    std::fputs(kUsage, stdout);
    return 0;
  }
  try {
    parse(argc, argv, o);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "cqc-bench-gen-index: %s\n%s", e.what(), kUsage);
    return 2;
  }
  const bench::TextModel text(bench::ranked_words(o.vocab), bench::sample_sentences(o.sample), o.vocabulary, o.real_share);
  try {
    fs::remove_all(o.index);
    if (o.shards > 1) indexer::create_stub(o.index, o.shards);
    const std::vector<std::string> paths = indexer::shard_paths(o.index, o.shards);
    Progress progress(o);
    std::vector<std::thread> threads;
    std::vector<std::string> errors(o.threads);
    for (unsigned t = 0; t < o.threads; ++t)
      threads.emplace_back([&, t] {
        try {
          write_shards(t, o, text, paths, progress);
        } catch (const Xapian::Error& e) {
          errors[t] = e.get_description();
        }
      });
    for (auto& th : threads) th.join();
    for (const auto& e : errors)
      if (!e.empty()) throw std::runtime_error(e);
    const double t = progress.seconds();
    std::printf("RESULT documents=%u seconds=%.1f docs_per_s=%.1f words=%zu cpu_s=%.1f peak_rss_mb=%.0f index_mb=%.0f vocabulary=%zu shards=%u threads=%u\n",
                o.documents, t, o.documents / t, progress.words(), cpu_seconds(), peak_rss_mb(), folder_mb(o.index),
                text.vocabulary(), o.shards, o.threads);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "cqc-bench-gen-index: %s: %s\n", o.index.c_str(), e.what());
    return 1;
  }
  return 0;
}
