#include "runtime.h"
#include "termination.h"

#include <pthread.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <new>
#include <sstream>
#include <string>
#include <unordered_map>
#include <utility>

#include "lockscope/version.h"
#include "report/json_io.h"
#include "report/text_writer.h"
#include "report_builder.h"
#include "runtime_api.h"
#include "symbolizer.h"
#include "thread_entries.h"

namespace lockscope::rt {

constinit thread_local ShimTls t_shim __attribute__((tls_model("initial-exec")));
std::atomic<int> g_init{0};
const Options* g_options = nullptr;
Detector* g_detector = nullptr;

namespace {


struct State {
  Options options;
  Detector detector;
  std::vector<Suppression> suppressions;
  SpinLock report_lock;
  report::Report report;
  size_t raw_cursor = 0;  // raw findings already built into `report`
  std::string report_path;
  bool wrote_report = false;
  pid_t owner_pid = 0;
  // The process this state belongs to: the one that initialised the shim, or the forked child
  // that inherited it. A vfork child (sharing the parent's memory) is neither and touches nothing.
  pid_t state_pid = 0;
  pthread_key_t exit_key{};
  std::string context;  // e.g. the running gtest test, noted on findings made during it
};

alignas(State) unsigned char g_storage[sizeof(State)];
State* g_state = nullptr;

[[noreturn]] void fail_start(const std::string& message) {
  std::string text = "lockscope: " + message + "\n";
  (void)!write(2, text.data(), text.size());
  _exit(2);
}

std::atomic<unsigned> g_threads_seen{0};  // for the report's counters

SpinLock g_exited_lock;
std::unordered_map<unsigned long, uint32_t>* g_exited = nullptr;  // pthread_t -> thread index

void thread_exit(void* p) {
  auto* t = static_cast<ThreadState*>(p);
  if (!g_state || !t) return;
  ++t_shim.in_shim;
  {
    SpinGuard g(g_exited_lock);
    if (!g_exited) g_exited = new std::unordered_map<unsigned long, uint32_t>;
    (*g_exited)[pthread_self()] = t->index;  // a detached thread's entry is replaced when its id is reused
  }
  g_state->detector.exit_thread(*t);
  t_shim.thread = nullptr;
  --t_shim.in_shim;
}

void fork_prepare() {
  ++t_shim.in_shim;
  if (!g_state) return;
  g_state->report_lock.lock();
  g_state->detector.lock_all_for_fork();
}
void fork_parent() {
  if (g_state) {
    g_state->detector.unlock_all_after_fork();
    g_state->report_lock.unlock();
  }
  --t_shim.in_shim;
}
void fork_child() {
  if (g_state) {
    g_state->detector.unlock_all_after_fork();
    g_state->report_lock.unlock();
  }
  --t_shim.in_shim;
  if (!g_state) return;
  g_state->state_pid = getpid();
  g_state->detector.after_fork_child(t_shim.thread);
  g_state->report.findings.clear();
  g_state->raw_cursor = 0;
  watchdog_after_fork();
}

// Said once per process: the report is rewritten after every batch of findings.
void say_report_not_written(const std::string& path, int why) {
  static bool said = false;
  if (std::exchange(said, true)) return;
  std::string text = "lockscope: cannot write the JSON report to '" + path + "': " + std::strerror(why) + "\n";
  (void)!write(2, text.data(), text.size());
}

std::string report_file() {
  State& s = *g_state;
  if (s.report_path.empty()) return {};
  if (getpid() == s.owner_pid) return s.report_path;
  return s.report_path + "." + std::to_string(getpid());  // a forked or exec'd child: never overwrite
}

void write_json_locked() {
  State& s = *g_state;
  std::string path = report_file();
  if (path.empty()) return;
  if (getpid() != s.owner_pid && s.report.findings.empty()) return;
  // A clean process never replaces a report another process wrote: under `timeout prog` or a
  // shell script both the wrapper and the program run the shim, and the wrapper exits last.
  if (s.report.findings.empty() && !s.wrote_report && access(path.c_str(), F_OK) == 0) return;
  s.wrote_report = true;
  Detector::Stats stats = s.detector.stats();
  s.report.counters = report::RunCounters{static_cast<unsigned>(s.detector.registry().live_count()),
                                          g_threads_seen.load(std::memory_order_relaxed),
                                          static_cast<unsigned>(stats.edges + stats.refused_edges)};
  std::string tmp = path + ".tmp" + std::to_string(getpid());
  bool written = false;
  {
    std::ofstream out(tmp);
    if (out) {
      report::write_json(out, s.report);
      written = static_cast<bool>(out.flush());
    }
  }
  int why = errno;
  if (written && std::rename(tmp.c_str(), path.c_str()) == 0) return;
  if (written) why = errno;
  unlink(tmp.c_str());
  say_report_not_written(path, why);
}

void final_report() {
  if (!g_state) return;
  ++t_shim.in_shim;
  size_t before = g_state->report.findings.size();
  size_t n = report_and_write_json();
  if (n > before) {
    // Findings appeared after main returned (static destructors): the status is already decided
    // by libc, so end here with the findings status.
    std::fflush(nullptr);
    _exit(g_state->options.exitcode);
  }
  --t_shim.in_shim;
}

}  // namespace


void ensure_init() {
  int expected = 0;
  if (!g_init.compare_exchange_strong(expected, 1, std::memory_order_acq_rel)) {
    while (g_init.load(std::memory_order_acquire) != 2) sched_yield();
    return;
  }
  ++t_shim.in_shim;
  Options opts;
  if (const char* text = std::getenv("LOCKSCOPE_OPTIONS")) {
    if (auto err = parse_options(text, opts)) fail_start("LOCKSCOPE_OPTIONS: " + *err);
  }
  auto* s = new (g_storage) State;
  s->options = opts;
  if (!opts.suppressions.empty()) {
    std::ifstream in(opts.suppressions);
    if (!in) fail_start("cannot read suppressions file '" + opts.suppressions + "'");
    std::stringstream text;
    text << in.rdbuf();
    std::string err;
    if (!parse_suppressions(text.str(), s->suppressions, err)) fail_start(opts.suppressions + ": " + err);
  }
  s->report.version = kVersion;
  s->report.source = "runtime";
  s->owner_pid = getpid();
  s->state_pid = s->owner_pid;
  if (const char* p = std::getenv("LOCKSCOPE_REPORT")) s->report_path = p;
  if (const char* p = std::getenv("LOCKSCOPE_REPORT_PID"); p && std::atoi(p) != s->owner_pid) s->owner_pid = -1;
  // A report left by an earlier run must not survive a clean run.
  if (!s->report_path.empty() && s->owner_pid == getpid()) unlink(s->report_path.c_str());
  pthread_key_create(&s->exit_key, thread_exit);
  pthread_atfork(fork_prepare, fork_parent, fork_child);
  g_state = s;
  g_options = &s->options;
  g_detector = &s->detector;
  s->detector.set_concurrent_cycles_only(opts.concurrent_cycles_only);
  std::atexit(final_report);
  install_stop_signal_reporting();
  // The constructor runs on the main thread: make it T0 before any other thread exists.
  if (syscall(SYS_gettid) == getpid()) s->detector.on_thread_start(*current_thread(), {});
  g_init.store(2, std::memory_order_release);
  --t_shim.in_shim;
}

ThreadState* create_current_thread() {
  ++t_shim.in_shim;
  ThreadState* t = g_state->detector.create_thread();
  g_threads_seen.fetch_add(1, std::memory_order_relaxed);
  t->tid = static_cast<pid_t>(syscall(SYS_gettid));
  pthread_attr_t attr;
  if (pthread_getattr_np(pthread_self(), &attr) == 0) {
    void* addr = nullptr;
    size_t size = 0;
    pthread_attr_getstack(&attr, &addr, &size);
    pthread_attr_destroy(&attr);
    t->stack_lo = reinterpret_cast<uintptr_t>(addr);
    t->stack_hi = t->stack_lo + size;
  }
  pthread_setspecific(g_state->exit_key, t);
  t_shim.thread = t;
  --t_shim.in_shim;
  return t;
}

void set_thread_entry(ThreadState* t, uintptr_t entry_pc) {
  t->entry_pc = entry_pc;
  remember_thread_entry(t->index, entry_pc);
}

bool take_exited_thread(unsigned long pthread_id, uint32_t& index) {
  ++t_shim.in_shim;
  bool found = false;
  {
    SpinGuard g(g_exited_lock);
    if (g_exited) {
      auto it = g_exited->find(pthread_id);
      if (it != g_exited->end()) index = it->second, g_exited->erase(it), found = true;
    }
  }
  --t_shim.in_shim;
  return found;
}

size_t report_now() {
  if (!g_state) return 0;
  State& s = *g_state;
  ++t_shim.in_shim;
  SpinGuard g(s.report_lock);
  std::vector<RawFinding> raw = s.detector.findings_since(s.raw_cursor);
  if (!raw.empty()) {
    s.raw_cursor += raw.size();
    Symbolizer sym(s.options.symbolizer);
    ReportBuilder builder(s.detector, sym, s.options.stack_depth, s.suppressions);
    std::vector<report::Finding> built = builder.build(raw);
    for (auto& f : built) {
      if (!s.context.empty()) f.notes.push_back(report::Note{{}, "observed during " + s.context});
      if (!sym.problem().empty()) f.notes.push_back(report::Note{{}, sym.problem()});
    }
    if (s.options.print_report && !built.empty()) {
      std::ostringstream text;
      text << "==" << getpid() << "== lockscope " << kVersion << " runtime report\n";
      for (const auto& f : built) report::write_text(text, f);
      std::string t = text.str();
      (void)!write(2, t.data(), t.size());
    }
    for (auto& f : built) s.report.findings.push_back(std::move(f));
    write_json_locked();
  }
  size_t n = s.report.findings.size();
  --t_shim.in_shim;
  return n;
}

size_t report_and_write_json() {
  ++t_shim.in_shim;
  size_t n = report_now();
  {
    SpinGuard g(g_state->report_lock);
    write_json_locked();
  }
  --t_shim.in_shim;
  return n;
}

int report_at_quick_exit(int status) {
  if (!g_state || getpid() != g_state->state_pid) return status;
  // _exit is async-signal-safe and programs call it from signal handlers; the report is not.
  end_even_if_the_report_hangs();
  size_t n = report_and_write_json();
  return status == 0 && n > 0 ? g_state->options.exitcode : status;
}

void die_with_findings() {
  ++t_shim.in_shim;
  report_and_write_json();
  std::fflush(nullptr);
  _exit(g_state->options.exitcode);
}

void on_new_findings() {
  if (g_state->options.halt_on_first_report && report_now() > 0) die_with_findings();
}

int adjust_exit_status(int status) {
  if (!g_state) return status;
  size_t n = report_now();
  return status == 0 && n > 0 ? g_state->options.exitcode : status;
}

}  // namespace lockscope::rt

using namespace lockscope::rt;

extern "C" {

__attribute__((visibility("default"))) size_t lockscope_rt_poll(size_t* cursor, char* buf, size_t size) {
  if (!ready()) return 0;
  report_now();
  ++t_shim.in_shim;
  std::string text;
  size_t count = 0;
  {
    SpinGuard g(g_state->report_lock);
    auto& all = g_state->report.findings;
    std::ostringstream out;
    for (size_t i = *cursor; i < all.size(); ++i, ++count) lockscope::report::write_text(out, all[i]);
    *cursor = all.size();
    text = out.str();
  }
  if (size > 0) {
    size_t n = std::min(size - 1, text.size());
    std::memcpy(buf, text.data(), n);
    buf[n] = 0;
  }
  --t_shim.in_shim;
  return count;
}

__attribute__((visibility("default"))) void lockscope_rt_set_context(const char* context) {
  if (!ready()) ensure_init();
  ++t_shim.in_shim;
  {
    SpinGuard g(g_state->report_lock);
    g_state->context = context ? context : "";
  }
  --t_shim.in_shim;
}

}  // extern "C"

__attribute__((constructor(101))) static void lockscope_rt_init() { ensure_init(); }
