#pragma once
// Lock-order inversions in open code: cycles (Boost.Graph, elementary circuits) in the lock-order
// graph of every concurrent entry point, edges made inside callees included, across units, and
// between members of one object (`checking_.m` then `savings_.m`, the reverse elsewhere). A cycle
// whose edges all hold one other lock exclusively (a gate) cannot close.
#include <vector>

#include "link/open_evidence.h"

namespace lockscope::link {

void find_open_order_cycles(const std::vector<EntryPoint>& entries, const Summaries& summaries,
                            OpenCodeHandler& handler, unsigned max_cycles = 2000);

}  // namespace lockscope::link
