#pragma once
// The whole-program link: merges the facts of every unit and runs the analyses on the result.
//
// OWNER: the static-core work (issue 4) for lock order; the race work (issue 5) adds data races.
#include <vector>

#include "facts/facts.h"
#include "report/finding.h"

namespace lockscope::link {

struct Options {
  bool lock_order = true;  // lock-order-inversion, double-lock
  bool races = true;       // data-race
};

// Findings (canonicalized) and diagnostics (notes where an analysis gave up on a construct).
report::Report analyze(const std::vector<facts::TranslationUnitFacts>& units, const Options& options = {});

}  // namespace lockscope::link
