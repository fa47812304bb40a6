#pragma once
// Ids of what the lockset run resolves paths to: "<root>.<field id>..." (link/lockset.cpp).
#include <string>

namespace lockscope::link {

// One id designates the other or a part of it ("l:pool" and "l:pool.tasks_"), either way round.
inline bool overlaps(const std::string& a, const std::string& b) {
  const std::string& shorter = a.size() < b.size() ? a : b;
  const std::string& longer = a.size() < b.size() ? b : a;
  return longer.compare(0, shorter.size(), shorter) == 0 && (longer.size() == shorter.size() || longer[shorter.size()] == '.');
}

}  // namespace lockscope::link
