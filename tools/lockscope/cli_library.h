#pragma once
// The commands that need Clang and LLVM (check, link, extract, graph) live in liblockscope-cli.so,
// loaded only when one of them runs: `lockscope` itself links no LLVM, so `lockscope run`, which
// users put in front of every test binary, starts a program as fast as LD_PRELOAD by hand
// (loading LLVM's libraries costs about 50 ms and 55 MB before anything runs; issue 15).
#include "commands.h"

namespace lockscope::cli {

// Runs command `name` of the library with `args`; a library that cannot be loaded is reported
// (exit 2).
int run_in_cli_library(const char* name, const Args& args);

}  // namespace lockscope::cli

// The library's one entry point (cli_library_entry.cpp); -1 for an unknown name.
extern "C" int lockscope_cli_command(const char* name, const lockscope::cli::Args* args);
