#pragma once
// What the open-code analyses (open_races.h, open_order.h) find, as structured evidence: ids,
// sites, call chains and the entry points each side came from. The analyses never format text:
// they hand this to a Handler; report_open.cpp turns it into findings (Clang's ThreadSafety
// handler shape, STYLE.md).
#include <vector>

#include "link/entry_points.h"
#include "link/summary.h"

namespace lockscope::link {

// One side of a race: an access as the summary of the entry point `entry` records it.
struct AccessSide {
  const EntryPoint* entry = nullptr;
  const SummaryAccess* access = nullptr;
};

struct RaceEvidence {
  // The unguarded access (a write, or a read of what is only written under a lock) and the access
  // it conflicts with; `other` may be the write itself: the entry runs twice at once.
  AccessSide write, other;
};

// `acquire->lock` taken while `from` was held, in `entry`.
struct OrderEdgeEvidence {
  facts::ObjectId from;
  const EntryPoint* entry = nullptr;
  const SummaryAcquire* acquire = nullptr;
};

struct CycleEvidence {
  std::vector<OrderEdgeEvidence> edges;  // in cycle order
};

class OpenCodeHandler {
 public:
  virtual ~OpenCodeHandler() = default;
  virtual void race(const RaceEvidence& evidence) = 0;
  virtual void cycle(const CycleEvidence& evidence) = 0;
  virtual void note(const report::Location& at, const std::string& message) = 0;  // gave up on something
};

}  // namespace lockscope::link
