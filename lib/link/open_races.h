#pragma once
// Data races in open code: a field of a concurrent class (or a global) that some entry point
// accesses under a lock, and that an entry point which may run at the same time writes without
// a lock in common (no lock, another lock, or a reader lock only), or that an entry point taking no
// lock at all reads while another writes it under a lock. The finding sits on the unguarded access
// (the write; the read when the writes are all guarded). Fields never accessed under a lock, and
// what constructors and destructors do, are not reported. A lock only one side may hold, or one
// the analysis could not name, counts as in common: precision first.
#include <vector>

#include "link/open_evidence.h"

namespace lockscope::link {

void find_open_races(const std::vector<EntryPoint>& entries, const Summaries& summaries, OpenCodeHandler& handler);

}  // namespace lockscope::link
