/* lockscope/annotations.h: tell lockscope's runtime shim about locks it cannot see.
 *
 * The shim intercepts pthread, C11 and libstdc++ locking. A lock built on atomics or futexes (a
 * spinlock on std::atomic_flag, a futex mutex, a database latch, absl::Mutex) is invisible to it
 * until its implementation reports its events here. Annotated locks get everything pthread locks
 * get: lock-order edges and cycles, gate locks, try-lock and reader rules, double locks, hangs
 * seen by the watchdog, reports with stacks.
 *
 * Contract (C and C++; every call is a no-op when the shim is not in the process):
 *   - A lock is named by its address (any stable address of the lock object).
 *   - lockscope_lock_create(lock, flags, name) when the lock is constructed or initialised; a
 *     lock used without it is created on first use. `name` (may be NULL) is copied and used in
 *     reports instead of the address. flags: LOCKSCOPE_LOCK_RECURSIVE (the owner may re-lock it),
 *     LOCKSCOPE_LOCK_READ_WRITE (it can be held shared).
 *   - lockscope_lock_destroy(lock) when it is destroyed: the next lock at that address is new.
 *   - lockscope_before_lock(lock, flags) just before trying to take it, then
 *     lockscope_after_lock(lock, flags, acquired) right after, with acquired nonzero when the lock
 *     is now held (a blocking lock always passes 1; a failed try passes 0). flags:
 *     LOCKSCOPE_TRY for a try-lock (adds no edge into the lock: a try cannot deadlock),
 *     LOCKSCOPE_SHARED for a shared (reader) acquisition. Between the two calls the thread counts
 *     as waiting for the lock (the watchdog reports a cycle of such waits as a deadlock).
 *   - lockscope_before_unlock(lock, flags) just before releasing it (same flags as the lock).
 *   - Calls from one thread must match its own lock/unlock order as the real lock sees it.
 *   - Make the calls from the lock's own functions (lock(), unlock(), as below): reports leave
 *     out the function that called the annotation, and start at its caller, as they start past
 *     std::mutex::lock for pthread locks.
 *
 * Cost without the shim: each call is a load of a function address (resolved by the dynamic
 * loader) and a branch not taken. The shim is found when it is linked in (--whole-archive
 * liblockscope-rt.a) or preloaded into a position-independent executable (the default on
 * Debian); a -no-pie executable resolves the weak references at link time, so only the
 * linked-in shim sees it.
 *
 * Example, a spinlock on std::atomic_flag:
 *
 *   #include <atomic>
 *   #include <lockscope/annotations.h>
 *
 *   class SpinLock {
 *    public:
 *     explicit SpinLock(const char* name) { lockscope_lock_create(this, 0, name); }
 *     ~SpinLock() { lockscope_lock_destroy(this); }
 *     void lock() {
 *       lockscope_before_lock(this, 0);
 *       while (flag_.test_and_set(std::memory_order_acquire)) flag_.wait(true);
 *       lockscope_after_lock(this, 0, 1);
 *     }
 *     bool try_lock() {
 *       lockscope_before_lock(this, LOCKSCOPE_TRY);
 *       bool ok = !flag_.test_and_set(std::memory_order_acquire);
 *       lockscope_after_lock(this, LOCKSCOPE_TRY, ok);
 *       return ok;
 *     }
 *     void unlock() {
 *       lockscope_before_unlock(this, 0);
 *       flag_.clear(std::memory_order_release);
 *       flag_.notify_one();
 *     }
 *    private:
 *     std::atomic_flag flag_;
 *   };
 */
#ifndef LOCKSCOPE_ANNOTATIONS_H
#define LOCKSCOPE_ANNOTATIONS_H

#ifdef __cplusplus
extern "C" {
#endif

/* lockscope_lock_create flags */
#define LOCKSCOPE_LOCK_RECURSIVE 1u
#define LOCKSCOPE_LOCK_READ_WRITE 2u
/* lockscope_before_lock / lockscope_after_lock / lockscope_before_unlock flags */
#define LOCKSCOPE_TRY 1u
#define LOCKSCOPE_SHARED 2u

/* Defined by the shim; weak here, so they are null when it is absent. Call the inline wrappers. */
void lockscope_annotate_lock_create(const void* lock, unsigned flags, const char* name) __attribute__((weak));
void lockscope_annotate_lock_destroy(const void* lock) __attribute__((weak));
void lockscope_annotate_before_lock(const void* lock, unsigned flags) __attribute__((weak));
void lockscope_annotate_after_lock(const void* lock, unsigned flags, int acquired) __attribute__((weak));
void lockscope_annotate_before_unlock(const void* lock, unsigned flags) __attribute__((weak));

/* always_inline: the caller's frame is the one the shim's stacks start from. */
#define LOCKSCOPE_ANNOTATION_ static inline __attribute__((always_inline, unused))

LOCKSCOPE_ANNOTATION_ void lockscope_lock_create(const void* lock, unsigned flags, const char* name) {
  if (lockscope_annotate_lock_create) lockscope_annotate_lock_create(lock, flags, name);
}
LOCKSCOPE_ANNOTATION_ void lockscope_lock_destroy(const void* lock) {
  if (lockscope_annotate_lock_destroy) lockscope_annotate_lock_destroy(lock);
}
LOCKSCOPE_ANNOTATION_ void lockscope_before_lock(const void* lock, unsigned flags) {
  if (lockscope_annotate_before_lock) lockscope_annotate_before_lock(lock, flags);
}
LOCKSCOPE_ANNOTATION_ void lockscope_after_lock(const void* lock, unsigned flags, int acquired) {
  if (lockscope_annotate_after_lock) lockscope_annotate_after_lock(lock, flags, acquired);
}
LOCKSCOPE_ANNOTATION_ void lockscope_before_unlock(const void* lock, unsigned flags) {
  if (lockscope_annotate_before_unlock) lockscope_annotate_before_unlock(lock, flags);
}

#undef LOCKSCOPE_ANNOTATION_

#ifdef __cplusplus
}
#endif

#endif /* LOCKSCOPE_ANNOTATIONS_H */
