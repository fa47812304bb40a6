#pragma once
// A compile database with several programs (a server, its test app, small tools) is several
// programs: a unit with main() and the units it links with form one. Units that define the same
// external symbol differently belong to different programs, so a call to such a symbol means the
// definition in the caller's own program (memcached's STATS_LOCK in the server, not the test app's
// empty stub of the same name).
//
// Membership is found from the calls: starting at each main() unit, a unit joins the program when
// a unit of it calls a symbol that unit alone defines, or a duplicated symbol the program has no
// definition of yet.
#include <cstddef>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace lockscope::link {

struct UnitLinks {
  std::set<std::string> calls;    // USRs the unit's functions call
  bool has_main = false;
};

class ProgramMembership {
 public:
  // `definers`: for each USR defined in more than one way, or in one unit only, the units that
  // define it (a USR whose one definition many units share, an inline function, is left out).
  ProgramMembership(const std::vector<UnitLinks>& units, const std::map<std::string, std::vector<size_t>>& definers);
  // The programs (by main() unit) unit `u` is part of; empty for a unit no main() reaches.
  const std::set<size_t>& programs(size_t u) const { return programs_[u]; }
  bool share_a_program(size_t a, size_t b) const;

 private:
  std::vector<std::set<size_t>> programs_;
};

}  // namespace lockscope::link
