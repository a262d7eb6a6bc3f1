// WatchStore: the saved searches of a data folder in DATA/watches.json (search/watch.hpp).
#include "search/watch.hpp"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/error.hpp"
#include "core/paths.hpp"

namespace cqc::search {
namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

// An flock on PATH for the lifetime of the object.
class FileLock {
 public:
  FileLock(const std::string& path, bool exclusive) {
    fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd_ < 0 && !exclusive) return;  // a read-only data folder: read without a lock
    if (fd_ < 0) throw core::Fatal("cannot write " + path + ": " + std::strerror(errno));
    while (::flock(fd_, exclusive ? LOCK_EX : LOCK_SH) != 0 && errno == EINTR) {
    }
  }
  ~FileLock() {
    if (fd_ >= 0) ::close(fd_);
  }
  FileLock(const FileLock&) = delete;
  FileLock& operator=(const FileLock&) = delete;

 private:
  int fd_ = -1;
};

Object::Ptr to_object(const Watch& w, bool with_seen) {
  Object::Ptr o = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
  o->set("name", w.name);
  o->set("query", w.request.query);
  Object::Ptr filters = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
  for (const std::string& name : filter_names()) {
    const auto* values = filter_values(w.request, name);
    if (values->empty()) continue;
    Array::Ptr a = new Array;
    for (const auto& v : *values) a->add(v);
    filters->set(name, a);
  }
  o->set("filters", filters);
  o->set("from", w.request.from);
  o->set("to", w.request.to);
  o->set("date", w.request.date_field);
  o->set("created", w.created);
  o->set("last_report", w.last_report);
  if (with_seen) {
    Object::Ptr seen = new Object;
    for (const auto& [id, capture] : w.seen) seen->set(id, capture);
    o->set("seen", seen);
  }
  return o;
}

Watch from_object(const Object::Ptr& o) {
  Watch w;
  w.name = o->optValue<std::string>("name", "");
  w.request.query = o->optValue<std::string>("query", "");
  if (Object::Ptr filters = o->getObject("filters"))
    for (const std::string& name : filter_names())
      if (Array::Ptr a = filters->getArray(name))
        for (unsigned i = 0; i < a->size(); ++i) filter_values(w.request, name)->push_back(a->getElement<std::string>(i));
  w.request.from = o->optValue<std::string>("from", "");
  w.request.to = o->optValue<std::string>("to", "");
  w.request.date_field = o->optValue<std::string>("date", "inspected");
  w.created = o->optValue<std::string>("created", "");
  w.last_report = o->optValue<std::string>("last_report", "");
  if (Object::Ptr seen = o->getObject("seen"))
    for (const auto& [id, capture] : *seen) w.seen[id] = capture.convert<std::int64_t>();
  return w;
}

std::vector<Watch> read_file(const std::string& path) {
  std::ifstream in(path);
  if (!in) return {};
  std::stringstream text;
  text << in.rdbuf();
  std::vector<Watch> out;
  try {
    Poco::JSON::Parser parser;
    const Object::Ptr root = parser.parse(text.str()).extract<Object::Ptr>();
    if (Array::Ptr list = root->getArray("watches"))
      for (unsigned i = 0; i < list->size(); ++i) out.push_back(from_object(list->getObject(i)));
  } catch (const Poco::Exception& e) {
    throw core::Fatal(path + " is not a valid watch file: " + e.displayText());
  }
  return out;
}

void write_file(const std::string& path, const std::vector<Watch>& watches) {
  Object root(Poco::JSON_PRESERVE_KEY_ORDER);
  root.set("version", 1);
  Array::Ptr list = new Array;
  for (const Watch& w : watches) list->add(to_object(w, true));
  root.set("watches", list);
  const std::string tmp = path + ".new";
  {
    std::ofstream out(tmp, std::ios::trunc);
    root.stringify(out);
    out.flush();
    if (!out) throw core::Fatal("cannot write " + tmp + core::full_disk_note(tmp));
  }
  // On disk before it replaces the old file: a crash leaves the old file or the new, whole.
  const int fd = ::open(tmp.c_str(), O_RDONLY | O_CLOEXEC);
  const bool synced = fd >= 0 && ::fsync(fd) == 0;
  if (fd >= 0) ::close(fd);
  if (!synced) throw core::Fatal("cannot write " + tmp + ": " + std::strerror(errno) + core::full_disk_note(tmp));
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) throw core::Fatal("cannot replace " + path + ": " + ec.message());
}

}  // namespace

void check_watch_name(const std::string& name) {
  const bool ok = !name.empty() && name.size() <= 64 && name.front() != '.' &&
                  std::all_of(name.begin(), name.end(), [](char c) {
                    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.';
                  });
  if (!ok)
    throw core::UsageError("bad watch name '" + name.substr(0, 80) +
                           "': use 1 to 64 letters, digits, '-', '_' or '.' (not starting with '.')");
}

WatchStore::WatchStore(const std::string& data_dir)
    : path_(data_dir + "/watches.json"), lock_path_(data_dir + "/watches.lock") {}

std::vector<Watch> WatchStore::list() const {
  FileLock lock(lock_path_, false);
  return read_file(path_);
}

std::optional<Watch> WatchStore::get(const std::string& name) const {
  for (Watch& w : list())
    if (w.name == name) return std::move(w);
  return std::nullopt;
}

void WatchStore::update(const std::function<void(std::vector<Watch>&)>& fn) {
  std::filesystem::create_directories(std::filesystem::path(path_).parent_path());
  FileLock lock(lock_path_, true);
  std::vector<Watch> all = read_file(path_);
  fn(all);
  write_file(path_, all);
}

void WatchStore::add(const Watch& watch) {
  check_watch_name(watch.name);
  update([&](std::vector<Watch>& all) {
    if (std::any_of(all.begin(), all.end(), [&](const Watch& w) { return w.name == watch.name; }))
      throw core::UsageError("a watch called '" + watch.name + "' exists already (remove it first)");
    if (all.size() >= kMaxWatches) throw core::UsageError("there are " + std::to_string(kMaxWatches) + " watches already");
    all.push_back(watch);
    std::sort(all.begin(), all.end(), [](const Watch& a, const Watch& b) { return a.name < b.name; });
  });
}

bool WatchStore::remove(const std::string& name) {
  bool found = false;
  update([&](std::vector<Watch>& all) {
    const auto before = all.size();
    std::erase_if(all, [&](const Watch& w) { return w.name == name; });
    found = all.size() != before;
  });
  return found;
}

Poco::JSON::Object::Ptr item_object(const WatchItem& it) {
  Object::Ptr d = new Object(Poco::JSON_PRESERVE_KEY_ORDER);
  if (!it.why.empty()) d->set("why", it.why);
  d->set("id", it.id);
  d->set("title", it.title);
  d->set("url", it.url);
  d->set("kind", it.kind);
  d->set("published", it.published);
  d->set("captured", it.captured);
  d->set("document", "/documents/" + it.id);
  return d;
}

Poco::JSON::Object::Ptr watch_object(const Watch& watch) { return to_object(watch, false); }

}  // namespace cqc::search
