#pragma once
// Lock-order findings from the evidence of one program run (lockset.h):
// - lock-order-inversion: a cycle in the lock-order graph (Boost.Graph, elementary circuits)
//   whose edges can be taken at the same time: by distinct threads, or by one thread started
//   more than once, and not all under one gate lock that keeps those threads apart;
// - double-lock: a non-recursive lock re-acquired by the thread that holds it.
// Each finding sits where testdata/README.md says: an inversion on the acquisition, among the
// cycle's edges, that comes last in source order; a double lock on the re-acquisition.
#include <vector>

#include "link/lockset.h"
#include "report/finding.h"

namespace lockscope::link {

struct CycleLimits {
  unsigned max_cycles = 2000;       // elementary circuits enumerated before giving up (with a note)
  unsigned max_combinations = 4096;  // edge-instance choices tried per cycle
};

void find_lock_order_issues(const ProgramRun& run, report::Report& out, const CycleLimits& limits = {});

}  // namespace lockscope::link
