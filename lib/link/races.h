#pragma once
// Data races from the evidence of one program run (lockset.h): a write to a shared location
// that another access (read or write) can meet from a thread that may run at the same time
// (may_run_in_parallel: start and join order), with no lock held in common. A lock held in
// shared mode on both sides is not in common: it excludes nothing.
//
// What is shared: globals and statics ("g:" ids), and locals handed to a thread by reference or
// pointer (a local is shared only once some thread was started with it, or with a part of it).
// Objects the lockset run could not name ("p:" an unbound parameter, "t:" an unbound `this`)
// may or may not be one object: they are never reported, and a note says which were skipped.
//
// Each finding sits where testdata/README.md says: on the write, one per (location, write
// site); notes name the conflicting access, the locks held at each, and the thread each runs in.
// When most other accesses agree on one lock, the message names it as the inferred guard.
#include "link/lockset.h"
#include "report/finding.h"

namespace lockscope::link {

struct RaceLimits {
  unsigned pairs = 4'000'000;  // access pairs compared before giving up (with a note)
};

void find_races(const ProgramRun& run, report::Report& out, const RaceLimits& limits = {});

}  // namespace lockscope::link
