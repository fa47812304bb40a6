// Placeholder until the run command lands; owned by the helper building it.
#include <iostream>

#include "commands.h"
#include "report/finding.h"

namespace lockscope::cli {
int run_main(const Args&) {
  std::cerr << "lockscope run: not built yet\n";
  return report::kExitError;
}
}  // namespace lockscope::cli
