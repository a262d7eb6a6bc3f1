#include "cli/app.hpp"

#include <cxxabi.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <exception>
#include <iostream>
#include <sstream>
#include <typeinfo>

#include "cli/config.hpp"
#include "cli/json.hpp"
#include "core/error.hpp"
#include "core/paths.hpp"
#include "core/text.hpp"

namespace cqc::cli {
namespace {

// Options that may come before the command as well as after it.
const std::vector<OptionSpec> kGlobal = {
    {"data", "DIR", "data folder (default $CQC_ARCHIVE_HOME or ~/.local/share/cqc-archive)"},
    {"color", "WHEN", "auto (default: when stdout is a terminal and NO_COLOR is unset), always or never"},
    {"log-format", "text|json", "log lines on stderr as text (default) or JSON objects, one per line"},
    {"config", "FILE", "read option defaults from FILE only (default /etc/cqc-archive/config, then ~/.config/cqc-archive/config)"},
};
const OptionSpec kJson = {"json", "", "machine-readable JSON on stdout (errors as JSON on stderr)"};
const OptionSpec kHelp = {"help", "", "show this help"};

void print_overview(std::FILE* out) {
  std::fprintf(out,
               "cqc-archive: an archive of CQC inspection reports and the news about them,\n"
               "kept as published (WARC) and searchable (Xapian).\n\n"
               "Usage: cqc-archive [--data DIR] COMMAND [options] [arguments]\n\nCommands:\n");
  for (const Command& c : commands()) std::fprintf(out, "  %-10s %s\n", c.name, c.summary);
  std::fprintf(out,
               "\nRun 'cqc-archive help COMMAND' for a command's options; 'cqc-archive completion bash'\n"
               "prints a completion script. Exit codes: 0 success, 1 the operation failed, 2 bad usage\n"
               "or query (watch report: 3 when something is new).\n");
}

void print_help(const Command& c) {
  std::printf("Usage: cqc-archive %s\n\n%s\n\nOptions:\n", c.usage, c.description);
  for (const OptionSpec& o : all_options(c)) {
    std::string left = "--" + o.name + (o.value.empty() ? "" : " " + o.value);
    std::printf("  %-26s %s%s\n", left.c_str(), o.help.c_str(), o.repeatable ? " (repeatable)" : "");
  }
}

const Command* find_command(const std::string& name) {
  for (const Command& c : commands())
    if (name == c.name) return &c;
  return nullptr;
}

std::string unknown_command(const std::string& name) {
  std::vector<std::string> names;
  for (const Command& c : commands()) names.emplace_back(c.name);
  const std::string near = core::nearest(name, names);
  return "unknown command '" + name + "'" + (near.empty() ? "" : " (did you mean '" + near + "'?)") +
         "; try cqc-archive --help";
}

// Takes the global options before the command off WORDS (from FIRST on), returning them as
// words to give the command's own parser.
std::vector<std::string> leading_globals(const std::vector<std::string>& words, std::size_t& first) {
  std::vector<std::string> out;
  while (first < words.size() && words[first].rfind("--", 0) == 0 && words[first] != "--help") {
    const std::string& w = words[first];
    const std::string name = w.substr(2, w.find('=') == std::string::npos ? std::string::npos : w.find('=') - 2);
    if (name == "json") {
      out.push_back(w);
      ++first;
      continue;
    }
    bool global = false;
    for (const auto& g : kGlobal) global = global || g.name == name;
    if (!global) break;
    out.push_back(w);
    ++first;
    if (w.find('=') == std::string::npos && first < words.size()) out.push_back(words[first++]);
  }
  return out;
}

bool wants_colour(const Args& args) {
  const std::string when = args.value("color").value_or("auto");
  if (when != "auto" && when != "always" && when != "never")
    throw core::UsageError("--color must be auto, always or never, not '" + when + "'");
  if (when != "auto") return when == "always";
  const char* no_color = std::getenv("NO_COLOR");
  return ::isatty(STDOUT_FILENO) != 0 && !(no_color && *no_color);
}

void report_error(const char* command, const std::string& message, int code, bool json) {
  if (json) {
    auto o = json_object();
    o->set("error", message);
    o->set("command", command ? command : "");
    o->set("exit_code", code);
    std::ostringstream out;
    o->stringify(out);
    std::fprintf(stderr, "%s\n", out.str().c_str());
  } else {
    std::fprintf(stderr, "cqc-archive%s%s: %s\n", command ? " " : "", command ? command : "", message.c_str());
  }
}

char** g_argv = nullptr;

}  // namespace

std::vector<OptionSpec> all_options(const Command& c) {
  std::vector<OptionSpec> out = c.options;
  out.insert(out.end(), kGlobal.begin(), kGlobal.end());
  if (c.json) out.push_back(kJson);
  out.push_back(kHelp);
  return out;
}

char** process_argv() { return g_argv; }

void log_line(const Context& ctx, const char* level, const std::string& what, const std::string& subject,
              const std::string& message) {
  if (!ctx.log_json) {
    const std::string line = what + (subject.empty() ? "" : " " + subject) + (message.empty() ? "" : ": " + message);
    std::fprintf(stderr, "%s\n", line.c_str());
    return;
  }
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char when[32];
  std::strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm);
  auto o = json_object();
  o->set("time", std::string(when));
  o->set("level", level);
  o->set("command", ctx.command);
  o->set("event", what);
  o->set("subject", subject);
  o->set("message", message);
  std::ostringstream out;
  o->stringify(out);
  std::fprintf(stderr, "%s\n", out.str().c_str());
}

