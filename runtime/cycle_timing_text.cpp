#include "cycle_timing_text.h"

#include "report/finding.h"

namespace lockscope::rt {

std::string cycle_timing_text(const CycleTiming& timing, const std::string& earlier, const std::string& later) {
  if (timing.concurrent)
    return "in this run the threads that made these lock orders ran at the same time: this run could have deadlocked";
  const std::string same = "; the same calls made concurrently deadlock";
  if (timing.one_thread())
    return "in this run one thread, " + earlier + ", made every one of these lock orders, one after the other" +
           "; the same calls made concurrently by two threads deadlock";
  switch (timing.order) {
    case ThreadClocks::Order::JoinedBeforeStart:
      return "in this run " + earlier + " was joined before " + later + " started" + same;
    case ThreadClocks::Order::JoinedBefore:
      return "in this run " + earlier + " was joined before " + later + " took its locks" + same;
    case ThreadClocks::Order::BeforeStart:
      return "in this run " + earlier + " took its locks before " + later + " started" + same;
    case ThreadClocks::Order::Other:
      break;
  }
  return "in this run thread creation and join ordered " + earlier + "'s locking before " + later + "'s" + same;
}

const char* cycle_timing_evidence(const CycleTiming& timing) {
  return timing.concurrent ? report::kEvidenceConcurrentRun : report::kEvidenceSequentialRun;
}

}  // namespace lockscope::rt
