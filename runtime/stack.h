#pragma once
// Call stacks as raw return addresses: captured on the lock fast path by walking frame pointers
// (cheap, no allocation, no lock), interned in a depot only when something needs to remember them
// (a new lock, a new edge, a finding), and symbolized only when a report is written.
#include <cstdint>
#include <unordered_map>
#include <vector>

#include "spin_lock.h"

namespace lockscope::rt {

inline constexpr unsigned kMaxFrames = 16;

struct Stack {
  uint32_t n = 0;
  uintptr_t pc[kMaxFrames];
};

// Copies only the frames in use (a Stack is mostly empty; this is on the fast path).
inline void copy_stack(Stack& to, const Stack& from) {
  to.n = from.n;
  for (uint32_t i = 0; i < from.n; ++i) to.pc[i] = from.pc[i];
}

// Appends the return addresses of the frame chain at `f` to `s`, up to `depth`, checked as capture_stack says.
inline void append_frames(Stack& s, uintptr_t f, uintptr_t lo, uintptr_t hi, unsigned depth) {
  while (s.n < depth && f >= lo && f + 16 <= hi && (f & 7) == 0) {
    auto* frame = reinterpret_cast<const uintptr_t*>(f);
    uintptr_t pc = frame[1];
    if (pc < 4096) break;
    s.pc[s.n++] = pc;
    uintptr_t next = frame[0];
    if (next <= f) break;
    f = next;
  }
}

// Walks the frame-pointer chain starting at `fp` (the caller's frame), keeping only frames whose
// pointers stay inside [lo, hi) and increase, so code built without frame pointers stops the walk
// instead of crashing it. Frame 0 is the return address of the frame `fp` belongs to.
inline void capture_stack(Stack& s, const void* fp, uintptr_t lo, uintptr_t hi, unsigned depth) {
  s.n = 0;
  append_frames(s, reinterpret_cast<uintptr_t>(fp), lo, hi, depth);
}

// As capture_stack, when `fp` is the frame of the (frame-pointer-built) function that calls this:
// that frame is certainly valid, so frame 0 is taken without the checks (the lock fast path).
inline void capture_stack_from_own_frame(Stack& s, const void* fp, uintptr_t lo, uintptr_t hi, unsigned depth) {
  auto* own = static_cast<const uintptr_t*>(fp);
  s.pc[0] = own[1];
  s.n = 1;
  auto f = own[0];
  if (f <= reinterpret_cast<uintptr_t>(fp)) return;
  append_frames(s, f, lo, hi, depth);
}

// Interns stacks; id 0 is "no stack". Thread-safe (one internal lock; only slow paths call it).
class StackDepot {
 public:
  uint32_t put(const Stack& s);
  Stack get(uint32_t id) const;
  SpinLock& lock() { return lock_; }  // for fork(): held across it so the child sees a consistent depot

 private:
  mutable SpinLock lock_;
  std::vector<std::vector<uintptr_t>> stacks_{{}};
  std::unordered_multimap<uint64_t, uint32_t> index_;
};

}  // namespace lockscope::rt
