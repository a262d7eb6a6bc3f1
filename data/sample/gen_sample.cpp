// cqc-gen-sample [--expected FILE] OUTDIR: writes the bundled sample corpus (report PDFs, news
// HTML pages) and expected.tsv, the metadata truth the golden tests check extraction against.
// Deterministic: the same bytes on every run. Exit 0 on success, 1 on an I/O or spec error,
// 2 on bad usage.
#include <algorithm>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "data/sample/render.hpp"
#include "data/sample/spec.hpp"

namespace fs = std::filesystem;
using cqc::sample::Rendered;

namespace {

constexpr std::string_view kUsage =
    "usage: cqc-gen-sample [--expected FILE] OUTDIR\n"
    "\n"
    "Writes the cqc-archive sample corpus into OUTDIR:\n"
    "  OUTDIR/reports/*.pdf   CQC-style inspection report PDFs\n"
    "  OUTDIR/news/*.html     news article pages about the same trusts\n"
    "  OUTDIR/expected.tsv    one row of metadata truth per document\n"
    "\n"
    "  --expected FILE  write the truth table to FILE instead, so that OUTDIR holds only\n"
    "                   documents (a stale OUTDIR/expected.tsv is then removed)\n"
    "  --help           print this help\n"
    "\n"
    "Other *.pdf / *.html files already in OUTDIR/reports and OUTDIR/news are removed.\n"
    "The output is byte-identical on every run. Exit status: 0 done, 1 I/O error,\n"
    "2 bad usage.\n";

struct IoError {
  std::string path;
  std::string what;
};

void write_file(const fs::path& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) throw IoError{path.string(), "cannot open for writing"};
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) throw IoError{path.string(), "write failed"};
}

void make_dir(const fs::path& dir) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec || !fs::is_directory(dir)) throw IoError{dir.string(), "cannot create directory"};
}

// Removes files with extension EXT in DIR that this run did not write (renamed specs).
void remove_stale(const fs::path& dir, std::string_view ext, const std::set<std::string>& keep) {
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    const fs::path& p = entry.path();
    if (entry.is_regular_file() && p.extension() == ext &&
        !keep.count(p.parent_path().filename().string() + "/" + p.filename().string())) {
      if (!fs::remove(p, ec) || ec) throw IoError{p.string(), "cannot remove stale file"};
    }
  }
  if (ec) throw IoError{dir.string(), "cannot list directory"};
}

std::vector<Rendered> render_all() {
  using namespace cqc::sample;
  std::vector<ReportSpec> reports;
  add_reports_a(reports);
  add_reports_b(reports);
  add_reports_c(reports);
  add_reports_d(reports);
  std::vector<NewsSpec> news;
  add_news_a(news);
  add_news_b(news);
  add_news_c(news);
  add_news_d(news);
  std::vector<Rendered> docs;
  for (const auto& r : reports) docs.push_back(render_report(r));
  for (const auto& n : news) docs.push_back(render_news(n));
  std::sort(docs.begin(), docs.end(),
            [](const Rendered& a, const Rendered& b) { return a.file < b.file; });
  for (std::size_t i = 1; i < docs.size(); ++i) {
    if (docs[i].file == docs[i - 1].file) {
      throw std::logic_error("two specs render to " + docs[i].file);
    }
  }
  return docs;
}

}  // namespace

int main(int argc, char** argv) {
  const std::vector<std::string_view> args(argv + 1, argv + argc);
  std::string_view outdir, expected;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string_view a = args[i];
    if (a == "--help" || a == "-h") {
      std::cout << kUsage;
      return 0;
    }
    if (a == "--expected" && i + 1 < args.size() && expected.empty()) {
      expected = args[++i];
    } else if (a.starts_with("--expected=") && expected.empty()) {
      expected = a.substr(11);
    } else if (a.empty() || a.front() == '-' || !outdir.empty()) {
      std::cerr << kUsage;
      return 2;
    } else {
      outdir = a;
    }
  }
  if (outdir.empty() || (expected.empty() && args.size() > 1)) {
    std::cerr << kUsage;
    return 2;
  }
  const fs::path out(outdir);
  const fs::path truth = expected.empty() ? out / "expected.tsv" : fs::path(expected);
  try {
    const std::vector<Rendered> docs = render_all();
    make_dir(out / "reports");
    make_dir(out / "news");
    std::set<std::string> written;
    std::string tsv = cqc::sample::expected_header() + "\n";
    for (const Rendered& d : docs) {
      write_file(out / d.file, d.bytes);
      written.insert(d.file);
      tsv += cqc::sample::expected_line(d.row) + "\n";
    }
    remove_stale(out / "reports", ".pdf", written);
    remove_stale(out / "news", ".html", written);
    if (!expected.empty()) {
      std::error_code ec;
      if (fs::exists(out / "expected.tsv") && !fs::equivalent(out / "expected.tsv", truth, ec) &&
          !fs::remove(out / "expected.tsv", ec)) {
        throw IoError{(out / "expected.tsv").string(), "cannot remove stale file"};
      }
      if (truth.has_parent_path()) make_dir(truth.parent_path());
    }
    write_file(truth, tsv);  // last, so it marks a complete corpus
    std::cout << "cqc-gen-sample: wrote " << docs.size() << " documents to " << out.string()
              << " and their truth to " << truth.string() << "\n";
    return 0;
  } catch (const IoError& e) {
    std::cerr << "cqc-gen-sample: " << e.path << ": " << e.what << "\n";
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "cqc-gen-sample: " << e.what() << "\n";
    return 1;
  }
}