std::string counted(unsigned long long n, const std::string& noun, const std::string& plural) {
  return std::to_string(n) + " " + (n == 1 ? noun : plural.empty() ? noun + "s" : plural);
}

int run(int argc, char** argv) {
  g_argv = argv;
  std::vector<std::string> words(argv + 1, argv + argc);
  bool json = false;
  for (const auto& w : words) {
    if (w == "--") break;
    json = json || w == "--json";
  }
  std::size_t first = 0;
  std::vector<std::string> globals = leading_globals(words, first);
  if (first == words.size() || words[first] == "--help" || words[first] == "-h") {
    print_overview(first == words.size() ? stderr : stdout);
    return first == words.size() ? 2 : 0;
  }
  if (words[first] == "--version") {
    std::printf("cqc-archive %s\n", CQC_VERSION);
    return 0;
  }
  if (words[first] == "help") {
    if (first + 1 == words.size()) {
      print_overview(stdout);
      return 0;
    }
    if (words[first + 1] == "--man") {
      std::fputs(man_page().c_str(), stdout);
      return 0;
    }
    const Command* c = find_command(words[first + 1]);
    if (!c) {
      report_error(nullptr, unknown_command(words[first + 1]), 2, json);
      return 2;
    }
    print_help(*c);
    return 0;
  }
  if (words[first] == "completion") {
    const std::string shell = first + 1 < words.size() ? words[first + 1] : "";
    if (shell != "bash" && shell != "zsh") {
      report_error("completion", "completion needs bash or zsh", 2, json);
      return 2;
    }
    std::fputs(completion_script(shell).c_str(), stdout);
    return 0;
  }
  const Command* cmd = find_command(words[first]);
  if (!cmd) {
    report_error(nullptr, unknown_command(words[first]), 2, json);
    return 2;
  }
  try {
    std::vector<std::string> rest(words.begin() + static_cast<std::ptrdiff_t>(first) + 1, words.end());
    rest.insert(rest.begin(), globals.begin(), globals.end());
    Args args(rest, all_options(*cmd));
    if (args.flag("help")) {
      print_help(*cmd);
      return 0;
    }
    Config::load(args.value("config")).apply(*cmd, args);
    Context ctx;
    ctx.data_dir = core::data_dir(args.value("data").value_or(""));
    ctx.json = args.flag("json");
    ctx.progress = ::isatty(STDERR_FILENO) != 0;
    ctx.colour = wants_colour(args);
    ctx.command = cmd->name;
    const std::string format = args.value("log-format").value_or("text");
    if (format != "text" && format != "json") throw core::UsageError("--log-format must be text or json, not '" + format + "'");
    ctx.log_json = format == "json";
    return cmd->run(args, ctx);
  } catch (const core::Fatal& e) {
    report_error(cmd->name, e.what(), e.exit_code(), json);
    return e.exit_code();
  } catch (const std::exception& e) {
    report_error(cmd->name, e.what(), 1, json);
    return 1;
  } catch (...) {
    // A library's own exception type (Xapian's are not std::exceptions): name the type rather
    // than end in std::terminate.
    std::string type = "an unknown exception";
    if (const std::type_info* t = abi::__cxa_current_exception_type()) {
      int status = 0;
      char* name = abi::__cxa_demangle(t->name(), nullptr, nullptr, &status);
      type = status == 0 && name ? name : t->name();
      std::free(name);
    }
    report_error(cmd->name, "failed with " + type, 1, json);
    return 1;
  }
}

}  // namespace cqc::cli
