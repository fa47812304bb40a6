// `lockscope`: the one command line. Dispatches to a command; all real work happens in lib/.
// Links no LLVM: the commands that need it are in liblockscope-cli.so (cli_library.h).
#include <array>
#include <iostream>
#include <string_view>

#include "cli_library.h"
#include "commands.h"
#include "lockscope/version.h"
#include "report/finding.h"
#include "report/kinds.h"

namespace {

using lockscope::cli::Args;
using lockscope::cli::run_in_cli_library;

struct Command {
  std::string_view name;
  std::string_view summary;
  int (*main)(const Args&);
};

int kinds_main(const Args&) {
  for (const auto& k : lockscope::report::all_kinds()) std::cout << k.name << "\t" << k.summary << "\n";
  return 0;
}

int version_main(const Args&) {
  std::cout << "lockscope " << lockscope::kVersion << "\n";
  return 0;
}

constexpr std::array kCommands = {
    Command{"check", "analyze C/C++ sources for lock-order inversions, double locks and data races",
            [](const Args& a) { return run_in_cli_library("check", a); }},
    Command{"run", "run a program with the runtime shim preloaded and report what it observed",
            lockscope::cli::run_main},
    Command{"graph", "draw the lock-order graph of a JSON report (DOT or a self-contained HTML page)",
            [](const Args& a) { return run_in_cli_library("graph", a); }},
    Command{"link", "report on facts extracted by `check --shard --facts-out` jobs or by `extract`",
            [](const Args& a) { return run_in_cli_library("link", a); }},
    Command{"extract", "compiler launcher: write a unit's facts next to its object, then compile",
            [](const Args& a) { return run_in_cli_library("extract", a); }},
    Command{"annotate", "write the inferred locking as Clang Thread Safety annotations (a diff or fix-its)",
            [](const Args& a) { return run_in_cli_library("annotate", a); }},
    Command{"kinds", "list the finding kinds", kinds_main},
    Command{"version", "print the version", version_main},
};

void usage(std::ostream& out) {
  out << "usage: lockscope <command> [options]\n\ncommands:\n";
  for (const Command& c : kCommands) out << "  " << c.name << std::string(10 - c.name.size(), ' ') << c.summary << "\n";
  out << "\n`lockscope <command> --help` describes a command's options.\n";
}

}  // namespace

int main(int argc, char** argv) {
  // Installed or symlinked as `lockscope-extract`, the binary is the compiler launcher, whose
  // arguments are the compiler command itself (CMAKE_<LANG>_COMPILER_LAUNCHER takes one program).
  if (std::string_view(argv[0]).ends_with("lockscope-extract"))
    return run_in_cli_library("extract", Args(argv + 1, argv + argc));
  if (argc < 2) {
    usage(std::cerr);
    return lockscope::report::kExitError;
  }
  std::string_view name = argv[1];
  if (name == "--help" || name == "-h" || name == "help") {
    usage(std::cout);
    return 0;
  }
  if (name == "--version") return version_main({});
  for (const Command& c : kCommands) {
    if (c.name == name) return c.main(Args(argv + 2, argv + argc));
  }
  std::cerr << "lockscope: unknown command '" << name << "'\n";
  usage(std::cerr);
  return lockscope::report::kExitError;
}
