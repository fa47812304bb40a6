#pragma once
// The program's call graph (direct and virtual calls, thread starts) over Boost.Graph: its strongly
// connected components in bottom-up order (callees before callers) for the summaries, and what the
// main()s reach (the closed world, which the thread analysis speaks for).
#include <map>
#include <set>
#include <vector>

#include "link/program.h"

namespace lockscope::link {

class CallGraph {
 public:
  explicit CallGraph(const Program& program);
  // Components, callees' before their callers'; each lists its functions.
  const std::vector<std::vector<const facts::Function*>>& bottom_up() const { return components_; }
  // Functions reachable from a main() or a global's initializer.
  const std::set<const facts::Function*>& closed_world() const { return closed_world_; }
  // The functions that call (or start a thread in) `f`.
  const std::set<const facts::Function*>& callers(const facts::Function* f) const;

 private:
  std::vector<std::vector<const facts::Function*>> components_;
  std::set<const facts::Function*> closed_world_;
  std::map<const facts::Function*, std::set<const facts::Function*>> callers_;
};

}  // namespace lockscope::link
