#include "fetch/http_engine.hpp"

#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeParser.h>
#include <Poco/Exception.h>
#include <Poco/Timestamp.h>
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <deque>
#include <map>
#include <random>

#include "archive/http_message.hpp"
#include "core/error.hpp"
#include "fetch/http_transfer.hpp"
#include "fetch/robots.hpp"

namespace cqc::fetch {
namespace {

using Clock = std::chrono::steady_clock;

struct Waiting {
  Request request;
  Clock::time_point not_before;
};

struct Host {
  enum class Robots { unknown, fetching, known } robots = Robots::unknown;
  RobotsRules rules = RobotsRules::allow_all();
  std::string robots_problem;  // why robots.txt could not be read ("" when it could)
  double delay = 0;
  unsigned running = 0;
  Clock::time_point next_start{};
  std::deque<Waiting> queue;
};

bool retryable_status(int status) { return status == 429 || (status >= 500 && status <= 599); }

bool retryable_curl(CURLcode c) {
  return c == CURLE_OPERATION_TIMEDOUT || c == CURLE_COULDNT_CONNECT || c == CURLE_COULDNT_RESOLVE_HOST ||
         c == CURLE_RECV_ERROR || c == CURLE_SEND_ERROR || c == CURLE_GOT_NOTHING || c == CURLE_PARTIAL_FILE;
}

std::string path_of(const std::string& url) {
  // After "scheme://host[:port]": the path and query that robots rules match.
  size_t start = url.find("://");
  size_t slash = start == std::string::npos ? std::string::npos : url.find('/', start + 3);
  std::string p = slash == std::string::npos ? "/" : url.substr(slash);
  return p.substr(0, p.find('#'));
}

}  // namespace

double parse_retry_after(const std::string& value) {
  if (value.empty()) return -1;
  if (value.find_first_not_of("0123456789") == std::string::npos) return std::stod(value);
  try {
    int tz = 0;
    Poco::DateTime when = Poco::DateTimeParser::parse(Poco::DateTimeFormat::HTTP_FORMAT, value, tz);
    double secs = static_cast<double>(when.timestamp() - Poco::Timestamp()) / 1e6;
    return secs < 0 ? 0 : secs;
  } catch (const Poco::Exception&) {
    return -1;
  }
}

struct HttpEngine::Impl {
  FetchOptions opts;
  CURLM* multi = nullptr;
  std::map<std::string, Host> hosts;
  std::map<CURL*, std::unique_ptr<Transfer>> running;
  std::deque<Response> ready;  // failures found before any transfer (bad URL, robots)
  EngineStats stats;
  std::mt19937 rng{std::random_device{}()};

  void enqueue(Request r, Clock::time_point not_before = Clock::now()) {
    const std::string key = host_key(r.url);
    if (key.empty()) {
      Response bad;
      bad.request = std::move(r);
      bad.error = "not an http or https URL: " + bad.request.url;
      ready.push_back(std::move(bad));
      return;
    }
    Host& h = hosts[key];
    if (h.robots == Host::Robots::unknown) {
      h.delay = opts.per_host_delay;
      if (opts.obey_robots) {
        h.robots = Host::Robots::fetching;
        Request robots;
        robots.url = key + "/robots.txt";
        robots.purpose = "robots";
        robots.source = r.source;
        robots.robots_for = key;
        h.queue.push_front({std::move(robots), Clock::now()});
      } else {
        h.robots = Host::Robots::known;
      }
    }
    // A robots.txt redirect hop must run before the requests it holds back.
    if (!r.robots_for.empty()) h.queue.push_front({std::move(r), not_before});
    else h.queue.push_back({std::move(r), not_before});
  }

  double backoff(int attempt) {
    std::uniform_real_distribution<double> jitter(0, opts.backoff_base);
    return opts.backoff_base * std::pow(2.0, attempt) + jitter(rng);
  }

