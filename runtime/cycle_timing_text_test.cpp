#include "cycle_timing_text.h"

#include <gtest/gtest.h>

#include "report/finding.h"

namespace lockscope::rt {
namespace {

TEST(CycleTimingText, ConcurrentRunCouldHaveDeadlocked) {
  CycleTiming t;
  EXPECT_EQ(cycle_timing_text(t, "T1", "T2"),
            "in this run the threads that made these lock orders ran at the same time: this run could have deadlocked");
  EXPECT_STREQ(cycle_timing_evidence(t), report::kEvidenceConcurrentRun);
}

TEST(CycleTimingText, SequentialRunSaysHowTheThreadsWereKeptApart) {
  CycleTiming t{false, 1, 2, ThreadClocks::Order::JoinedBeforeStart};
  EXPECT_STREQ(cycle_timing_evidence(t), report::kEvidenceSequentialRun);
  EXPECT_EQ(cycle_timing_text(t, "T1 (entry a)", "T2 (entry b)"),
            "in this run T1 (entry a) was joined before T2 (entry b) started; the same calls made concurrently deadlock");
  t.order = ThreadClocks::Order::JoinedBefore;
  EXPECT_EQ(cycle_timing_text(t, "T1", "T0"),
            "in this run T1 was joined before T0 took its locks; the same calls made concurrently deadlock");
  t.order = ThreadClocks::Order::BeforeStart;
  EXPECT_EQ(cycle_timing_text(t, "T0", "T2"),
            "in this run T0 took its locks before T2 started; the same calls made concurrently deadlock");
  t.earlier = t.later = 0;
  EXPECT_EQ(cycle_timing_text(t, "T0 (entry main)", "T0 (entry main)"),
            "in this run one thread, T0 (entry main), made every one of these lock orders, one after the other; "
            "the same calls made concurrently by two threads deadlock");
}

}  // namespace
}  // namespace lockscope::rt
