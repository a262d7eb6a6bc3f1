// GET /metrics: the server's counters in the Prometheus text format (issue 13): requests and
// latency per route (metrics.hpp), the front's connection counters, and the index's and the
// archive's size, read at each scrape.
#include <sys/stat.h>

#include <filesystem>
#include <sstream>

#include "core/paths.hpp"
#include "search/http/front.hpp"
#include "search/http/handlers.hpp"
#include "search/http/metrics.hpp"

namespace cqc::search::http {
namespace {

std::uint64_t folder_bytes(const std::string& dir, const std::string& suffix, std::int64_t* newest = nullptr) {
  std::uint64_t total = 0;
  std::error_code ec;
  for (auto it = std::filesystem::recursive_directory_iterator(dir, ec); !ec && it != std::filesystem::recursive_directory_iterator();
       it.increment(ec)) {
    if (!it->is_regular_file(ec)) continue;
    const std::string name = it->path().filename().string();
    if (!suffix.empty() && (name.size() < suffix.size() || name.compare(name.size() - suffix.size(), suffix.size(), suffix) != 0))
      continue;
    total += it->file_size(ec);
    struct stat st {};
    if (newest && ::stat(it->path().c_str(), &st) == 0 && st.st_mtime > *newest) *newest = st.st_mtime;
  }
  return total;
}

void gauge(std::ostream& out, const char* name, const char* help, double value) {
  out << "# HELP " << name << ' ' << help << "\n# TYPE " << name << " gauge\n" << name << ' ' << value << '\n';
}

void counter(std::ostream& out, const char* name, const char* help, std::uint64_t value) {
  out << "# HELP " << name << ' ' << help << "\n# TYPE " << name << " counter\n" << name << ' ' << value << '\n';
}

}  // namespace

void handle_metrics(ReaderPool& pool, const Metrics& metrics, const FrontCounters& front, const Request&, Response& resp) {
  std::ostringstream out;
  out.precision(15);
  metrics.write(out);
  counter(out, "cqc_http_connections_accepted_total", "Connections accepted.", front.accepted);
  counter(out, "cqc_http_connections_refused_total", "Connections refused: per-client cap, total cap or a full queue.",
          front.refused_client + front.refused_total + front.refused_busy);
  counter(out, "cqc_http_head_timeouts_total", "Requests whose head did not arrive in time, and silent connections.",
          front.head_timeouts);
  try {
    auto reader = pool.acquire();
    gauge(out, "cqc_index_documents", "Documents in the index.", static_cast<double>(reader->searcher->document_count()));
  } catch (const std::exception&) {
    gauge(out, "cqc_index_documents", "Documents in the index.", 0);
  }
  gauge(out, "cqc_index_bytes", "Size of the index on disk.", static_cast<double>(folder_bytes(core::index_dir(pool.data_dir()), "")));
  std::int64_t newest = 0;
  const std::uint64_t warc = folder_bytes(core::archive_dir(pool.data_dir()), ".warc.gz", &newest);
  gauge(out, "cqc_archive_bytes", "Size of the archive's WARC files.", static_cast<double>(warc));
  gauge(out, "cqc_archive_last_write_timestamp_seconds", "When a WARC file was last written (the last capture).",
        static_cast<double>(newest));
  try {
    auto reader = pool.acquire();
    const auto& catalog = reader.archive().catalog();
    gauge(out, "cqc_archive_captures", "Captures in the archive's catalog.", static_cast<double>(catalog.count()));
    gauge(out, "cqc_archive_fetch_failures", "Fetches that failed and left no capture (all time).",
          static_cast<double>(catalog.failures().size()));
  } catch (const std::exception&) {
    // No archive (an index copied alone): those gauges are left out.
  }
  const std::string body = out.str();
  resp.setContentType("text/plain; version=0.0.4; charset=utf-8");
  resp.set("Cache-Control", "no-store");
  resp.sendBuffer(body.data(), body.size());
}

}  // namespace cqc::search::http