  void start_ready_transfers() {
    const auto now = Clock::now();
    for (auto& [key, h] : hosts) {
      while (running.size() < opts.max_connections && h.running < opts.per_host_connections &&
             !h.queue.empty() && now >= h.next_start) {
        // Until robots.txt is known only the robots request itself may start.
        auto it = h.queue.begin();
        if (h.robots == Host::Robots::fetching && it->request.robots_for.empty()) break;
        if (it->not_before > now) break;
        Request req = std::move(it->request);
        h.queue.erase(it);
        if (req.robots_for.empty() && req.purpose != "robots" && !h.rules.allowed(path_of(req.url))) {
          Response denied;
          denied.request = std::move(req);
          if (h.robots_problem.empty())
            denied.error = "disallowed by " + key + "/robots.txt";
          else if (h.robots_problem.rfind("connection to", 0) == 0)
            denied.error = h.robots_problem;  // the address guard refused the host itself
          else
            denied.error = "not fetched: " + key + "/robots.txt " + h.robots_problem +
                           ", which RFC 9309 treats as disallowing everything";
          ready.push_back(std::move(denied));
          continue;
        }
        auto t = std::make_unique<Transfer>(std::move(req), opts);
        curl_multi_add_handle(multi, t->easy);
        running[t->easy] = std::move(t);
        ++h.running;
        h.next_start = now + std::chrono::milliseconds(static_cast<long>(h.delay * 1000));
      }
    }
  }

  // Handles a finished transfer; returns the response to report, or nothing if retried.
  std::optional<Response> complete(Transfer& t, CURLcode code) {
    Host& h = hosts[host_key(t.request.url)];
    --h.running;
    Response r = t.finish(code);
    const bool retry_status = r.archivable() && retryable_status(r.status);
    const bool retry_net = !r.archivable() && t.refused.empty() && t.too_big.empty() && retryable_curl(code);
    if ((retry_status || retry_net) && r.request.attempt < static_cast<int>(opts.retries) &&
        r.request.robots_for.empty()) {
      double wait = backoff(r.request.attempt);
      if (retry_status) {
        auto head = archive::parse_http_head(r.response_head);
        double after = head ? parse_retry_after(head->get("Retry-After")) : -1;
        if (after > opts.max_retry_wait) {
          r.error = "server asked to retry after " + std::to_string(static_cast<long>(after)) +
                    " s, more than the limit of " + std::to_string(static_cast<long>(opts.max_retry_wait)) + " s";
          return r;
        }
        if (after >= 0) wait = std::max(after, 0.0);
      }
      if (!r.body_path.empty()) ::unlink(r.body_path.c_str());
      Request again = r.request;
      ++again.attempt;
      h.queue.push_front({std::move(again), Clock::now() + std::chrono::milliseconds(static_cast<long>(wait * 1000))});
      return std::nullopt;
    }
    if (!r.request.robots_for.empty()) learn_robots(r);
    return r;
  }

  void learn_robots(const Response& r) {
    Host& h = hosts[r.request.robots_for];
    if (r.archivable() && r.status >= 300 && r.status < 400) return;  // the redirect is followed
    h.robots = Host::Robots::known;
    if (r.archivable() && r.status >= 200 && r.status < 300) {
      std::string body;
      if (std::FILE* f = std::fopen(r.body_path.c_str(), "rb")) {
        char buf[8192];
        size_t n;
        while ((n = std::fread(buf, 1, sizeof buf, f)) > 0 && body.size() < (512u << 10)) body.append(buf, n);
        std::fclose(f);
      }
      h.rules = RobotsRules::parse(body, opts.robots_token);
      if (auto d = h.rules.crawl_delay()) h.delay = std::max(h.delay, std::min(*d, 60.0));
    } else if (r.archivable() && r.status >= 400 && r.status < 500) {
      h.rules = RobotsRules::allow_all();
    } else {
      h.rules = RobotsRules::disallow_all();  // 5xx or unreachable (RFC 9309 2.3.1.4)
      h.robots_problem = r.archivable()                           ? "answered HTTP " + std::to_string(r.status)
                         : r.error.rfind("connection to", 0) == 0 ? r.error
                                                                  : "was unreachable (" + r.error + ")";
    }
  }

