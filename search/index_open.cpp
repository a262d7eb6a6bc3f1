#include "search/index_open.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/text.hpp"

namespace cqc::search {
namespace fs = std::filesystem;
namespace {

// The stub file PATH means: PATH itself when it is a file, PATH/XAPIANDB when that exists.
std::string stub_file(const std::string& path) {
  std::error_code ec;
  if (fs::is_regular_file(path, ec)) return path;
  const fs::path inside = fs::path(path) / "XAPIANDB";
  if (fs::is_regular_file(inside, ec)) return inside.string();
  return "";
}

// "HOST:PORT" (the port after the last colon, so "[::1]:33333" works) into SPEC.
bool parse_host_port(const std::string& text, ShardSpec& spec) {
  const auto colon = text.rfind(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 == text.size()) return false;
  std::string host = text.substr(0, colon);
  if (host.size() > 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  const std::string port = text.substr(colon + 1);
  if (port.size() > 5 || port.find_first_not_of("0123456789") != std::string::npos) return false;
  const unsigned long p = std::stoul(port);
  if (p == 0 || p > 65535) return false;
  spec.host = host;
  spec.port = static_cast<unsigned>(p);
  return true;
}

// Fills SPEC from its LINE (trimmed, not a comment); false when the line is no stub line.
bool parse_line(const std::string& line, const fs::path& folder, ShardSpec& spec) {
  const auto space = line.find_first_of(" \t");
  if (space == std::string::npos) return false;
  const std::string type = line.substr(0, space);
  const std::string rest(core::trim(std::string_view(line).substr(space + 1)));
  if (rest.empty()) return false;
  if (type == "auto" || type == "glass" || type == "chert") {
    const fs::path p(rest);
    spec.path = p.is_absolute() ? p.string() : (folder / p).lexically_normal().string();
    return true;
  }
  if (type != "remote") return false;
  spec.remote = true;
  if (rest.front() == ':') {  // remote :PROGRAM ARGS
    const std::string command = rest.substr(1);
    const auto gap = command.find_first_of(" \t");
    spec.program = command.substr(0, gap);
    spec.args = gap == std::string::npos ? "" : std::string(core::trim(std::string_view(command).substr(gap)));
    return !spec.program.empty();
  }
  std::istringstream split(rest);
  std::vector<std::string> words;
  for (std::string w; split >> w;) words.push_back(w);
  if (words.size() == 3 && words[0] == "tcp")  // another spelling: remote tcp HOST PORT
    return parse_host_port(words[1] + ":" + words[2], spec);
  return words.size() == 1 && parse_host_port(rest, spec);
}

// Opens one shard with OPTIONS' timeouts.
Xapian::Database open_shard(const ShardSpec& s, const IndexOptions& options) {
  if (!s.remote) return Xapian::Database(s.path);
  if (!s.program.empty()) return Xapian::Remote::open(s.program, s.args, options.timeout_ms);
  return Xapian::Remote::open(s.host, s.port, options.timeout_ms, options.connect_timeout_ms);
}

// Why opening a shard failed, in words.
std::string reason(const Xapian::Error& e) {
  std::string r = e.get_type() + std::string(": ") + e.get_msg();
  if (e.get_error_string()) r += std::string(" (") + e.get_error_string() + ")";
  return r;
}

}  // namespace

std::vector<ShardSpec> read_stub(const std::string& path) {
  const std::string file = stub_file(path);
  if (file.empty()) return {};
  std::ifstream in(file);
  if (!in) throw core::Fatal("cannot read the index stub " + file);
  const fs::path folder = fs::path(file).parent_path();
  std::vector<ShardSpec> out;
  unsigned number = 0;
  for (std::string raw; std::getline(in, raw);) {
    ++number;
    const std::string line(core::trim(raw));
    if (line.empty() || line[0] == '#') continue;
    ShardSpec s;
    if (!parse_line(line, folder, s))
      throw core::UsageError(file + " line " + std::to_string(number) + " \"" + line +
                             "\" is not a shard (auto PATH, remote HOST:PORT or remote :PROGRAM ARGS)");
    s.name = line + " (line " + std::to_string(number) + " of " + file + ")";
    out.push_back(std::move(s));
  }
  if (out.empty()) throw core::UsageError("the index stub " + file + " lists no shards");
  return out;
}

OpenedIndex open_index(const IndexOptions& options) {
  OpenedIndex o;
  o.shards = read_stub(options.path);
  bool any_remote = false;
  for (const auto& s : o.shards) any_remote = any_remote || s.remote;
  if (!any_remote) {
    o.shards.clear();
    try {
      o.db = Xapian::Database(options.path);
    } catch (const Xapian::Error& e) {
      throw core::Fatal("no index at " + options.path + " (run 'cqc-archive index' first): " + e.get_msg());
    }
    return o;
  }
  o.remote = true;
  std::vector<std::string> failed;
  for (const auto& s : o.shards) {
    try {
      o.db.add_database(open_shard(s, options));
    } catch (const Xapian::Error& e) {
      failed.push_back(s.name + ": " + reason(e));
    }
  }
  if (failed.empty()) return o;
  if (!options.allow_partial || failed.size() == o.shards.size()) {
    std::string list;
    for (const auto& f : failed) list += (list.empty() ? "" : "; ") + f;
    throw ShardUnavailable("cannot open " + std::to_string(failed.size()) + " of the index's " +
                           std::to_string(o.shards.size()) + " shards: " + list);
  }
  o.missing = std::move(failed);
  return o;
}

std::vector<std::string> unreachable_shards(const OpenedIndex& opened, const IndexOptions& options) {
  std::vector<std::string> out;
  for (const auto& s : opened.shards) {
    if (!s.remote) continue;
    try {
      Xapian::Database db = open_shard(s, options);
      db.get_doccount();
    } catch (const Xapian::Error& e) {
      out.push_back(s.name + ": " + reason(e));
    }
  }
  return out;
}

}  // namespace cqc::search
