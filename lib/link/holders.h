#pragma once
// Holders of type-erased callables (std::function, std::packaged_task, function pointers, and
// containers of them), as the lockset run sees them: which callables were stored into which
// holder, and which holders' contents flow into which (a task queue popped into a local). It is
// flow-insensitive: it only grows while the threads are analysed.
//
// And the rule for what a called task shares with the thread that calls it (hand_over_captures).
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "link/lockset.h"

namespace lockscope::link {

class HolderGraph {
 public:
  // Both return true when the graph changed.
  bool add_callable(const std::string& holder, size_t callable);  // an index into the caller's table
  bool add_flow(const std::string& into, const std::string& from);

  // Every holder whose contents may be in `holder` (itself first), each with the holders on the
  // way, from the one reached back to `holder` (`via`: where a task went through).
  struct Reached {
    std::string holder;
    std::vector<std::string> via;
  };
  std::vector<Reached> reach(const std::string& holder) const;
  const std::vector<size_t>& callables(const std::string& holder) const;

 private:
  std::map<std::string, std::vector<size_t>> callables_;
  std::map<std::string, std::set<std::string>> flows_;  // into -> from
};

// What calls through holders handed one thread: (captured object id, the holders it came through).
using Handed = std::set<std::pair<std::string, std::vector<std::string>>>;

// A task's captures are shared with the thread that runs it only when the task crossed threads:
// when some holder it came through is itself shared (a global, or part of what a thread was
// started with, such as a pool's queue). A callback made and called within one thread's frames (a
// local std::function capturing locals by reference) shares nothing. What a task hands over can
// make the next holder shared (a packaged_task captured by a queued lambda): runs to a fixpoint.
// Adds the handed ids that cross to ThreadInstance::given; `handed` is indexed by thread.
void hand_over_captures(ProgramRun& run, const std::vector<Handed>& handed);

}  // namespace lockscope::link