  // Follows a redirect response: queues the next hop, or returns why it is refused.
  std::string follow(const Response& r) {
    auto head = archive::parse_http_head(r.response_head);
    const std::string location = head ? head->get("Location") : "";
    if (location.empty()) return "";
    const std::string next = resolve_url(r.request.url, location);
    if (next.empty() || host_key(next).empty())
      return "redirect to " + (next.empty() ? location : next) + " refused: only http and https are followed";
    if (r.request.hops >= static_cast<int>(opts.max_redirects))
      return "too many redirects (more than " + std::to_string(opts.max_redirects) + ") from " + r.request.url;
    Request hop = r.request;
    hop.url = next;
    // Validators belong to the first URL, not to where it redirects.
    std::erase_if(hop.headers, [](const std::string& h) {
      return h.rfind("If-None-Match:", 0) == 0 || h.rfind("If-Modified-Since:", 0) == 0;
    });
    ++hop.hops;
    hop.attempt = 0;
    enqueue(std::move(hop));
    return "";
  }
};

HttpEngine::HttpEngine(FetchOptions options) : impl_(std::make_unique<Impl>()) {
  static const CURLcode global = curl_global_init(CURL_GLOBAL_DEFAULT);
  if (global != CURLE_OK) throw core::Fatal("cannot initialise libcurl");
  impl_->opts = std::move(options);
  impl_->multi = curl_multi_init();
  curl_multi_setopt(impl_->multi, CURLMOPT_MAX_TOTAL_CONNECTIONS, static_cast<long>(impl_->opts.max_connections));
  curl_multi_setopt(impl_->multi, CURLMOPT_MAX_HOST_CONNECTIONS, static_cast<long>(impl_->opts.per_host_connections));
}

HttpEngine::~HttpEngine() {
  for (auto& [easy, t] : impl_->running) curl_multi_remove_handle(impl_->multi, easy);
  impl_->running.clear();
  curl_multi_cleanup(impl_->multi);
}

void HttpEngine::add(Request request) { impl_->enqueue(std::move(request)); }

void HttpEngine::run(const std::function<void(Response&)>& on_response,
                     const std::function<void(const EngineStats&)>& progress) {
  Impl& m = *impl_;
  auto last_progress = Clock::now();
  auto deliver = [&](Response& r) {
    if (r.archivable()) {
      ++m.stats.responses;
      m.stats.bytes += r.body_size;
    } else {
      ++m.stats.failures;
    }
    on_response(r);
    if (r.archivable() && r.status >= 300 && r.status < 400) {
      std::string refused = m.follow(r);
      if (!refused.empty()) {
        Response failed;
        failed.request = r.request;
        failed.error = refused;
        ++m.stats.failures;
        // A robots.txt whose redirect cannot be followed counts as unreachable.
        if (!r.request.robots_for.empty()) m.learn_robots(failed);
        on_response(failed);
      }
    }
    if (!r.body_path.empty()) ::unlink(r.body_path.c_str());
  };
  while (true) {
    m.start_ready_transfers();
    while (!m.ready.empty()) {
      Response r = std::move(m.ready.front());
      m.ready.pop_front();
      deliver(r);
    }
    std::uint64_t queued = 0;
    for (auto& [k, h] : m.hosts) queued += h.queue.size();
    if (m.running.empty() && queued == 0 && m.ready.empty()) break;
    int still = 0;
    curl_multi_perform(m.multi, &still);
    int left = 0;
    while (CURLMsg* msg = curl_multi_info_read(m.multi, &left)) {
      if (msg->msg != CURLMSG_DONE) continue;
      CURL* easy = msg->easy_handle;
      CURLcode code = msg->data.result;
      curl_multi_remove_handle(m.multi, easy);
      auto node = m.running.extract(easy);
      if (auto r = m.complete(*node.mapped(), code)) deliver(*r);
    }
    curl_multi_poll(m.multi, nullptr, 0, 50, nullptr);
    m.stats.queued = queued;
    m.stats.running = m.running.size();
    if (progress && Clock::now() - last_progress > std::chrono::milliseconds(100)) {
      progress(m.stats);
      last_progress = Clock::now();
    }
  }
  if (progress) progress(m.stats);
}

}  // namespace cqc::fetch
