#pragma once
// A stack captured by the annotation API starts inside the annotated lock's own method: the
// inline wrapper of lockscope/annotations.h, then the method that called it (SpinLock::lock).
// Reports start at the method's caller, as they start past std::mutex::lock for pthread locks.
#include <string_view>
#include <vector>

#include "symbolizer.h"

namespace lockscope::rt {

inline void drop_annotating_frames(std::vector<Frame>& fs) {
  if (fs.size() >= 2 && std::string_view(fs[0].file).ends_with("lockscope/annotations.h"))
    fs.erase(fs.begin(), fs.begin() + 2);
}

}  // namespace lockscope::rt
