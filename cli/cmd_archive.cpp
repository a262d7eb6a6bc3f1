// `import` and `verify`: the archive's commands.
#include <cstdio>

#include "archive/importer.hpp"
#include "archive/verify.hpp"
#include "cli/app.hpp"
#include "cli/json.hpp"
#include "cli/progress.hpp"
#include "core/error.hpp"
#include "core/paths.hpp"

namespace cqc::cli {

int cmd_import(const Args& args, const Context& ctx) {
  if (args.positional().empty()) throw core::UsageError("import needs at least one PATH");
  archive::Archive arc(core::archive_dir(ctx.data_dir), archive::Mode::read_write);
  arc.set_group_commit(archive::kGroupCaptures, archive::kGroupAge);
  if (arc.recovered_bytes() && !ctx.json)
    std::fprintf(stderr, "recovered: removed %llu bytes of a record left half-written\n",
                 static_cast<unsigned long long>(arc.recovered_bytes()));
  archive::ImportOptions opts;
  opts.base_url = args.value("base-url").value_or("");
  opts.rehash = args.flag("rehash");
  Progress progress("importing", ctx.progress);
  auto sum = archive::import_paths(arc, args.positional(), opts,
                                   [&](auto done, auto total) { progress.update(done, total); });
  progress.finish();
  for (const auto& e : sum.errors) log_line(ctx, "error", "error", "", e);
  for (const auto& w : sum.warnings) log_line(ctx, "warning", "skipped record", "", w);
  if (ctx.json) {
    auto o = json_object();
    o->set("files", sum.files);
    o->set("stored", sum.stored);
    o->set("unchanged", sum.unchanged);
    o->set("skipped", sum.skipped);
    o->set("duplicates", sum.duplicates);
    o->set("failed", sum.failed);
    o->set("bytes", sum.bytes);
    o->set("warc_files", sum.warc_files);
    o->set("warc_unchanged", sum.warc_unchanged);
    o->set("warc_records", sum.warc_records);
    o->set("warc_captures", sum.warc_captures);
    o->set("warc_skipped", static_cast<std::uint64_t>(sum.warnings.size()));
    o->set("archive", arc.dir());
    print_json(o);
  } else if (sum.files || !(sum.warc_files || sum.warc_unchanged)) {
    std::printf("imported %s into %s: %llu stored (%llu bytes), %llu unchanged "
                "(%llu not read again), %llu duplicates, %llu failed\n",
                counted(sum.files, "file").c_str(), arc.dir().c_str(),
                static_cast<unsigned long long>(sum.stored), static_cast<unsigned long long>(sum.bytes),
                static_cast<unsigned long long>(sum.unchanged), static_cast<unsigned long long>(sum.skipped),
                static_cast<unsigned long long>(sum.duplicates),
                static_cast<unsigned long long>(sum.failed));
  }
  if (!ctx.json && (sum.warc_files || sum.warc_unchanged)) {
    std::printf("WARC files: %llu imported (%llu records, %llu captures, %llu records skipped), %llu imported before\n",
                static_cast<unsigned long long>(sum.warc_files), static_cast<unsigned long long>(sum.warc_records),
                static_cast<unsigned long long>(sum.warc_captures),
                static_cast<unsigned long long>(sum.warnings.size()),
                static_cast<unsigned long long>(sum.warc_unchanged));
  }
  return sum.failed ? 1 : 0;
}

int cmd_verify(const Args& args, const Context& ctx) {
  if (!args.positional().empty()) throw core::UsageError("verify takes no arguments");
  archive::Archive arc(core::archive_dir(ctx.data_dir), archive::Mode::read_only);
  Progress progress("verifying", ctx.progress);
  auto report = archive::verify(arc, [&](auto done, auto total) { progress.update(done, total); });
  progress.finish();
  for (const auto& p : report.problems)
    log_line(ctx, "error", "BAD", p.capture.record_id + " " + p.capture.uri, p.what);
  if (ctx.json) {
    auto o = json_object();
    o->set("checked", report.checked);
    o->set("bytes", report.bytes);
    Poco::JSON::Array::Ptr bad = new Poco::JSON::Array;
    for (const auto& p : report.problems) {
      auto b = json_object();
      b->set("record_id", p.capture.record_id);
      b->set("uri", p.capture.uri);
      b->set("problem", p.what);
      bad->add(b);
    }
    o->set("problems", bad);
    print_json(o);
  } else {
    std::printf("verified %s (%llu payload bytes): %zu bad\n", counted(report.checked, "record").c_str(),
                static_cast<unsigned long long>(report.bytes), report.problems.size());
  }
  return report.problems.empty() ? 0 : 1;
}

}  // namespace cqc::cli
