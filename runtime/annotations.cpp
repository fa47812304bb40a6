// The annotation API (include/lockscope/annotations.h): locks the interceptors cannot see report
// their events here, and the detector treats them as it treats pthread's. They are found by
// address (Family::Other, like spinlocks: no tag fits in an unknown object). The acquisition
// recorded by before_lock waits aside in the thread's `annotated` entry until after_lock says
// whether it succeeded, since the lock's implementation may take other locks in between.
#include <string>

#include "acting_thread.h"
#include "include/lockscope/annotations.h"

using namespace lockscope::rt;

#define EXPORT extern "C" __attribute__((visibility("default")))

namespace {

Mode mode_of(unsigned flags) { return flags & LOCKSCOPE_SHARED ? Mode::Read : Mode::Write; }

LockState* annotated_lock(ThreadState* t, uintptr_t addr, const Stack& st) {
  Detector& d = detector();
  if (LockState* l = d.registry().find(addr, Family::Other)) return l;
  return d.new_lock(*t, addr, Family::Other, 0, st);
}

}  // namespace

EXPORT void lockscope_annotate_lock_create(const void* lock, unsigned flags, const char* name) {
  ThreadState* t = acting_thread();
  if (!t) return;
  CAPTURE(t, st);
  ++t_shim.in_shim;
  auto addr = reinterpret_cast<uintptr_t>(lock);
  Detector& d = detector();
  d.forget(addr, Family::Other);  // a new lock, whatever was at this address before
  uint8_t f = (flags & LOCKSCOPE_LOCK_RECURSIVE ? kRecursive : 0) | (flags & LOCKSCOPE_LOCK_READ_WRITE ? kReadWrite : 0);
  LockState* l = d.new_lock(*t, addr, Family::Other, f, st);
  if (name && *name) d.names().set(l->id, name);
  --t_shim.in_shim;
}

EXPORT void lockscope_annotate_lock_destroy(const void* lock) {
  if (bypass()) return;
  ++t_shim.in_shim;
  detector().forget(reinterpret_cast<uintptr_t>(lock), Family::Other);
  --t_shim.in_shim;
}

EXPORT void lockscope_annotate_before_lock(const void* lock, unsigned flags) {
  ThreadState* t = acting_thread();
  if (!t) return;
  HeldEntry& e = t->annotated;
  CAPTURE_INTO(t, e.stack);
  ++t_shim.in_shim;
  Detector& d = detector();
  auto addr = reinterpret_cast<uintptr_t>(lock);
  LockState* l = annotated_lock(t, addr, e.stack);
  bool blocking = !(flags & LOCKSCOPE_TRY);
  size_t before = d.finding_count();
  Verdict v = d.before_lock(*t, *l, mode_of(flags), blocking, e.stack);
  // A re-lock of a held non-recursive lock: the program's own wait would never end.
  if (v == Verdict::WouldHang) die_with_findings();
  if (d.finding_count() != before) on_new_findings();
  e.addr = addr;
  e.lock_id = l->id;
  e.mode = mode_of(flags);
  e.reentry = v == Verdict::Reentry;
  if (blocking && t->held_count() > 0 && options().hang_timeout_ms > 0) {
    t->wait_seq.store(t->wait_seq.load(std::memory_order_relaxed) + 1, std::memory_order_relaxed);
    t->waiting.store(&e, std::memory_order_release);
    start_watchdog_if_needed();
  }
  --t_shim.in_shim;
}

EXPORT void lockscope_annotate_after_lock(const void* lock, unsigned flags, int acquired) {
  ThreadState* t = acting_thread();
  if (!t) return;
  HeldEntry& e = t->annotated;
  if (t->waiting.load(std::memory_order_relaxed) == &e) t->waiting.store(nullptr, std::memory_order_release);
  auto addr = reinterpret_cast<uintptr_t>(lock);
  if (!acquired) {
    e.addr = 0;
    return;
  }
  if (e.addr != addr) {  // no matching before_lock: count it as a try that succeeded
    CAPTURE(t, st);
    ++t_shim.in_shim;
    LockState* l = annotated_lock(t, addr, st);
    Verdict v = detector().before_lock(*t, *l, mode_of(flags), false, st);
    detector().after_lock(*t, *l, mode_of(flags), v == Verdict::Reentry, st);
    --t_shim.in_shim;
    return;
  }
  HeldEntry& slot = t->next_slot();
  slot.addr = e.addr;
  slot.lock_id = e.lock_id;
  slot.mode = e.mode;
  slot.reentry = e.reentry;
  copy_stack(slot.stack, e.stack);
  e.addr = 0;
  t->commit_slot();
}

EXPORT void lockscope_annotate_before_unlock(const void* lock, unsigned flags) {
  (void)flags;
  ThreadState* t = acting_thread();
  if (!t) return;
  auto addr = reinterpret_cast<uintptr_t>(lock);
  if (detector().before_unlock(*t, addr)) return;
  CAPTURE(t, st);
  ++t_shim.in_shim;
  detector().unlock_not_held(*t, addr, st);
  on_new_findings();
  --t_shim.in_shim;
}
