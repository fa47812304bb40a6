#pragma once
// The sentence a lock-order-inversion report carries about time: whether this run could have
// deadlocked (its edges made by threads that ran at the same time), or how the run kept them
// apart (one thread made every order; threads ordered by creation and join). Lock order is a
// property of the code, so both are reported; this says which one the user is reading.
#include <string>

#include "detector.h"

namespace lockscope::rt {

// `earlier` / `later` name the timing's threads as the report does ("T1 (entry worker)").
std::string cycle_timing_text(const CycleTiming& timing, const std::string& earlier, const std::string& later);
// report::kEvidenceConcurrentRun or report::kEvidenceSequentialRun.
const char* cycle_timing_evidence(const CycleTiming& timing);

}  // namespace lockscope::rt
