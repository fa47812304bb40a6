#pragma once
// The process-wide shim state shared by the interceptors, the watchdog and the report output:
// options, the detector, the calling thread's state, and the report life cycle (print, write
// JSON, decide the exit status, end the process on a finding that cannot be survived).
#include <sys/types.h>

#include <atomic>
#include <cstddef>

#include "detector.h"
#include "options.h"

namespace lockscope::rt {

// The calling thread's shim state and its re-entry guard, in one TLS block: the fast path reads
// both on every lock and unlock, and one block costs one TLS offset load instead of two.
// constinit: no dynamic initialisation, so accesses need no TLS wrapper call.
struct ShimTls {
  ThreadState* thread = nullptr;  // created on the thread's first event (current_thread)
  // Re-entry guard: while set, the interceptors pass straight through (the shim's own work may
  // take locks through libc or libstdc++).
  int in_shim = 0;
};
extern constinit thread_local ShimTls t_shim __attribute__((tls_model("initial-exec")));

// Inline accessors for the lock fast path (set once by ensure_init, or per thread).
extern std::atomic<int> g_init;  // 0 none, 1 in progress, 2 ready
extern const Options* g_options;
extern Detector* g_detector;

inline bool ready() { return g_init.load(std::memory_order_acquire) == 2; }  // initialised
void ensure_init();  // idempotent; stops the process (exit 2) on bad options
inline const Options& options() { return *g_options; }
inline Detector& detector() { return *g_detector; }
ThreadState* create_current_thread();
inline ThreadState* current_thread() {  // creates the state on first use
  if (ThreadState* t = t_shim.thread) return t;
  return create_current_thread();
}
void set_thread_entry(ThreadState* t, uintptr_t entry_pc);
// Threads that exited and are not yet joined, by pthread_t (which stays unique until the join).
bool take_exited_thread(unsigned long pthread_id, uint32_t& index);

// Builds, prints and records findings made since the last call; rewrites the JSON report.
// Returns the number of findings recorded so far (after suppressions).
size_t report_now();
// Reports everything and writes the JSON report (at exit, _exit, a fatal signal, a halt).
// Returns the number of findings recorded so far.
size_t report_and_write_json();
// Reports everything and ends the process with the findings status. Never returns.
[[noreturn]] void die_with_findings();
// After a new finding from an interceptor: halt when the user asked for it.
void on_new_findings();
int adjust_exit_status(int status);
// For _exit/_Exit, which skip exit handlers: reports, writes the JSON report, and returns the
// status to end with (the findings status instead of 0). Does nothing in a vfork child.
int report_at_quick_exit(int status);

extern std::atomic<bool> g_watchdog_started;
void start_watchdog();
// Inline: every blocking nested acquisition asks (a relaxed load once the watchdog runs).
inline void start_watchdog_if_needed() {
  if (!g_watchdog_started.load(std::memory_order_relaxed)) start_watchdog();
}
void watchdog_after_fork();

}  // namespace lockscope::rt
