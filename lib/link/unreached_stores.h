#pragma once
// The lockset run learns what a holder holds from the stores it walks through; a store in a
// function no analyzed thread calls (libmicrohttpd's MHD_set_panic_func, a library's API that the
// library itself never calls) is not seen. A call through such a holder is still not followed,
// but its note must not claim that nothing stores into it: it names the functions that do.
#include <map>
#include <string>
#include <vector>

#include "facts/facts.h"
#include "link/program.h"

namespace lockscope::link {

class GlobalHolderStores {
 public:
  // One pass over every function of the program, reached or not.
  explicit GlobalHolderStores(const Program& program);
  // The display names of the functions that store into `holder` (a global, or a field path of
  // one); empty for any other holder.
  std::vector<std::string> storers(const facts::Path& holder) const;

 private:
  std::map<std::string, std::vector<std::string>> by_holder_;
};

// "call through 'mhd_panic' is not followed: ..." when nothing stored into `holder` was reached.
std::string unfollowed_holder_note(const std::string& callee_name, const std::vector<std::string>& storers);

}  // namespace lockscope::link
