// Command-line parsing for subcommands: --name VALUE, --name=VALUE, flags, positionals.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace cqc::cli {

struct OptionSpec {
  std::string name;      // without dashes: "trust"
  std::string value;     // placeholder for the help text ("CODE"); empty for a flag
  std::string help;      // one line
  bool repeatable = false;
};

class Args {
 public:
  // Parses ARGV against SPECS. Throws core::UsageError naming an unknown option, a missing
  // value, a value given to a flag, or an option given twice that is not repeatable.
  // "--" ends options; "-h" means --help.
  Args(const std::vector<std::string>& argv, const std::vector<OptionSpec>& specs);

  // True when flag NAME was given.
  bool flag(const std::string& name) const { return values_.count(name) > 0; }
  // The value of option NAME, if given (the last one for repeatable options).
  std::optional<std::string> value(const std::string& name) const;
  // Every value of option NAME, in order.
  std::vector<std::string> values(const std::string& name) const;
  // True when option NAME was given (flag or value).
  bool given(const std::string& name) const { return values_.count(name) > 0; }
  // Adds VALUE ("" for a flag) to option NAME as if given (a configured default).
  void add(const std::string& name, const std::string& value) { values_[name].push_back(value); }
  // Non-option arguments, in order.
  const std::vector<std::string>& positional() const { return positional_; }
  // Parses option NAME as an integer in [MIN, MAX]; DEFAULT when absent. Throws UsageError.
  long number(const std::string& name, long fallback, long min, long max) const;

 private:
  std::map<std::string, std::vector<std::string>> values_;
  std::vector<std::string> positional_;
};

}  // namespace cqc::cli
