// The interceptors: one uniform shape per function (as compiler-rt's dd does) — pass through when
// re-entered, capture the caller's stack, tell the detector before, make the real call (resolved
// with dlsym(RTLD_NEXT): libc's definition, both when preloaded and when linked into the program),
// tell the detector after. Grouped by lock family; try and timed variants count only on success;
// a condition wait is an unlock followed by a blocking re-acquire.
#include <dlfcn.h>
#include <errno.h>
#include <pthread.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <threads.h>

#include <atomic>
#include <cstdlib>
#include <cstring>

#include "acting_thread.h"
#include "plain_lock_fast_path.h"
#include "runtime.h"

using namespace lockscope::rt;

#define EXPORT extern "C" __attribute__((visibility("default")))

namespace {

template <typename F>
F resolve(const char* name, const char* version = nullptr) {
  void* p = version ? dlvsym(RTLD_NEXT, name, version) : dlsym(RTLD_NEXT, name);
  if (!p) {
    static const char msg[] = "lockscope: cannot find the real pthread functions (dlsym RTLD_NEXT failed)\n";
    (void)!write(2, msg, sizeof msg - 1);
    _exit(2);
  }
  return reinterpret_cast<F>(p);
}

// The real function, resolved on first use. A constinit atomic instead of a function-local static:
// no guard check per call. Two threads resolving at once store the same pointer.
#define REAL(name, ...)                                                                 \
  static constinit std::atomic<decltype(&name)> real_ptr{nullptr};                     \
  auto real = real_ptr.load(std::memory_order_relaxed);                                 \
  if (__builtin_expect(real == nullptr, 0)) {                                           \
    real = resolve<decltype(&name)>(#name __VA_OPT__(, ) __VA_ARGS__);                  \
    real_ptr.store(real, std::memory_order_relaxed);                                    \
  }

// The same, for interceptors split into an inline fast part and an out-of-line full part: the
// pointer lives at namespace scope so that both see it, and only the full part resolves it (so the
// fast part makes no call but its final tail call, and needs no callee-saved register).
#define REAL_SHARED(name) constinit std::atomic<decltype(&name)> real_##name{nullptr};
#define REAL_FROM_SHARED(name)                                                \
  auto real = real_##name.load(std::memory_order_relaxed);                    \
  if (__builtin_expect(real == nullptr, 0)) {                                 \
    real = resolve<decltype(&name)>(#name);                                   \
    real_##name.store(real, std::memory_order_relaxed);                       \
  }

enum class Acq { Blocking, Try, Timed };

uint8_t mutex_flags(const void* m) {
  int kind = *reinterpret_cast<const volatile int*>(static_cast<const char*>(m) + 16) & 3;
  return kind == PTHREAD_MUTEX_RECURSIVE ? kRecursive : kind == PTHREAD_MUTEX_ERRORCHECK ? kErrorCheck : 0;
}

// Everything around one acquisition, inlined into each interceptor. The caller has already captured
// the stack straight into the held slot `e` (the slot past the held locks), so the fast path (a
// known lock, no re-entry, every edge in the thread's cache) copies nothing and calls nothing out
// of line. `call` makes the real call and returns true on success. `l` is the lock when the
// caller already looked it up (nullptr: look it up here).
template <typename Call, typename Flags>
__attribute__((always_inline)) inline void acquire(ThreadState* t, HeldEntry& e, const void* obj, Family family,
                                                   Flags flags, Mode mode, Acq acq, Call call,
                                                   LockState* l = nullptr) {
  Detector& d = detector();
  auto addr = reinterpret_cast<uintptr_t>(obj);
  if (!l) l = d.registry().find(addr, family);
  bool reentry = false;
  if (__builtin_expect(!l || !d.nothing_new(*t, *l, mode, acq != Acq::Try), 0)) {
    ++t_shim.in_shim;
    if (!l) l = d.new_lock(*t, addr, family, flags(), e.stack);
    size_t before = d.finding_count();
    Verdict v = d.before_lock(*t, *l, mode, acq != Acq::Try, e.stack);
    if (v == Verdict::WouldHang) die_with_findings();
    if (d.finding_count() != before) on_new_findings();
    reentry = v == Verdict::Reentry;
    --t_shim.in_shim;
  }
  // The held entry is complete before the real call so that only a counter increment remains
  // inside the program's critical section; the watchdog reads the same entry as "wanted".
  e.addr = addr;
  e.lock_id = l->id;
  e.mode = mode;
  e.reentry = reentry;
  bool publish = acq == Acq::Blocking && t->held_count() > 0 && options().hang_timeout_ms > 0;
  if (publish) {
    t->wait_seq.store(t->wait_seq.load(std::memory_order_relaxed) + 1, std::memory_order_relaxed);
    t->waiting.store(&e, std::memory_order_release);
    start_watchdog_if_needed();
  }
  bool ok = call();
  if (publish) t->waiting.store(nullptr, std::memory_order_release);
  if (ok) t->commit_slot();
}

void release(ThreadState* t, const Stack& st, const void* obj) {
  ++t_shim.in_shim;
  if (!detector().before_unlock(*t, reinterpret_cast<uintptr_t>(obj))) {
    detector().unlock_not_held(*t, reinterpret_cast<uintptr_t>(obj), st);
    on_new_findings();
  }
  --t_shim.in_shim;
}

// An unlock of a lock that is not the most recent hold (or not held at all), out of line so that
// the unlock interceptor keeps no frame of its own. `frame` is the interceptor's: the stack is
// walked from it, so frame 0 is the program's (also when this call was made as a tail call, which
// leaves the same return address and saved frame pointer at `frame`).
__attribute__((noinline)) void forget_hold(ThreadState* t, const void* frame, const void* obj) {
  if (detector().before_unlock(*t, reinterpret_cast<uintptr_t>(obj))) return;
  ++t_shim.in_shim;
  Stack st;
  capture_stack_from_own_frame(st, frame, t->stack_lo, t->stack_hi, options().stack_depth);
  detector().unlock_not_held(*t, reinterpret_cast<uintptr_t>(obj), st);
  on_new_findings();
  --t_shim.in_shim;
}

// After the real unlock, when the lock was not the most recent hold: forgets it, or reports that
// it was not held. `frame` as for forget_hold.
__attribute__((noinline)) void forget_released(const void* frame, const void* obj) {
  if (ThreadState* t = acting_thread()) forget_hold(t, frame, obj);
}

void forget(const void* obj, Family family) {
  ++t_shim.in_shim;
  detector().forget(reinterpret_cast<uintptr_t>(obj), family);
  --t_shim.in_shim;
}

}  // namespace

// One shape for every acquisition: `obj` names the lock argument, `ok` tells success from `r`;
// `flags` is evaluated only for a lock seen for the first time.
#define LOCK_INTERCEPTOR(name, params, args, obj, family, flags, mode, acq, ok)                  \
  EXPORT int name params {                                                                       \
    REAL(name);                                                                                  \
    ThreadState* t = acting_thread();                                                            \
    if (!t) return real args;                                                                    \
    HeldEntry& e = t->next_slot();                                                               \
    CAPTURE_INTO(t, e.stack);                                                                    \
    int r = 0;                                                                                   \
    acquire(t, e, (const void*)(obj), family, [&] { return uint8_t(flags); }, mode, acq,         \
            [&] { return (r = real args, ok); });                                                \
    return r;                                                                                    \
  }

// Release. The real call comes first, so that none of the shim's work lengthens the program's
// critical section (a contending thread waits for exactly the program's own work); the hold is
// forgotten after it. The usual LIFO unlock does that inline (plain_lock_fast_path.h); anything else
// goes out of line, which captures the stack only when the lock was not held.
#define UNLOCK_INTERCEPTOR(name, type, obj)                                                      \
  namespace {                                                                                    \
  REAL_SHARED(name)                                                                              \
  __attribute__((noinline)) int name##_full(const void* frame, type obj) {                       \
    REAL_FROM_SHARED(name);                                                                      \
    int r = real(obj);                                                                           \
    forget_released(frame, (const void*)(obj));                                                 \
    return r;                                                                                    \
  }                                                                                              \
  }                                                                                              \
  EXPORT int name(type obj) {                                                                    \
    auto real = real_##name.load(std::memory_order_relaxed);                                     \
    if (__builtin_expect(real == nullptr, 0)) return name##_full(__builtin_frame_address(0), obj); \
    int r = real(obj);                                                                           \
    ThreadState* t = t_shim.thread;                                                              \
    if (__builtin_expect(t && !t_shim.in_shim && forget_top_hold(*t, (const void*)(obj)), 1))    \
      return r;                                                                                  \
    forget_released(__builtin_frame_address(0), (const void*)(obj));                             \
    return r;                                                                                    \
  }

// init and destroy: the next use of the object is a new lock.
#define FORGET_INTERCEPTOR(ret, name, params, args, obj, family) \
  EXPORT ret name params {                                       \
    REAL(name);                                                  \
    if (!bypass()) forget((const void*)(obj), family);           \
    return real args;                                            \
  }

#define MUTEX_OK (r == 0 || r == EOWNERDEAD)

// ---- pthread mutexes ----

FORGET_INTERCEPTOR(int, pthread_mutex_init, (pthread_mutex_t * m, const pthread_mutexattr_t* a), (m, a), m,
                   Family::Mutex)
FORGET_INTERCEPTOR(int, pthread_mutex_destroy, (pthread_mutex_t * m), (m), m, Family::Mutex)
namespace {
REAL_SHARED(pthread_mutex_lock)
// pthread_mutex_lock when the plain fast path does not apply. `frame` is the interceptor's (see
// forget_hold: also right when this is reached by a tail call).
__attribute__((noinline)) int mutex_lock_full(const void* frame, pthread_mutex_t* m) {
  REAL_FROM_SHARED(pthread_mutex_lock);
  ThreadState* t = acting_thread();
  if (!t) return real(m);
  HeldEntry& e = t->next_slot();
  capture_stack_from_own_frame(e.stack, frame, t->stack_lo, t->stack_hi, options().stack_depth);
  int r = 0;
  acquire(t, e, m, Family::Mutex, [&] { return mutex_flags(m); }, Mode::Write, Acq::Blocking,
          [&] { return (r = real(m), MUTEX_OK); });
  return r;
}

// A known plain mutex taken while holding other locks: the interceptor has already checked the
// thread, resolved the real function and found the lock, so none of that is done again.
__attribute__((noinline)) int mutex_lock_nested(const void* frame, pthread_mutex_t* m, ThreadState* t,
                                                LockState* l) {
  auto real = real_pthread_mutex_lock.load(std::memory_order_relaxed);
  HeldEntry& e = t->next_slot();
  capture_stack_from_own_frame(e.stack, frame, t->stack_lo, t->stack_hi, options().stack_depth);
  int r = 0;
  acquire(t, e, m, Family::Mutex, [] { return uint8_t{0}; }, Mode::Write, Acq::Blocking,
          [&] { return (r = real(m), MUTEX_OK); }, l);
  return r;
}
}  // namespace

// The commonest acquisition (a plain mutex, nothing held) ends in a tail call to the real lock.
EXPORT int pthread_mutex_lock(pthread_mutex_t* m) {
  auto real = real_pthread_mutex_lock.load(std::memory_order_relaxed);
  ThreadState* t = t_shim.thread;
  if (__builtin_expect(real && t && !t_shim.in_shim, 1)) {
    if (LockState* l = known_plain_mutex(m)) {
      // The pointer is loaded again for the call: not kept live across the stack walk, it leaves
      // the walk enough scratch registers that fewer callee-saved ones are pushed.
      if (__builtin_expect(record_first_lock(*t, m, *l, __builtin_frame_address(0)), 1))
        return real_pthread_mutex_lock.load(std::memory_order_relaxed)(m);
      return mutex_lock_nested(__builtin_frame_address(0), m, t, l);
    }
  }
  return mutex_lock_full(__builtin_frame_address(0), m);
}
LOCK_INTERCEPTOR(pthread_mutex_trylock, (pthread_mutex_t * m), (m), m, Family::Mutex, mutex_flags(m), Mode::Write,
                 Acq::Try, MUTEX_OK)
LOCK_INTERCEPTOR(pthread_mutex_timedlock, (pthread_mutex_t * m, const struct timespec* ts), (m, ts), m,
                 Family::Mutex, mutex_flags(m), Mode::Write, Acq::Timed, MUTEX_OK)
LOCK_INTERCEPTOR(pthread_mutex_clocklock, (pthread_mutex_t * m, clockid_t c, const struct timespec* ts),
                 (m, c, ts), m, Family::Mutex, mutex_flags(m), Mode::Write, Acq::Timed, MUTEX_OK)
UNLOCK_INTERCEPTOR(pthread_mutex_unlock, pthread_mutex_t*, m)

// ---- rwlocks ----

FORGET_INTERCEPTOR(int, pthread_rwlock_init, (pthread_rwlock_t * l, const pthread_rwlockattr_t* a), (l, a), l,
                   Family::RwLock)
FORGET_INTERCEPTOR(int, pthread_rwlock_destroy, (pthread_rwlock_t * l), (l), l, Family::RwLock)
#define RWLOCK_INTERCEPTOR(name, mode, acq, params, args) \
  LOCK_INTERCEPTOR(name, params, args, l, Family::RwLock, kReadWrite, mode, acq, r == 0)
RWLOCK_INTERCEPTOR(pthread_rwlock_rdlock, Mode::Read, Acq::Blocking, (pthread_rwlock_t * l), (l))
RWLOCK_INTERCEPTOR(pthread_rwlock_wrlock, Mode::Write, Acq::Blocking, (pthread_rwlock_t * l), (l))
RWLOCK_INTERCEPTOR(pthread_rwlock_tryrdlock, Mode::Read, Acq::Try, (pthread_rwlock_t * l), (l))
RWLOCK_INTERCEPTOR(pthread_rwlock_trywrlock, Mode::Write, Acq::Try, (pthread_rwlock_t * l), (l))
RWLOCK_INTERCEPTOR(pthread_rwlock_timedrdlock, Mode::Read, Acq::Timed,
                   (pthread_rwlock_t * l, const struct timespec* ts), (l, ts))
RWLOCK_INTERCEPTOR(pthread_rwlock_timedwrlock, Mode::Write, Acq::Timed,
                   (pthread_rwlock_t * l, const struct timespec* ts), (l, ts))
RWLOCK_INTERCEPTOR(pthread_rwlock_clockrdlock, Mode::Read, Acq::Timed,
                   (pthread_rwlock_t * l, clockid_t c, const struct timespec* ts), (l, c, ts))
RWLOCK_INTERCEPTOR(pthread_rwlock_clockwrlock, Mode::Write, Acq::Timed,
                   (pthread_rwlock_t * l, clockid_t c, const struct timespec* ts), (l, c, ts))
UNLOCK_INTERCEPTOR(pthread_rwlock_unlock, pthread_rwlock_t*, l)

// ---- spinlocks (no tag fits in them: found by address) ----

FORGET_INTERCEPTOR(int, pthread_spin_init, (pthread_spinlock_t * l, int pshared), (l, pshared), l, Family::Other)
FORGET_INTERCEPTOR(int, pthread_spin_destroy, (pthread_spinlock_t * l), (l), l, Family::Other)
LOCK_INTERCEPTOR(pthread_spin_lock, (pthread_spinlock_t * l), (l), l, Family::Other, 0, Mode::Write, Acq::Blocking,
                 r == 0)
LOCK_INTERCEPTOR(pthread_spin_trylock, (pthread_spinlock_t * l), (l), l, Family::Other, 0, Mode::Write, Acq::Try,
                 r == 0)
UNLOCK_INTERCEPTOR(pthread_spin_unlock, pthread_spinlock_t*, l)

// ---- condition variables: release the mutex for the wait, re-take it (blocking) after ----

namespace {
template <typename Call>
int cond_wait(ThreadState* t, const Stack& st, pthread_mutex_t* m, Call call) {
  release(t, st, m);
  int r = 0;
  // The re-acquire happens inside the real call; record it as a blocking acquisition afterwards
  // (it still makes edges from other held locks, and the mutex is held again on every return).
  HeldEntry& e = t->next_slot();
  copy_stack(e.stack, st);
  acquire(t, e, m, Family::Mutex, [&] { return mutex_flags(m); }, Mode::Write, Acq::Timed, [&] {
    r = call();
    return true;
  });
  return r;
}
}  // namespace

EXPORT int pthread_cond_wait(pthread_cond_t* c, pthread_mutex_t* m) {
  REAL(pthread_cond_wait, "GLIBC_2.3.2");
  if (bypass()) return real(c, m);
  ThreadState* t = current_thread();
  CAPTURE(t, st);
  return cond_wait(t, st, m, [&] { return real(c, m); });
}

EXPORT int pthread_cond_timedwait(pthread_cond_t* c, pthread_mutex_t* m, const struct timespec* ts) {
  REAL(pthread_cond_timedwait, "GLIBC_2.3.2");
  if (bypass()) return real(c, m, ts);
  ThreadState* t = current_thread();
  CAPTURE(t, st);
  return cond_wait(t, st, m, [&] { return real(c, m, ts); });
}

EXPORT int pthread_cond_clockwait(pthread_cond_t* c, pthread_mutex_t* m, clockid_t clk, const struct timespec* ts) {
  REAL(pthread_cond_clockwait);
  if (bypass()) return real(c, m, clk, ts);
  ThreadState* t = current_thread();
  CAPTURE(t, st);
  return cond_wait(t, st, m, [&] { return real(c, m, clk, ts); });
}

// ---- C11 threads (glibc implements them without going through the pthread_* symbols) ----

FORGET_INTERCEPTOR(int, mtx_init, (mtx_t * m, int type), (m, type), m, Family::Mutex)
FORGET_INTERCEPTOR(void, mtx_destroy, (mtx_t * m), (m), m, Family::Mutex)
LOCK_INTERCEPTOR(mtx_lock, (mtx_t * m), (m), m, Family::Mutex, mutex_flags(m), Mode::Write, Acq::Blocking,
                 r == thrd_success)
LOCK_INTERCEPTOR(mtx_trylock, (mtx_t * m), (m), m, Family::Mutex, mutex_flags(m), Mode::Write, Acq::Try,
                 r == thrd_success)
LOCK_INTERCEPTOR(mtx_timedlock, (mtx_t* __restrict m, const struct timespec* __restrict ts), (m, ts), m,
                 Family::Mutex, mutex_flags(m), Mode::Write, Acq::Timed, r == thrd_success)
UNLOCK_INTERCEPTOR(mtx_unlock, mtx_t*, m)

EXPORT int cnd_wait(cnd_t* c, mtx_t* m) {
  REAL(cnd_wait);
  if (bypass()) return real(c, m);
  ThreadState* t = current_thread();
  CAPTURE(t, st);
  return cond_wait(t, st, reinterpret_cast<pthread_mutex_t*>(m), [&] { return real(c, m); });
}

EXPORT int cnd_timedwait(cnd_t* __restrict c, mtx_t* __restrict m, const struct timespec* __restrict ts) {
  REAL(cnd_timedwait);
  if (bypass()) return real(c, m, ts);
  ThreadState* t = current_thread();
  CAPTURE(t, st);
  return cond_wait(t, st, reinterpret_cast<pthread_mutex_t*>(m), [&] { return real(c, m, ts); });
}

// ---- threads: entry function and name for reports ----

namespace {
struct StartArgs {
  void* (*fn)(void*);
  int (*c11_fn)(void*);
  void* arg;
  uintptr_t entry;
  ThreadClocks::Start clock;
};

ThreadState* begin_thread(StartArgs& a) {
  if (!ready()) return nullptr;
  ThreadState* t = current_thread();
  ++t_shim.in_shim;
  set_thread_entry(t, a.entry);
  detector().on_thread_start(*t, std::move(a.clock));
  --t_shim.in_shim;
  return t;
}

void* start_thunk(void* p) {
  auto* a = static_cast<StartArgs*>(p);
  begin_thread(*a);
  auto fn = a->fn;
  void* arg = a->arg;
  ++t_shim.in_shim;
  delete a;
  --t_shim.in_shim;
  return fn(arg);
}

int c11_start_thunk(void* p) {
  auto* a = static_cast<StartArgs*>(p);
  begin_thread(*a);
  auto fn = a->c11_fn;
  void* arg = a->arg;
  ++t_shim.in_shim;
  delete a;
  --t_shim.in_shim;
  return fn(arg);
}

// std::thread starts every thread in libstdc++'s execute_native_thread_routine with a
// std::thread::_State*; its virtual _M_run (vtable slot 2) is the real entry.
uintptr_t entry_of(void* fn, void* arg) {
  Dl_info info{};
  if (arg && dladdr(fn, &info) && info.dli_fname && std::strstr(info.dli_fname, "libstdc++"))
    return (*static_cast<uintptr_t**>(arg))[2];
  return reinterpret_cast<uintptr_t>(fn);
}

StartArgs* start_args(void* fn, void* arg) {
  ++t_shim.in_shim;
  auto* a = new StartArgs{nullptr, nullptr, arg, entry_of(fn, arg), detector().on_thread_create(*current_thread())};
  --t_shim.in_shim;
  return a;
}

void joined(unsigned long id) {
  uint32_t index = 0;
  if (!take_exited_thread(id, index)) return;
  ++t_shim.in_shim;
  detector().on_thread_join(*current_thread(), index);
  --t_shim.in_shim;
}
}  // namespace

EXPORT int pthread_create(pthread_t* th, const pthread_attr_t* attr, void* (*fn)(void*), void* arg) {
  REAL(pthread_create);
  if (bypass()) return real(th, attr, fn, arg);
  StartArgs* a = start_args(reinterpret_cast<void*>(fn), arg);
  a->fn = fn;
  int r = real(th, attr, start_thunk, a);
  if (r != 0) {
    ++t_shim.in_shim;
    delete a;
    --t_shim.in_shim;
  }
  return r;
}

EXPORT int pthread_join(pthread_t th, void** ret) {
  REAL(pthread_join);
  int r = real(th, ret);
  if (r == 0 && !bypass()) joined(th);
  return r;
}

EXPORT int thrd_create(thrd_t* th, thrd_start_t fn, void* arg) {
  REAL(thrd_create);
  if (bypass()) return real(th, fn, arg);
  StartArgs* a = start_args(reinterpret_cast<void*>(fn), arg);
  a->c11_fn = fn;
  int r = real(th, c11_start_thunk, a);
  if (r != thrd_success) {
    ++t_shim.in_shim;
    delete a;
    --t_shim.in_shim;
  }
  return r;
}

EXPORT int thrd_join(thrd_t th, int* res) {
  REAL(thrd_join);
  int r = real(th, res);
  if (r == thrd_success && !bypass()) joined(th);
  return r;
}

EXPORT int pthread_setname_np(pthread_t th, const char* name) {
  REAL(pthread_setname_np);
  if (!bypass() && pthread_equal(th, pthread_self())) {
    ThreadState* t = current_thread();
    std::strncpy(t->name, name, sizeof t->name - 1);
  }
  return real(th, name);
}

// ---- process exit: the findings status when the program itself succeeded ----

namespace {
using MainFn = int (*)(int, char**, char**);
MainFn g_main = nullptr;
int main_wrapper(int argc, char** argv, char** envp) {
  int status = g_main(argc, argv, envp);
  return adjust_exit_status(status);
}
}  // namespace

EXPORT int __libc_start_main(MainFn main, int argc, char** argv, void (*init)(), void (*fini)(),
                             void (*rtld_fini)(), void* stack_end) {
  using Start = int (*)(MainFn, int, char**, void (*)(), void (*)(), void (*)(), void*);
  auto real = reinterpret_cast<Start>(dlsym(RTLD_NEXT, "__libc_start_main"));
  g_main = main;
  return real(main_wrapper, argc, argv, init, fini, rtld_fini, stack_end);
}

// _exit and _Exit (one function in glibc) skip exit handlers: dash ends every `sh -c` that way, and
// servers end forked workers that way. The report is written first; then the exit_group system
// call that glibc's _exit makes, without resolving the real function (a vfork child may be here).
EXPORT void _exit(int status) {
  if (ready() && !t_shim.in_shim) status = report_at_quick_exit(status);
  for (;;) syscall(SYS_exit_group, status);
}
EXPORT void _Exit(int status) noexcept { _exit(status); }

EXPORT void exit(int status) noexcept {
  using Exit = void (*)(int);
  static const auto real = reinterpret_cast<Exit>(dlsym(RTLD_NEXT, "exit"));
  if (ready() && !t_shim.in_shim) status = adjust_exit_status(status);
  real(status);
  __builtin_unreachable();
}
