#pragma once
// The static analysis of open code (libraries and APIs without a main()): summaries bottom-up over
// the call graph, the concurrent entry points they imply, and the races and lock-order cycles
// between those entry points, reported with the evidence kind report::kEvidenceConcurrentApi.
// Code a main() reaches is left to the thread analysis (lockset.h).
#include <vector>

#include "link/program.h"
#include "report/finding.h"

namespace lockscope::link {

struct OpenCodeOptions {
  bool lock_order = true;
  bool races = true;
};

void check_open_code(const Program& program, const OpenCodeOptions& options, report::Report& out);

}  // namespace lockscope::link
