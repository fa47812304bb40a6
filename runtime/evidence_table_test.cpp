#include "evidence_table.h"

#include <map>
#include <random>

#include <gtest/gtest.h>

namespace lockscope::rt {
namespace {

Evidence ev(uint32_t thread, uint32_t stack = 7, uint8_t ngates = 0, uint32_t gate = 0) {
  Evidence e;
  e.acquire_stack = stack;
  e.held_stack = stack + 1;
  e.thread = thread;
  e.modes = 1;
  e.ngates = ngates;
  e.gates[0] = gate;
  return e;
}

TEST(EvidenceTable, EqualRecordsShareOneId) {
  EvidenceTable t;
  uint32_t a = t.acquire(ev(1)), b = t.acquire(ev(1)), c = t.acquire(ev(2));
  EXPECT_EQ(a, b);
  EXPECT_NE(a, c);
  EXPECT_NE(a, 0u);
  EXPECT_EQ(t.live(), 2u);
  EXPECT_EQ(t.refs(a), 2u);
  EXPECT_EQ(t.get(c).thread, 2u);
}

TEST(EvidenceTable, UnusedGateSlotsDoNotTellRecordsApart) {
  EvidenceTable t;
  Evidence x = ev(1, 7, 1, 42), y = x;
  y.gates[2] = 99;  // beyond ngates
  EXPECT_EQ(t.acquire(x), t.acquire(y));
  EXPECT_NE(t.acquire(x), t.acquire(ev(1, 7, 1, 43)));
}

TEST(EvidenceTable, RecordIsFreedAtZeroReferencesAndItsIdReused) {
  EvidenceTable t;
  uint32_t a = t.acquire(ev(1));
  t.acquire(ev(1));
  t.release(a);
  EXPECT_EQ(t.live(), 1u);
  t.release(a);
  EXPECT_EQ(t.live(), 0u);
  uint32_t b = t.acquire(ev(5));
  EXPECT_EQ(b, a);
  EXPECT_EQ(t.get(b).thread, 5u);
  EXPECT_EQ(t.acquire(ev(1)), b + 1);  // the freed record is no longer found
}

TEST(EvidenceTable, HintIsTriedFirstAndAStaleOneMisses) {
  EvidenceTable t;
  uint32_t hint = 0;
  uint32_t a = t.acquire(ev(1), hint);
  EXPECT_EQ(hint, a);
  EXPECT_EQ(t.acquire(ev(1), hint), a);
  EXPECT_EQ(t.refs(a), 2u);
  uint32_t b = t.acquire(ev(2), hint);  // a miss: found or made through the index
  EXPECT_EQ(hint, b);
  EXPECT_EQ(t.acquire(ev(1), hint), a);  // the index still finds a
  t.release(b);
  uint32_t c = t.acquire(ev(3));  // b's id reused for another record
  EXPECT_EQ(c, b);
  hint = b;
  EXPECT_NE(t.acquire(ev(2), hint), c);  // the stale hint names ev(3): no false hit
  EXPECT_EQ(t.get(hint).thread, 2u);
}

TEST(EvidenceTable, RandomizedAgainstACountingMap) {
  // Many threads each observing the same few edges: live records stay bounded by references.
  EvidenceTable t;
  std::mt19937 rng(11);
  std::map<uint32_t, std::pair<uint32_t, int>> ref;  // id -> (thread, refs)
  std::vector<uint32_t> held;
  for (int i = 0; i < 50000; ++i) {
    if (!held.empty() && rng() % 2) {
      size_t k = rng() % held.size();
      uint32_t id = held[k];
      held[k] = held.back();
      held.pop_back();
      t.release(id);
      if (--ref[id].second == 0) ref.erase(id);
    } else {
      uint32_t thread = rng() % 300;
      uint32_t id = t.acquire(ev(thread));
      ASSERT_EQ(t.get(id).thread, thread);
      auto it = ref.find(id);
      if (it != ref.end()) {
        ASSERT_EQ(it->second.first, thread);
        ++it->second.second;
      } else {
        ref[id] = {thread, 1};
      }
      held.push_back(id);
    }
    ASSERT_EQ(t.live(), ref.size());
  }
  for (auto& [id, r] : ref) EXPECT_EQ(t.refs(id), static_cast<uint32_t>(r.second));
}

}  // namespace
}  // namespace lockscope::rt
