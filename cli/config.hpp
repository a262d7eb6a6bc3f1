// The configuration file (issue 13): defaults for any command's options, in INI form (the
// format of Poco's IniFileConfiguration; full-line comments start with ';' or '#'), read
// from the usual places, overridden by the command line.
//
//   # ~/.config/cqc-archive/config or /etc/cqc-archive/config
//   # any option, for every command that has it
//   data = /var/lib/cqc-archive
//   # the CQC API key (instead of $CQC_API_KEY)
//   api-key = ...
//   # options of one command
//   [serve]
//   port = 8080
//   log-format = json
//   [fetch]
//   delay-ms = 2000
//
// Files, first to last, later ones winning: /etc/cqc-archive/config, then
// $XDG_CONFIG_HOME/cqc-archive/config (default ~/.config/cqc-archive/config); or only the file
// --config FILE or $CQC_ARCHIVE_CONFIG names.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "cli/app.hpp"

namespace cqc::cli {

struct ConfigEntry {
  std::string section;  // "" for the top level, else a command's name
  std::string key;      // an option name, or api-key
  std::string value;
  std::string file;     // where it was read
};

class Config {
 public:
  // Reads the files (see above); EXPLICIT is --config's value. Throws core::UsageError naming
  // the file for one that cannot be parsed, or an explicit file that does not exist.
  static Config load(const std::optional<std::string>& explicit_file);

  // The files read, in order.
  const std::vector<std::string>& files() const { return files_; }
  // Every entry, the winning one of each section and key.
  const std::vector<ConfigEntry>& entries() const { return entries_; }
  // The value for COMMAND's OPTION: its section's, else the top level's.
  const ConfigEntry* find(const std::string& command, const std::string& option) const;

  // Gives ARGS (parsed for COMMAND) the configured values of the options not on the command
  // line. Throws core::UsageError naming the file for a key COMMAND's section has that is not
  // one of its options.
  void apply(const Command& command, Args& args) const;

 private:
  std::vector<std::string> files_;
  std::vector<ConfigEntry> entries_;
};

// `cqc-archive config`: the files read and every effective value with where it came from.
int cmd_config(const Args& args, const Context& ctx);

}  // namespace cqc::cli
