// The State's document store and request log.
#include <utility>

#include "tests/support/server_state.hpp"

namespace cqc::test::detail {

void State::put_document(const std::string& path, std::string body, std::string content_type,
                         std::string encoding, std::optional<Poco::Timestamp> modified) {
  std::lock_guard<std::mutex> lock(docs_mutex_);
  auto it = documents_.find(path);
  if (it != documents_.end() && it->second.body == body &&
      it->second.content_type == content_type && it->second.content_encoding == encoding) {
    return;  // unchanged: keep the validators
  }
  Document doc;
  doc.etag = strong_etag(body);
  doc.body = std::move(body);
  doc.content_type = std::move(content_type);
  doc.content_encoding = std::move(encoding);
  if (modified) {
    doc.last_modified = whole_seconds(*modified);
  } else {
    doc.last_modified = whole_seconds(Poco::Timestamp());
    // A change must move Last-Modified forward even within the same second.
    if (it != documents_.end() && doc.last_modified <= it->second.last_modified) {
      doc.last_modified = it->second.last_modified + Poco::Timespan(1, 0);
    }
  }
  documents_[path] = std::move(doc);
}

bool State::remove_document(const std::string& path) {
  std::lock_guard<std::mutex> lock(docs_mutex_);
  return documents_.erase(path) > 0;
}

std::optional<Document> State::find_document(const std::string& path) const {
  std::lock_guard<std::mutex> lock(docs_mutex_);
  auto it = documents_.find(path);
  if (it == documents_.end()) return std::nullopt;
  return it->second;
}

std::vector<std::string> State::paths_with_prefix(const std::string& prefix) const {
  std::lock_guard<std::mutex> lock(docs_mutex_);
  std::vector<std::string> out;
  for (auto it = documents_.lower_bound(prefix);
       it != documents_.end() && it->first.compare(0, prefix.size(), prefix) == 0; ++it) {
    out.push_back(it->first);
  }
  return out;
}

void State::rebuild_indexes() { build_site_indexes(*this); }

std::uint64_t State::log_request(const Poco::Net::HTTPServerRequest& request) {
  RequestLog entry;
  entry.received = std::chrono::steady_clock::now();
  entry.method = request.getMethod();
  entry.target = request.getURI();
  entry.path = entry.target.substr(0, entry.target.find('?'));
  for (const auto& [name, value] : request) {
    auto [it, inserted] = entry.headers.emplace(name, value);
    if (!inserted) it->second += ", " + value;
  }
  std::lock_guard<std::mutex> lock(log_mutex_);
  std::uint64_t id = next_id_++;
  log_.push_back(std::move(entry));
  log_ids_.push_back(id);
  return id;
}

void State::set_status(std::uint64_t id, int status) {
  std::lock_guard<std::mutex> lock(log_mutex_);
  for (std::size_t i = log_ids_.size(); i-- > 0;) {
    if (log_ids_[i] == id) {
      log_[i].status = status;
      return;
    }
    if (log_ids_[i] < id) return;
  }
}

std::vector<RequestLog> State::log_copy() const {
  std::lock_guard<std::mutex> lock(log_mutex_);
  return log_;
}

void State::clear_log() {
  std::lock_guard<std::mutex> lock(log_mutex_);
  log_.clear();
  log_ids_.clear();
  max_active = active.load();
}

bool State::put_status(const std::string& path, int status, std::string location) {
  std::lock_guard<std::mutex> lock(docs_mutex_);
  Document doc;
  doc.status = status;
  doc.location = std::move(location);
  doc.content_type = "text/html; charset=utf-8";
  doc.body = "<html><body><p>" + std::to_string(status) + "</p></body></html>";
  return documents_.insert_or_assign(path, std::move(doc)).second;
}

bool serve_document(Exchange& ex) {
  auto doc = ex.state.find_document(ex.path);
  if (!doc) return false;
  if (doc->status >= 300 && doc->status < 400) ex.redirect(doc->status, doc->location);
  else if (doc->status != 200) ex.send(doc->status, doc->content_type, doc->body);
  else ex.send_document(*doc);
  return true;
}

}  // namespace cqc::test::detail
