#include "stack.h"

#include <algorithm>

namespace lockscope::rt {

namespace {
uint64_t hash_stack(const Stack& s) {
  uint64_t h = 1469598103934665603ull ^ s.n;
  for (uint32_t i = 0; i < s.n; ++i) h = (h ^ s.pc[i]) * 1099511628211ull;
  return h;
}
}  // namespace

uint32_t StackDepot::put(const Stack& in) {
  // The watchdog copies other threads' entries racily: never trust n beyond the array.
  Stack s = in;
  if (s.n > kMaxFrames) s.n = kMaxFrames;
  if (s.n == 0) return 0;
  uint64_t h = hash_stack(s);
  SpinGuard g(lock_);
  auto [b, e] = index_.equal_range(h);
  for (auto it = b; it != e; ++it) {
    const auto& v = stacks_[it->second];
    if (v.size() == s.n && std::equal(v.begin(), v.end(), s.pc)) return it->second;
  }
  uint32_t id = static_cast<uint32_t>(stacks_.size());
  stacks_.emplace_back(s.pc, s.pc + s.n);
  index_.emplace(h, id);
  return id;
}

Stack StackDepot::get(uint32_t id) const {
  Stack s;
  SpinGuard g(lock_);
  if (id == 0 || id >= stacks_.size()) return s;
  const auto& v = stacks_[id];
  s.n = static_cast<uint32_t>(std::min<size_t>(v.size(), kMaxFrames));
  std::copy(v.begin(), v.begin() + s.n, s.pc);
  return s;
}

}  // namespace lockscope::rt
