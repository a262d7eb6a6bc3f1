// `fetch` and `refresh`: bringing sources into the archive and keeping them fresh.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "archive/archive.hpp"
#include "cli/app.hpp"
#include "cli/json.hpp"
#include "cli/progress.hpp"
#include "core/error.hpp"
#include "core/paths.hpp"
#include "core/text.hpp"
#include "core/url.hpp"
#include "fetch/crawler.hpp"

namespace cqc::cli {
namespace {

// The API key: $CQC_API_KEY, else "api-key = ..." in DATA/config. Never a command-line option.
std::string api_key(const std::string& data_dir) {
  if (const char* k = std::getenv("CQC_API_KEY"); k && *k) return k;
  std::ifstream in(data_dir + "/config");
  std::string line;
  while (std::getline(in, line)) {
    auto eq = line.find('=');
    if (eq != std::string::npos && core::trim(std::string_view(line).substr(0, eq)) == "api-key")
      return std::string(core::trim(std::string_view(line).substr(eq + 1)));
  }
  return "";
}

fetch::CrawlOptions crawl_options(const Args& args, const Context& ctx, const std::string& tmp) {
  fetch::CrawlOptions o;
  auto& f = o.fetch;
  if (auto ua = args.value("user-agent")) f.user_agent = *ua;
  f.max_connections = static_cast<unsigned>(args.number("max-connections", 8, 1, 256));
  f.per_host_connections = static_cast<unsigned>(args.number("per-host", 1, 1, 64));
  f.per_host_delay = static_cast<double>(args.number("delay-ms", 1000, 0, 600000)) / 1000.0;
  f.max_body = static_cast<std::uint64_t>(args.number("max-body-mb", 200, 1, 100000)) << 20;
  f.retries = static_cast<unsigned>(args.number("retries", 3, 0, 20));
  f.total_timeout_ms = args.number("timeout", 600, 1, 86400) * 1000;
  f.obey_robots = !args.flag("no-robots");
  f.temp_dir = tmp;
  for (const auto& a : args.values("allow")) {
    auto ok = f.allow.add(a);
    if (!ok) throw core::UsageError("--allow " + a + ": " + ok.error());
  }
  if (auto base = args.value("api-base")) o.api_base = *base;
  o.api_key = api_key(ctx.data_dir);
  return o;
}

int report(const fetch::CrawlSummary& s, const Context& ctx, const char* verb) {
  for (const auto& f : s.failures) log_line(ctx, "error", "failed", "", f);
  if (ctx.json) {
    auto o = json_object();
    o->set("responses", s.responses);
    o->set("stored", s.stored);
    o->set("revisits", s.revisits);
    o->set("listed", s.listed);
    o->set("failed", s.failed);
    o->set("bytes", s.bytes);
    Poco::JSON::Array::Ptr failures = new Poco::JSON::Array;
    for (const auto& f : s.failures) failures->add(f);
    o->set("failures", failures);
    Poco::JSON::Array::Ptr sources = new Poco::JSON::Array;
    for (const auto& f : s.failed_sources) sources->add(f);
    o->set("failed_sources", sources);
    print_json(o);
  } else {
    std::printf("%s: %llu responses archived (%llu new, %llu unchanged), %llu links listed, "
                "%llu bytes, %llu failed\n", verb,
                static_cast<unsigned long long>(s.responses), static_cast<unsigned long long>(s.stored),
                static_cast<unsigned long long>(s.revisits), static_cast<unsigned long long>(s.listed),
                static_cast<unsigned long long>(s.bytes), static_cast<unsigned long long>(s.failed));
    for (const auto& src : s.failed_sources) std::printf("source with failures: %s\n", src.c_str());
  }
  return s.failed ? 1 : 0;
}

template <class F>
int run_crawl(const Args& args, const Context& ctx, const char* verb, F&& body) {
  const std::string dir = core::archive_dir(ctx.data_dir);
  // refresh re-checks what an archive holds: a mistyped --data must not make a new one.
  if (std::string_view(verb) == "refresh" && !std::filesystem::exists(dir + "/catalog.db"))
    throw core::Fatal("no archive at " + dir + ": nothing to refresh (check --data, or run 'cqc-archive fetch' first)");
  archive::Archive arc(dir, archive::Mode::read_write);
  arc.set_group_commit(archive::kGroupCaptures, archive::kGroupAge);
  const std::string tmp = arc.dir() + "/tmp";
  std::filesystem::create_directories(tmp);
  // Bodies being downloaded live there until stored; opening the archive removed any a
  // killed fetch or import left.
  if (std::uint64_t left = arc.stale_temporary_files())
    std::fprintf(stderr, "removed %llu temporary file%s left in %s by an interrupted run\n",
                 static_cast<unsigned long long>(left), left == 1 ? "" : "s", tmp.c_str());
  auto opts = crawl_options(args, ctx, tmp);
  Progress progress(verb, ctx.progress);
  const auto start = std::chrono::steady_clock::now();
  auto on_progress = [&](const fetch::EngineStats& st) {
    const double secs = std::max(0.001, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    char rate[96];
    std::snprintf(rate, sizeof rate, "%llu KiB, %.1f docs/s, %.0f KiB/s, %llu failed",
                  static_cast<unsigned long long>(st.bytes >> 10), static_cast<double>(st.responses) / secs,
                  static_cast<double>(st.bytes >> 10) / secs, static_cast<unsigned long long>(st.failures));
    progress.update(st.responses + st.failures, st.responses + st.failures + st.queued + st.running, rate);
  };
  fetch::CrawlSummary s = body(arc, opts, on_progress);
  progress.finish();
  return report(s, ctx, verb);
}

}  // namespace

int cmd_fetch(const Args& args, const Context& ctx) {
  std::vector<archive::Source> sources;
  for (const auto& file : args.values("sources"))
    for (auto& s : fetch::read_sources_file(file)) sources.push_back(std::move(s));
  for (const auto& id : args.values("cqc-provider")) sources.push_back({"cqc-provider", id});
  for (const auto& id : args.values("cqc-location")) sources.push_back({"cqc-location", id});
  for (const auto& url : args.positional()) {
    if (url.rfind("http://", 0) != 0 && url.rfind("https://", 0) != 0)
      throw core::UsageError("not an http or https URL: " + url);
    sources.push_back({"url", url});
  }
  if (sources.empty()) throw core::UsageError("fetch needs a URL, --sources FILE or --cqc-provider ID");
  return run_crawl(args, ctx, "fetch", [&](auto& arc, auto& opts, auto& progress) {
    return fetch::crawl(arc, sources, opts, progress);
  });
}

int cmd_refresh(const Args& args, const Context& ctx) {
  if (!args.positional().empty()) throw core::UsageError("refresh takes no arguments");
  return run_crawl(args, ctx, "refresh", [&](auto& arc, auto& opts, auto& progress) {
    return fetch::refresh(arc, opts, progress);
  });
}

}  // namespace cqc::cli
