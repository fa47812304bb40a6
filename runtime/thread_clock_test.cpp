#include "thread_clock.h"

#include <gtest/gtest.h>

namespace lockscope::rt {
namespace {

TEST(ThreadClocks, JoinedBeforeCreateIsOrdered) {
  ThreadClocks c;
  c.on_start(0, {});
  c.on_start(1, c.on_create(0));
  uint32_t t1_event = c.epoch(1);
  c.on_exit(1);
  c.on_join(0, 1);
  c.on_start(2, c.on_create(0));
  EXPECT_TRUE(c.happens_before(1, t1_event, 2, c.epoch(2)));
  EXPECT_FALSE(c.concurrent(1, t1_event, 2, c.epoch(2)));
}

TEST(ThreadClocks, RunningSideBySideIsConcurrent) {
  ThreadClocks c;
  c.on_start(0, {});
  c.on_start(1, c.on_create(0));
  c.on_start(2, c.on_create(0));
  EXPECT_TRUE(c.concurrent(1, c.epoch(1), 2, c.epoch(2)));
  // The parent's events after creating a child overlap with it...
  EXPECT_TRUE(c.concurrent(0, c.epoch(0), 1, c.epoch(1)));
}

TEST(ThreadClocks, ParentEventsBeforeCreateAndAfterJoinAreOrdered) {
  ThreadClocks c;
  c.on_start(0, {});
  uint32_t before = c.epoch(0);
  c.on_start(1, c.on_create(0));
  uint32_t child = c.epoch(1);
  EXPECT_TRUE(c.happens_before(0, before, 1, child));
  c.on_exit(1);
  c.on_join(0, 1);
  EXPECT_TRUE(c.happens_before(1, child, 0, c.epoch(0)));
  // ...but an event of the parent between create and join overlaps with the child.
  EXPECT_TRUE(c.concurrent(0, before + 1, 1, child));
}

TEST(ThreadClocks, OrderIsTransitiveThroughJoins) {
  ThreadClocks c;
  c.on_start(0, {});
  c.on_start(1, c.on_create(0));
  c.on_start(2, c.on_create(1));  // grandchild
  uint32_t g = c.epoch(2);
  c.on_exit(2);
  c.on_join(1, 2);
  c.on_exit(1);
  c.on_join(0, 1);
  c.on_start(3, c.on_create(0));
  EXPECT_TRUE(c.happens_before(2, g, 3, c.epoch(3)));
}

}  // namespace
}  // namespace lockscope::rt
