#pragma once
// Which locals another thread can reach. A local is private to its frame unless it is handed on:
// given to a thread start, stored with a callable into a holder, bound to a reference or pointer
// elsewhere, or passed (by pointer, by reference, as `this`) to a call whose parameter is handed on
// in turn, or to a call the link cannot see into. Accesses to the other locals cannot race, so the
// lockset run does not keep them: on C code that passes buffers down long call chains
// (zstd's decompression) they were most of the evidence the analysis budget counts.
#include <set>
#include <string>

#include "link/program.h"

namespace lockscope::link {

class Escapes {
 public:
  explicit Escapes(const Program& program);
  // `usr` is the local's identity (facts::Path::id of a Root::Local path).
  bool local_escapes(const std::string& usr) const { return locals_.count(usr) != 0; }

 private:
  std::set<std::string> locals_;
};

}  // namespace lockscope::link
