#include "cli/args.hpp"

#include <charconv>

#include "core/error.hpp"
#include "core/text.hpp"

namespace cqc::cli {

Args::Args(const std::vector<std::string>& argv, const std::vector<OptionSpec>& specs) {
  bool options_done = false;
  for (size_t i = 0; i < argv.size(); ++i) {
    std::string a = argv[i];
    if (options_done || a.size() < 2 || a[0] != '-') {
      positional_.push_back(a);
      continue;
    }
    if (a == "--") {
      options_done = true;
      continue;
    }
    if (a == "-h") a = "--help";
    if (a.rfind("--", 0) != 0) throw core::UsageError("unknown option " + a + " (try --help)");
    std::string name = a.substr(2);
    std::optional<std::string> inline_value;
    if (size_t eq = name.find('='); eq != std::string::npos) {
      inline_value = name.substr(eq + 1);
      name = name.substr(0, eq);
    }
    const OptionSpec* spec = nullptr;
    for (const auto& s : specs)
      if (s.name == name) spec = &s;
    if (!spec) {
      std::vector<std::string> names;
      for (const auto& s : specs) names.push_back(s.name);
      const std::string near = core::nearest(name, names);
      throw core::UsageError("unknown option --" + name + (near.empty() ? "" : " (did you mean --" + near + "?)") +
                             "; try --help");
    }
    if (values_.count(name) && !spec->repeatable)
      throw core::UsageError("option --" + name + " given more than once");
    if (spec->value.empty()) {
      if (inline_value) throw core::UsageError("option --" + name + " takes no value");
      values_[name].push_back("");
      continue;
    }
    if (!inline_value) {
      if (i + 1 >= argv.size())
        throw core::UsageError("option --" + name + " needs a value (" + spec->value + ")");
      inline_value = argv[++i];
    }
    values_[name].push_back(*inline_value);
  }
}

std::optional<std::string> Args::value(const std::string& name) const {
  auto it = values_.find(name);
  if (it == values_.end() || it->second.empty()) return std::nullopt;
  return it->second.back();
}

std::vector<std::string> Args::values(const std::string& name) const {
  auto it = values_.find(name);
  return it == values_.end() ? std::vector<std::string>{} : it->second;
}

long Args::number(const std::string& name, long fallback, long min, long max) const {
  auto v = value(name);
  if (!v) return fallback;
  long n = 0;
  auto [ptr, ec] = std::from_chars(v->data(), v->data() + v->size(), n);
  if (ec != std::errc() || ptr != v->data() + v->size() || n < min || n > max)
    throw core::UsageError("option --" + name + " must be a whole number from " +
                           std::to_string(min) + " to " + std::to_string(max) + ", not '" + *v + "'");
  return n;
}

}  // namespace cqc::cli
