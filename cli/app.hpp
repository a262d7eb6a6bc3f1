// The cqc-archive command line: a table of subcommands, each a function over parsed Args.
#pragma once
#include <string>
#include <vector>

#include "cli/args.hpp"

namespace cqc::cli {

// What every command gets besides its arguments.
struct Context {
  std::string data_dir;  // resolved data folder (--data, CQC_ARCHIVE_HOME, default)
  bool json = false;     // --json: machine-readable output on stdout
  bool progress = false; // stderr is a terminal: show progress
  bool colour = false;   // --color=always, or auto: stdout is a terminal and NO_COLOR is unset
  bool log_json = false; // --log-format json: log lines on stderr as JSON objects
  std::string command;   // the command's name, for log lines
};

// One log line on stderr: "WHAT SUBJECT: MESSAGE" (text; an empty part and its separator left
// out), or with --log-format json the object
// {"time","level","command","event","subject","message"} on one line. LEVEL: info, warning
// or error.
void log_line(const Context& ctx, const char* level, const std::string& what, const std::string& subject,
              const std::string& message = "");

struct Command {
  const char* name;
  const char* summary;                // one line for the command list
  const char* usage;                  // "import [options] PATH..."
  const char* description;            // a paragraph for --help
  std::vector<OptionSpec> options;    // besides the common --data, --color, --help (and --json)
  int (*run)(const Args& args, const Context& ctx);
  bool json = true;                   // takes --json (its output is data)
};

// The options every command takes (--json only where Command::json).
std::vector<OptionSpec> all_options(const Command& command);

// The command table, in the order `--help` lists it.
const std::vector<Command>& commands();

// Entry point: dispatches to a command; prints Fatal/UsageError messages to stderr (as a JSON
// object {"error","command","exit_code"} under --json) and returns exit codes scripts can
// trust (0 ok, 1 failure, 2 bad usage or query). The common options may come before the
// command too (cqc-archive --data DIR search ...); `help COMMAND` is `COMMAND --help`;
// `help --man` prints the manual page (roff), `completion bash|zsh` a completion script.
int run(int argc, char** argv);

// "1 file", "2 files": N and the noun, singular when N is 1 (PLURAL defaults to NOUN + "s").
std::string counted(unsigned long long n, const std::string& noun, const std::string& plural = "");

// The manual page, in roff, and the bash and zsh completion scripts, from the command table
// (cli/docs_gen.cpp).
std::string man_page();
std::string completion_script(const std::string& shell);

// The argument vector run() was given (null-terminated, as main received it), so a command
// can hand the whole command line on to another executable.
char** process_argv();

// The commands, one file each (cli/cmd_*.cpp). cqc-archive links only search and trust;
// import and verify are in cqc-archive-store (the catalog: Poco::Data, SQLite), the rest in
// cqc-archive-full (HTML, PDF, HTTP libraries). An executable without a command defines it
// as running the one that has it (cli/exec_store.cpp, cli/exec_full.cpp), so a search loads
// none of those libraries.
int cmd_import(const Args& args, const Context& ctx);
int cmd_verify(const Args& args, const Context& ctx);
int cmd_index(const Args& args, const Context& ctx);
int cmd_search(const Args& args, const Context& ctx);
int cmd_fetch(const Args& args, const Context& ctx);
int cmd_refresh(const Args& args, const Context& ctx);
int cmd_history(const Args& args, const Context& ctx);
int cmd_trust(const Args& args, const Context& ctx);  // cli/cmd_trust.cpp
int cmd_trend(const Args& args, const Context& ctx);  // cli/cmd_trend.cpp
int cmd_watch(const Args& args, const Context& ctx);  // cli/cmd_watch.cpp
int cmd_serve(const Args& args, const Context& ctx);  // cli/cmd_serve.cpp
int cmd_export(const Args& args, const Context& ctx);  // cli/cmd_export.cpp

}  // namespace cqc::cli
