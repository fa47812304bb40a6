// The hang watchdog: a thread started the first time some thread blocks while holding a lock.
// Every quarter of hang_timeout_ms it looks at what each thread waits for (published with atomics
// by the interceptors) and who holds it (each thread's held list, read racily). A cycle of waits
// whose members have not moved (same wait sequence numbers) for hang_timeout_ms is a deadlock:
// report it, write the JSON report and end the process, instead of hanging until a CI timeout.
#include <dlfcn.h>
#include <pthread.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <map>
#include <vector>

#include "report/kinds.h"
#include "runtime.h"
#include "termination.h"

namespace lockscope::rt {

namespace {


struct Waiter {
  ThreadState* t;
  uint64_t seq;
  HeldEntry want;
  std::vector<HeldEntry> holds;
};

uint64_t now_ms() {
  timespec ts{};
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return static_cast<uint64_t>(ts.tv_sec) * 1000 + static_cast<uint64_t>(ts.tv_nsec) / 1000000;
}

bool conflicts(Mode held, Mode wanted) { return held == Mode::Write || wanted == Mode::Write; }

std::vector<Waiter> snapshot(Detector& d) {
  std::vector<Waiter> out;
  for (ThreadState* t = d.threads(); t; t = t->next) {
    if (!t->alive.load(std::memory_order_acquire)) continue;
    uint64_t seq = t->wait_seq.load(std::memory_order_acquire);
    const HeldEntry* w = t->waiting.load(std::memory_order_acquire);
    Waiter x{t, seq, {}, {}};
    if (w) x.want = *w;
    x.want.stack.n = std::min(x.want.stack.n, kMaxFrames);
    // Count first, array second: any array published after the count was read holds at least
    // that many entries (arrays only grow, and old ones are never freed).
    uint32_t n = t->held_n.load(std::memory_order_acquire);
    HeldEntry* h = t->held.load(std::memory_order_acquire);
    for (uint32_t i = 0; i < n; ++i) {
      x.holds.push_back(h[i]);
      x.holds.back().stack.n = std::min(x.holds.back().stack.n, kMaxFrames);
    }
    if (t->waiting.load(std::memory_order_acquire) != w || t->wait_seq.load() != seq) continue;  // moved
    x.want.addr = w ? x.want.addr : 0;
    out.push_back(std::move(x));
  }
  return out;
}

// A cycle among waiters: i waits for a lock that the next one holds in a conflicting mode.
std::vector<size_t> find_wait_cycle(const std::vector<Waiter>& ws) {
  auto holder = [&](size_t i) -> long {
    if (!ws[i].want.addr) return -1;
    for (size_t j = 0; j < ws.size(); ++j) {
      if (j == i) continue;
      // Only a waiting holder can continue a cycle. A thread that waits for nothing may list a lock
      // it is still blocked on (plain_lock_fast_path.h): following it would hide the real holder.
      if (!ws[j].want.addr) continue;
      for (const HeldEntry& h : ws[j].holds)
        if (h.addr == ws[i].want.addr && conflicts(h.mode, ws[i].want.mode)) return static_cast<long>(j);
    }
    return -1;
  };
  for (size_t start = 0; start < ws.size(); ++start) {
    std::vector<size_t> path;
    std::vector<bool> on(ws.size(), false);
    size_t cur = start;
    while (true) {
      if (on[cur]) {
        auto it = std::find(path.begin(), path.end(), cur);
        return std::vector<size_t>(it, path.end());
      }
      on[cur] = true;
      path.push_back(cur);
      long next = holder(cur);
      if (next < 0) break;
      cur = static_cast<size_t>(next);
    }
  }
  return {};
}

void* watchdog_main(void*) {
  ++t_shim.in_shim;  // the watchdog's own locking is never analysed
  block_stop_signals_in_this_thread();
  Detector& d = detector();
  unsigned timeout = options().hang_timeout_ms;
  unsigned period = std::max(20u, timeout / 4);
  std::map<std::pair<ThreadState*, uint64_t>, uint64_t> first_seen;  // (thread, wait seq) -> time
  while (true) {
    timespec ts{period / 1000, static_cast<long>(period % 1000) * 1000000};
    nanosleep(&ts, nullptr);
    std::vector<Waiter> ws = snapshot(d);
    uint64_t now = now_ms();
    std::map<std::pair<ThreadState*, uint64_t>, uint64_t> seen;
    for (const Waiter& w : ws) {
      if (!w.want.addr) continue;
      auto key = std::make_pair(w.t, w.seq);
      auto it = first_seen.find(key);
      seen[key] = it == first_seen.end() ? now : it->second;
    }
    first_seen.swap(seen);
    std::vector<size_t> cycle = find_wait_cycle(ws);
    if (cycle.empty()) continue;
    bool old_enough = true;
    for (size_t i : cycle) old_enough &= now - first_seen[{ws[i].t, ws[i].seq}] >= timeout;
    if (!old_enough) continue;
    RawFinding f;
    f.kind = report::kDeadlock;
    for (size_t i : cycle) {
      RawWait w;
      w.thread = ws[i].t->index;
      w.waits_for = d.snap(ws[i].want.lock_id);
      w.waits_for.addr = ws[i].want.addr;
      w.wait_stack = d.depot().put(ws[i].want.stack);
      for (const HeldEntry& h : ws[i].holds) {
        if (h.reentry) continue;
        LockSnap s = d.snap(h.lock_id);
        s.addr = h.addr;
        w.holds.emplace_back(s, d.depot().put(h.stack));
      }
      f.waits.push_back(std::move(w));
      f.locks.push_back(f.waits.back().waits_for);
    }
    d.add_finding(std::move(f));
    die_with_findings();
  }
  return nullptr;
}

}  // namespace

std::atomic<bool> g_watchdog_started{false};

void start_watchdog() {
  if (g_watchdog_started.exchange(true)) return;
  using Create = int (*)(pthread_t*, const pthread_attr_t*, void* (*)(void*), void*);
  static const auto real = reinterpret_cast<Create>(dlsym(RTLD_NEXT, "pthread_create"));
  pthread_t th;
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
  if (real(&th, &attr, watchdog_main, nullptr) == 0) pthread_setname_np(th, "lockscope-wdog");
  pthread_attr_destroy(&attr);
}

// The watchdog thread does not exist in a forked child; start a new one when needed.
void watchdog_after_fork() { g_watchdog_started.store(false); }

}  // namespace lockscope::rt
