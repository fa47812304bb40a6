#pragma once
// One entry point per `lockscope <command>`. Each lives in its own <command>_command.cpp, parses
// its options and calls into lib/ (or runtime/). Each returns the process exit status:
// 0 clean, 1 findings, 2 bad input or usage (report::kExit*).
#include <string>
#include <vector>

namespace lockscope::cli {

using Args = std::vector<std::string>;  // the arguments after the command name

int check_main(const Args& args);  // static analysis over a codebase (check_command.cpp)
int run_main(const Args& args);    // run a program under the runtime shim (run_command.cpp)
int graph_main(const Args& args);  // draw the lock-order graph of a report (graph_command.cpp)
int link_main(const Args& args);     // report on facts from shards or the launcher (link_command.cpp)
int extract_main(const Args& args);  // compiler launcher writing a unit's facts (extract_command.cpp)
int annotate_main(const Args& args);  // write inferred guards as Clang annotations (annotate_command.cpp)

}  // namespace lockscope::cli
