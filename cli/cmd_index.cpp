// `index`: build or update the Xapian index from the archive.
#include <sys/resource.h>

#include <cstdint>
#include <cstdio>

#include "archive/archive.hpp"
#include "cli/app.hpp"
#include "cli/json.hpp"
#include "cli/progress.hpp"
#include "core/error.hpp"
#include "core/paths.hpp"
#include "indexer/indexer.hpp"

namespace cqc::cli {

int cmd_index(const Args& args, const Context& ctx) {
  if (!args.positional().empty()) throw core::UsageError("index takes no arguments");
  indexer::IndexOptions opts;
  opts.batch = static_cast<unsigned>(args.number("batch", 0, 0, 10000000));
  opts.commit_bytes = static_cast<std::uint64_t>(args.number("commit-mb", 64, 1, 1 << 20)) << 20;
  opts.commit_seconds = static_cast<double>(args.number("commit-seconds", 300, 1, 86400));
  opts.retry_failed = args.flag("retry-failed");
  opts.workers = static_cast<unsigned>(args.number("jobs", indexer::IndexOptions::default_workers(), 1, 64));
  opts.job_cpu_seconds = static_cast<unsigned>(args.number("job-timeout", 120, 0, 86400));
  opts.job_seconds = static_cast<double>(args.number("job-wall-timeout", 600, 0, 86400));
  opts.worker_memory = static_cast<std::uint64_t>(args.number("worker-memory", 2048, 0, 1 << 24)) << 20;
  opts.shards = static_cast<std::size_t>(args.number("shards", 0, 1, 64));
  opts.rebuild = args.flag("rebuild");
  opts.compact = !args.flag("no-compact");
  const bool verbose = args.flag("verbose");
  // Lower our CPU priority (workers inherit it): alone on a machine this costs nothing, beside
  // `serve` it keeps searches fast while a run extracts (bench/slowloris.sh).
  const int nice = static_cast<int>(args.number("nice", 10, 0, 19));
  if (nice > 0) setpriority(PRIO_PROCESS, 0, nice);
  archive::Archive arc(core::archive_dir(ctx.data_dir), archive::Mode::read_only);
  const std::string dir = core::index_dir(ctx.data_dir);
  Progress progress("indexing", ctx.progress);
  auto log = [&](const indexer::IndexEvent& e) {
    if (e.kind == indexer::IndexEvent::Kind::failed) {
      progress.finish();
      log_line(ctx, "error", "skipped", e.uri, e.reason);
    } else if (e.kind == indexer::IndexEvent::Kind::warning) {
      progress.finish();
      log_line(ctx, "warning", "warning", e.uri, e.reason);
    } else if (verbose && e.kind == indexer::IndexEvent::Kind::unsupported) {
      progress.finish();
      log_line(ctx, "info", "not a document", e.uri, e.reason);
    } else if (verbose) {
      progress.finish();
      log_line(ctx, "info", "indexed", e.uri);
    }
  };
  auto sum = indexer::index_archive(arc, dir, opts,
                                    [&](auto done, auto total) { progress.update(done, total); }, log);
  progress.finish();
  if (ctx.json) {
    auto o = json_object();
    o->set("captures", sum.captures);
    o->set("indexed", sum.indexed);
    o->set("unchanged", sum.unchanged);
    o->set("failed", sum.failed);
    o->set("previously_failed", sum.previously_failed);
    o->set("unsupported", sum.unsupported);
    o->set("text_bytes", sum.text_bytes);
    o->set("warnings", sum.warnings);
    o->set("documents", sum.documents);
    if (sum.bytes_compacted) {
      o->set("bytes_as_built", sum.bytes_as_built);
      o->set("bytes_compacted", sum.bytes_compacted);
    }
    o->set("index", dir);
    // Peak memory (KiB) of this process and of the largest extraction worker it reaped.
    rusage self{}, workers{};
    getrusage(RUSAGE_SELF, &self);
    getrusage(RUSAGE_CHILDREN, &workers);
    o->set("peak_rss_kib", static_cast<std::int64_t>(self.ru_maxrss));
    o->set("worker_peak_rss_kib", static_cast<std::int64_t>(workers.ru_maxrss));
    print_json(o);
  } else {
    std::printf("indexed %llu of %s into %s: %llu unchanged, %llu skipped (failed), "
                "%llu skipped earlier, %llu unsupported; %s in the index\n",
                static_cast<unsigned long long>(sum.indexed), counted(sum.captures, "capture").c_str(),
                dir.c_str(), static_cast<unsigned long long>(sum.unchanged),
                static_cast<unsigned long long>(sum.failed),
                static_cast<unsigned long long>(sum.previously_failed),
                static_cast<unsigned long long>(sum.unsupported), counted(sum.documents, "document").c_str());
    if (sum.bytes_compacted)
      std::printf("compacted the index: %.1f MB as built, %.1f MB now\n", sum.bytes_as_built / 1e6, sum.bytes_compacted / 1e6);
  }
  // Skipped documents are logged and counted, not a failed run.
  return 0;
}

}  // namespace cqc::cli
