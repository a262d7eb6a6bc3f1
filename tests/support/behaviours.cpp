// Routes that misbehave on purpose: redirects (good and hostile), rate limits, transient and
// permanent errors, slow and stalled bodies, oversized bodies, plain delays and any status.
#include <algorithm>
#include <charconv>
#include <chrono>
#include <string>

#include "tests/support/server_state.hpp"

namespace cqc::test::detail {
namespace {

using std::chrono::milliseconds;

const char* const kHtml = "text/html; charset=utf-8";
const char* const kRedirectTarget = "/docs/builtin/news-1.html";

bool parse_int(const std::string& text, long& value) {
  if (text.empty()) return false;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  return ec == std::errc() && end == text.data() + text.size();
}

std::string page(const std::string& title, const std::string& text) {
  return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title +
         "</title></head><body><h1>" + title + "</h1><p>" + text + "</p></body></html>\n";
}

// BYTES of filler text, HTML-shaped, exactly SIZE bytes long.
std::string filler(std::size_t offset, std::size_t size) {
  static const std::string line =
      "Inspectors visited the wards and spoke with patients, carers and staff about their care.\n";
  std::string out;
  out.reserve(size);
  for (std::size_t i = 0; i < size; ++i) out += line[(offset + i) % line.size()];
  return out;
}

// Streams SIZE filler bytes in 64 KiB writes; stops early when the server stops or the peer left.
void stream_filler(Exchange& ex, std::ostream& out, std::size_t size) {
  const std::size_t block = 64 * 1024;
  for (std::size_t sent = 0; sent < size && out && !ex.state.stopping();) {
    std::size_t n = std::min(block, size - sent);
    std::string chunk = filler(sent, n);
    out.write(chunk.data(), static_cast<std::streamsize>(n));
    sent += n;
  }
  out.flush();
}

void slow(Exchange& ex) {
  const auto& o = ex.state.options;
  const long bps = std::max(1, o.slow_bytes_per_second);
  const std::size_t total =
      static_cast<std::size_t>(std::max(0, o.slow_seconds)) * static_cast<std::size_t>(bps);
  std::ostream& out = ex.begin_stream(200, kHtml, static_cast<long long>(total));
  if (ex.head()) return;
  std::string body = filler(0, total);
  auto start = std::chrono::steady_clock::now();
  std::size_t sent = 0;
  while (sent < total && out) {
    if (!ex.wait(milliseconds(50))) return;  // stopping or hung up: abandon the body
    auto elapsed =
        std::chrono::duration_cast<milliseconds>(std::chrono::steady_clock::now() - start);
    std::size_t due = std::min(total, static_cast<std::size_t>(elapsed.count() * bps / 1000));
    if (due > sent) {
      out.write(body.data() + sent, static_cast<std::streamsize>(due - sent));
      out.flush();
      sent = due;
    }
  }
}

void stall(Exchange& ex) {
  const std::string body = page("Finally", "This body comes after a long silence.");
  std::ostream& out = ex.begin_stream(200, kHtml, static_cast<long long>(body.size()));
  if (ex.head()) return;
  if (!ex.wait(std::chrono::seconds(ex.state.options.stall_seconds))) return;
  out.write(body.data(), static_cast<std::streamsize>(body.size()));
  out.flush();
}

bool redirects(Exchange& ex) {
  const std::string& p = ex.path;
  const std::string& base = ex.state.base;
  if (p.rfind("/redirect/", 0) == 0) {
    long n = 0;
    if (!parse_int(p.substr(10), n) || n < 1 || n > 100) return false;
    ex.redirect(302, n == 1 ? base + kRedirectTarget : base + "/redirect/" + std::to_string(n - 1));
  } else if (p == "/redirect-301") {
    ex.redirect(301, base + kRedirectTarget);
  } else if (p == "/redirect-loop") {
    ex.redirect(302, "/redirect-loop-2");
  } else if (p == "/redirect-loop-2") {
    ex.redirect(302, "/redirect-loop");
  } else if (p == "/redirect-to-file") {
    ex.redirect(302, "file:///etc/passwd");
  } else if (p == "/redirect-to-port") {
    ex.redirect(302, "http://127.0.0.1:" + std::to_string(ex.state.options.other_port) + "/x");
  } else if (p == "/redirect-to-private") {
    ex.redirect(302, "http://10.0.0.1/x");  // never to be followed: a fetcher must refuse it
  } else if (p == "/redirect-relative") {
    ex.redirect(302, std::string("..") + kRedirectTarget);
  } else {
    return false;
  }
  return true;
}

}  // namespace

bool serve_behaviour(Exchange& ex) {
  const std::string& p = ex.path;
  State& st = ex.state;
  if (redirects(ex)) return true;
  if (p == "/rate-limited") {
    if (st.rate_limited_hits++ == 0) {
      ex.response.set("Retry-After", "1");
      ex.send(429, kHtml, page("Too Many Requests", "Please slow down and try again later."));
    } else {
      ex.send(200, kHtml, page("Welcome back", "Thank you for waiting."));
    }
  } else if (p == "/flaky") {
    if (st.flaky_hits++ < 2) {
      ex.send(503, kHtml, page("Service Unavailable", "The service is temporarily unavailable."));
    } else {
      ex.send(200, kHtml, page("Flaky page", "This page works on the third try."));
    }
  } else if (p.rfind("/nested-sitemap/", 0) == 0 && p.ends_with(".xml")) {
    // A sitemap index naming the next one, without end (the protocol forbids nesting).
    long n = 0;
    if (!parse_int(p.substr(16, p.size() - 20), n) || n < 0) return false;
    ex.send(200, "application/xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
            "<sitemap><loc>http://127.0.0.1:" + std::to_string(st.port) + "/nested-sitemap/" + std::to_string(n + 1) + ".xml</loc></sitemap></sitemapindex>\n");
  } else if (p == "/gzip-bomb.xml") {
    // A sitemap-looking body of 61 KB that inflates to 60 MiB (made on first use).
    static const std::string body = gzip("<?xml version=\"1.0\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">" +
                                         std::string(60u << 20, ' ') + "</urlset>\n");
    ex.response.set("Content-Encoding", "gzip");
    ex.send(200, "application/xml", body);
  } else if (p == "/header-flood") {
    // 8,000 header fields, about 600 KB of head before any body.
    for (int i = 0; i < 8000; ++i) ex.response.add("X-Flood-" + std::to_string(i), std::string(60, 'f'));
    ex.send(200, kHtml, page("Flood", "Many header fields."));
  } else if (p == "/always-500") {
    ex.send(500, kHtml, page("Internal Server Error", "Something went wrong."));
  } else if (p == "/slow") {
    slow(ex);
  } else if (p == "/stall") {
    stall(ex);
  } else if (p == "/huge" || p == "/huge-chunked") {
    std::size_t size = st.options.huge_bytes;
    std::ostream& out = ex.begin_stream(200, "text/plain; charset=utf-8",
                                        p == "/huge" ? static_cast<long long>(size) : -1);
    if (!ex.head()) stream_filler(ex, out, size);
  } else if (p.rfind("/delay/", 0) == 0) {
    long ms = 0;
    if (!parse_int(p.substr(7), ms) || ms < 0 || ms > 60000) return false;
    if (!ex.wait(milliseconds(ms))) return true;
    ex.send(200, "text/plain; charset=utf-8", "delayed " + std::to_string(ms) + " ms\n");
  } else if (p.rfind("/status/", 0) == 0) {
    long code = 0;
    if (!parse_int(p.substr(8), code) || code < 200 || code > 599 || code == 204 || code == 304) {
      return false;
    }
    ex.send(static_cast<int>(code), kHtml, page("Status " + std::to_string(code), "As requested."));
  } else {
    return false;
  }
  return true;
}

}  // namespace cqc::test::detail
