// Placeholder until the check command lands; owned by the helper building it.
#include <iostream>

#include "commands.h"
#include "report/finding.h"

namespace lockscope::cli {
int check_main(const Args&) {
  std::cerr << "lockscope check: not built yet\n";
  return report::kExitError;
}
}  // namespace lockscope::cli
