#pragma once
// The two commonest events, short enough for the interceptor to end in a tail call to the real
// function (no callee-saved registers, no result check, no work after the call):
//  - a plain mutex locked by a thread that holds no lock. Holding nothing, the thread can make no
//    edge, no re-entry and no double lock, so only the held entry is written. A plain mutex
//    (kind 0: not recursive, error-checking, robust, priority or process-shared) cannot fail to
//    lock, so the entry is committed before the real call. While the thread waits inside it the
//    entry claims a lock it does not have yet; the thread holds nothing else, so it publishes no
//    wait and can be in no wait cycle, and the watchdog only follows holders that wait
//    (watchdog.cpp).
//  - the unlock of the most recently taken lock (LIFO): the real unlock comes first and the entry
//    is dropped after it (every unlock does this, see interceptors.cpp), so that none of the shim's
//    work lengthens the program's critical section (other threads contending for the lock wait
//    for it). Between the two the list still names a
//    lock the thread no longer has; the thread is running, not waiting, so the watchdog, which
//    only follows holders that wait, never draws a cycle through it.
// Everything else (nested locks, unknown or special mutexes, unlocks out of order or of locks not
// held) takes the full path in interceptors.cpp.
#include <pthread.h>

#include "runtime.h"

namespace lockscope::rt {

// The lock record of `m` when it is a plain mutex (kind byte 0: not recursive, error-checking,
// robust, priority or process-shared; the elision bits above it do not change the outcome, glibc's
// elided lock also returns 0) already known to the shim; nullptr otherwise.
__attribute__((always_inline)) inline LockState* known_plain_mutex(pthread_mutex_t* m) {
  constexpr size_t kMutexKindOffset = 16, kMutexListNextOffset = 32;
  auto addr = reinterpret_cast<uintptr_t>(m);
  if ((*reinterpret_cast<const volatile int*>(addr + kMutexKindOffset) & 0xff) != 0) return nullptr;
  return detector().registry().find_tagged(
      addr, reinterpret_cast<const std::atomic<uint64_t>*>(addr + kMutexListNextOffset));
}

// Records `m` (a known plain mutex, `l`) as held when the thread holds nothing; false (nothing
// written) otherwise. `frame` is the interceptor's own frame: the stack is walked from it, so
// frame 0 is the program's.
__attribute__((always_inline)) inline bool record_first_lock(ThreadState& t, pthread_mutex_t* m, const LockState& l,
                                                             const void* frame) {
  if (t.held_count() != 0) return false;
  HeldEntry& e = t.held_array()[0];  // the inline array always has room for the first
  e.addr = reinterpret_cast<uintptr_t>(m);  // before the walk: fewer values live across it
  e.lock_id = l.id;
  e.mode = Mode::Write;
  e.reentry = false;
  capture_stack_from_own_frame(e.stack, frame, t.stack_lo, t.stack_hi, options().stack_depth);
  t.commit_slot();
  return true;
}

// Drops the hold of `obj` when it is the most recent one; false (nothing changed) otherwise.
__attribute__((always_inline)) inline bool forget_top_hold(ThreadState& t, const void* obj) {
  uint32_t n = t.held_count();
  if (n == 0 || t.held_array()[n - 1].addr != reinterpret_cast<uintptr_t>(obj)) return false;
  t.held_n.store(n - 1, std::memory_order_release);
  return true;
}

}  // namespace lockscope::rt
