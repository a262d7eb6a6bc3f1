#include "cli/config.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string_view>

#include "cli/json.hpp"
#include "core/error.hpp"
#include "core/paths.hpp"
#include "core/text.hpp"

namespace cqc::cli {
namespace {

std::vector<std::string> default_files() {
  std::vector<std::string> out = {"/etc/cqc-archive/config"};
  const char* xdg = std::getenv("XDG_CONFIG_HOME");
  const char* home = std::getenv("HOME");
  if (xdg && *xdg) out.push_back(std::string(xdg) + "/cqc-archive/config");
  else if (home && *home) out.push_back(std::string(home) + "/.config/cqc-archive/config");
  return out;
}

// The entries of the INI file PATH in file order (a repeated key included; the caller keeps
// the last): "[section]" lines open a section, "key = value"
// lines set a key (names lower-cased, white space around names and values removed; a line
// without '=' is a key with an empty value), and lines starting with ';' or '#' are comments:
// the format of Poco's IniFileConfiguration, which was dropped because loading PocoUtil (and
// PocoXML and expat with it) cost 1.5 ms of every command's 12 ms start-up. Throws
// core::UsageError naming the file and line for a section line without its ']'.
std::vector<ConfigEntry> read_ini(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw core::UsageError("config file " + path + " cannot be read");
  std::vector<ConfigEntry> out;
  std::string section, line;
  for (int number = 1; std::getline(in, line); ++number) {
    const std::string_view l = core::trim(line);
    if (l.empty() || l[0] == ';' || l[0] == '#') continue;
    if (l[0] == '[') {  // what follows the ']' is ignored, as Poco did
      const std::size_t close = l.find(']');
      if (close == std::string_view::npos)
        throw core::UsageError("config file " + path + " line " + std::to_string(number) + ": '" + std::string(l) +
                               "' has no closing ]");
      section = core::to_lower(core::trim(l.substr(1, close - 1)));
      continue;
    }
    const std::size_t eq = l.find('=');
    out.push_back({section, core::to_lower(core::trim(l.substr(0, eq))),
                   eq == std::string_view::npos ? "" : std::string(core::trim(l.substr(eq + 1))), path});
  }
  return out;
}

}  // namespace

Config Config::load(const std::optional<std::string>& explicit_file) {
  Config c;
  std::vector<std::string> candidates;
  std::string named = explicit_file.value_or("");
  if (named.empty())
    if (const char* env = std::getenv("CQC_ARCHIVE_CONFIG"); env && *env) named = env;
  if (!named.empty()) {
    if (!std::filesystem::exists(named)) throw core::UsageError("config file " + named + " does not exist");
    candidates = {named};
  } else {
    candidates = default_files();
  }
  for (const std::string& file : candidates) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(file, ec)) continue;
    for (ConfigEntry& e : read_ini(file)) {  // a later line or file wins
      std::erase_if(c.entries_, [&](const ConfigEntry& x) { return x.section == e.section && x.key == e.key; });
      c.entries_.push_back(std::move(e));
    }
    c.files_.push_back(file);
  }
  return c;
}

const ConfigEntry* Config::find(const std::string& command, const std::string& option) const {
  const ConfigEntry* top = nullptr;
  for (const ConfigEntry& e : entries_) {
    if (e.key != option) continue;
    if (e.section == command) return &e;
    if (e.section.empty()) top = &e;
  }
  return top;
}

void Config::apply(const Command& command, Args& args) const {
  const auto options = all_options(command);
  for (const ConfigEntry& e : entries_) {
    if (e.section != command.name) continue;
    const bool known = e.key == "api-key" ||
                       std::any_of(options.begin(), options.end(), [&](const OptionSpec& o) { return o.name == e.key; });
    if (!known)
      throw core::UsageError("config file " + e.file + ": [" + e.section + "] " + e.key + " is not an option of " +
                             command.name + " (see cqc-archive help " + command.name + ")");
  }
  for (const OptionSpec& o : options) {
    if (o.name == "help" || o.name == "json" || o.name == "config" || args.given(o.name)) continue;
    const ConfigEntry* e = find(command.name, o.name);
    if (!e) continue;
    if (o.value.empty()) {  // a flag: true/yes/1 sets it
      if (e->value == "true" || e->value == "yes" || e->value == "1") args.add(o.name, "");
    } else {
      args.add(o.name, e->value);
    }
  }
  // The API key is no command-line option (it would show in `ps`): it becomes $CQC_API_KEY.
  if (const ConfigEntry* key = find(command.name, "api-key"); key && !std::getenv("CQC_API_KEY"))
    ::setenv("CQC_API_KEY", key->value.c_str(), 0);
}

int cmd_config(const Args& args, const Context& ctx) {
  const Config config = Config::load(args.value("config"));
  std::string data_from = "default";
  if (const ConfigEntry* e = config.find("config", "data"); e && e->value == ctx.data_dir) data_from = e->file;
  else if (args.given("data")) data_from = "--data";
  else if (std::getenv("CQC_ARCHIVE_HOME")) data_from = "CQC_ARCHIVE_HOME";
  if (ctx.json) {
    auto o = json_object();
    Poco::JSON::Array::Ptr files = new Poco::JSON::Array;
    for (const auto& f : config.files()) files->add(f);
    o->set("files", files);
    auto data = json_object();
    data->set("value", ctx.data_dir);
    data->set("from", data_from);
    o->set("data", data);
    Poco::JSON::Array::Ptr list = new Poco::JSON::Array;
    for (const ConfigEntry& e : config.entries()) {
      auto x = json_object();
      x->set("section", e.section);
      x->set("key", e.key);
      x->set("value", e.key == "api-key" ? std::string("(set)") : e.value);
      x->set("file", e.file);
      list->add(x);
    }
    o->set("values", list);
    print_json(o);
    return 0;
  }
  std::printf("config files read: %s\n", config.files().empty() ? "none" : "");
  for (const auto& f : config.files()) std::printf("  %s\n", f.c_str());
  std::printf("data = %s  (from %s)\n", ctx.data_dir.c_str(), data_from.c_str());
  for (const ConfigEntry& e : config.entries())
    std::printf("%s%s = %s  (from %s)\n", e.section.empty() ? "" : ("[" + e.section + "] ").c_str(), e.key.c_str(),
                e.key == "api-key" ? "(set)" : e.value.c_str(), e.file.c_str());
  if (const char* key = std::getenv("CQC_API_KEY"); key && *key) std::printf("api-key = (set)  (from CQC_API_KEY)\n");
  return 0;
}

}  // namespace cqc::cli
