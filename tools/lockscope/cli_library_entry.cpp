// The entry point of liblockscope-cli.so (see cli_library.h).
#include <string_view>

#include "cli_library.h"

extern "C" __attribute__((visibility("default"))) int lockscope_cli_command(const char* name,
                                                                             const lockscope::cli::Args* args) {
  using namespace lockscope::cli;
  std::string_view n = name;
  if (n == "check") return check_main(*args);
  if (n == "graph") return graph_main(*args);
  if (n == "link") return link_main(*args);
  if (n == "extract") return extract_main(*args);
  if (n == "annotate") return annotate_main(*args);
  return -1;
}
