#pragma once
// A finding's identity that survives unrelated edits: the same bug keeps the same fingerprint when
// lines are inserted above it, when the file is checked out somewhere else, or when the runtime
// names its threads T3 instead of T2. Baselines (baseline.h) and SARIF `partialFingerprints`
// (sarif.h) both use it, so a finding that GitHub code scanning tracks is the one a baseline holds.
//
// Built from: kind, the file's base name, the function, the sorted lock names, the lock-order edges
// (from -> to, without their locations) and the message with numbers and addresses blanked out.
// Never from a line or column. Two different bugs can share a fingerprint only if they are the same
// kind of problem on the same locks in the same function of a same-named file; callers therefore
// compare fingerprints as a multiset (two such findings today against one in the baseline: one is new).
#include <string>

#include "report/finding.h"

namespace lockscope::report {

// 16 lowercase hex digits (FNV-1a 64 of the parts above): stable across platforms and runs.
std::string fingerprint(const Finding& finding);

}  // namespace lockscope::report
