#include "link/programs.h"

#include <algorithm>
#include <deque>

namespace lockscope::link {

ProgramMembership::ProgramMembership(const std::vector<UnitLinks>& units,
                                     const std::map<std::string, std::vector<size_t>>& definers)
    : programs_(units.size()) {
  for (size_t root = 0; root < units.size(); ++root) {
    if (!units[root].has_main) continue;
    std::set<size_t> members{root};
    std::deque<size_t> work{root};
    while (!work.empty()) {
      size_t u = work.front();
      work.pop_front();
      for (const std::string& usr : units[u].calls) {
        auto it = definers.find(usr);
        if (it == definers.end()) continue;
        const std::vector<size_t>& defs = it->second;
        // Defined in the program already (the caller's own unit among them): nothing joins.
        if (std::any_of(defs.begin(), defs.end(), [&](size_t d) { return members.count(d); })) continue;
        // Another program's main() unit never joins this one.
        std::vector<size_t> candidates;
        for (size_t d : defs)
          if (!units[d].has_main) candidates.push_back(d);
        if (candidates.size() != 1) continue;  // ambiguous: resolved (with a note) at the call
        members.insert(candidates[0]);
        work.push_back(candidates[0]);
      }
    }
    for (size_t m : members) programs_[m].insert(root);
  }
}

bool ProgramMembership::share_a_program(size_t a, size_t b) const {
  if (a == b) return true;
  return std::any_of(programs_[a].begin(), programs_[a].end(), [&](size_t p) { return programs_[b].count(p) != 0; });
}

}  // namespace lockscope::link
