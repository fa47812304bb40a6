#pragma once
// What every entry point of the shim (interceptors.cpp, annotations.cpp) does first: decide
// whether to act for the calling thread, and capture the caller's stack from its own frame.
#include "runtime.h"

namespace lockscope::rt {

// Capturing must happen in the entry point's own frame: frame 0 is then its caller.
#define CAPTURE_INTO(t, st) \
  capture_stack_from_own_frame(st, __builtin_frame_address(0), (t)->stack_lo, (t)->stack_hi, options().stack_depth)
#define CAPTURE(t, st) \
  Stack st;            \
  CAPTURE_INTO(t, st)

inline bool bypass() {
  if (t_shim.in_shim) return true;
  if (!ready()) ensure_init();
  return t_shim.in_shim != 0;
}

// The calling thread's state when the shim should act, else nullptr (pass through). Once a thread
// has a state the shim is initialised, so the common case is two TLS loads; the rest is out of line.
__attribute__((noinline)) inline ThreadState* thread_for_slow_path() { return bypass() ? nullptr : current_thread(); }
inline ThreadState* acting_thread() {
  ThreadState* t = t_shim.thread;
  if (__builtin_expect(t != nullptr && t_shim.in_shim == 0, 1)) return t;
  return thread_for_slow_path();
}

}  // namespace lockscope::rt
