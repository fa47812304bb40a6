#include "termination.h"

#include <dlfcn.h>
#include <pthread.h>
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>

#include "runtime.h"

namespace lockscope::rt {

namespace {

constexpr int kStopSignals[] = {SIGTERM, SIGINT, SIGHUP};
// Signals of a crash: a fault, or abort() from a failed assert.
constexpr int kFatalSignals[] = {SIGSEGV, SIGBUS, SIGABRT, SIGFPE, SIGILL};
// If the report cannot be written (the signal interrupted a thread inside malloc, say), SIGALRM's
// default action still ends the process after this many seconds: never a hang instead of a stop.
constexpr unsigned kReportSeconds = 30;  // room for symbolizing a large binary

using SigactionFn = int (*)(int, const struct sigaction*, struct sigaction*);
using SignalFn = sighandler_t (*)(int, sighandler_t);
std::atomic<SigactionFn> real_sigaction{nullptr};
std::atomic<SignalFn> real_signal{nullptr};
std::atomic<bool> reporting{false};
std::atomic<int> crash_signal{0};  // the fatal signal being reported

SigactionFn sigaction_fn() {
  SigactionFn f = real_sigaction.load(std::memory_order_acquire);
  if (!f) {
    f = reinterpret_cast<SigactionFn>(dlsym(RTLD_NEXT, "sigaction"));
    real_sigaction.store(f, std::memory_order_release);
  }
  return f;
}

// The signal's default action, and the calling thread no longer blocking it.
void set_default_and_unblock(int sig) {
  struct sigaction dfl {};
  dfl.sa_handler = SIG_DFL;
  sigemptyset(&dfl.sa_mask);
  sigaction_fn()(sig, &dfl, nullptr);
  sigset_t only;
  sigemptyset(&only);
  sigaddset(&only, sig);
  pthread_sigmask(SIG_UNBLOCK, &only, nullptr);
}

// Only the first stop or crash reports; a thread that gets a second one (Ctrl-C twice, two
// threads crashing) waits here for the first to end the process, which it does even if the
// report hangs (the alarm).
void wait_for_the_first_report() {
  for (;;) pause();
}

// A thread interrupted inside the shim may hold the locks the report needs: no report then,
// rather than a wait that only the alarm would end.
void report_if_safe() {
  if (ready() && t_shim.in_shim == 0) report_and_write_json();
}

void on_stop_signal(int sig) {
  if (reporting.exchange(true)) wait_for_the_first_report();
  end_even_if_the_report_hangs();
  report_if_safe();
  set_default_and_unblock(sig);
  raise(sig);
}

// The report of a crash could not be written in time (a heap corruption detected inside malloc,
// with malloc's lock held): die by the crash's signal anyway.
void on_crash_report_timeout(int) {
  int sig = crash_signal.load();
  set_default_and_unblock(sig);
  raise(sig);
}

void on_fatal_signal(int sig, siginfo_t*, void*) {
  if (reporting.exchange(true)) wait_for_the_first_report();
  crash_signal.store(sig);
  struct sigaction act {};
  act.sa_handler = on_crash_report_timeout;
  sigemptyset(&act.sa_mask);
  sigaction_fn()(SIGALRM, &act, nullptr);
  sigset_t only;
  sigemptyset(&only);
  sigaddset(&only, SIGALRM);
  pthread_sigmask(SIG_UNBLOCK, &only, nullptr);
  alarm(kReportSeconds);
  report_if_safe();
  // Raised again rather than re-executing the faulting instruction: the process dies by this
  // signal also when it was sent by kill() or raise(), not made by a fault.
  set_default_and_unblock(sig);
  raise(sig);
}

template <size_t N>
bool is_one_of(const int (&set)[N], int sig) {
  for (int s : set)
    if (s == sig) return true;
  return false;
}

// Installs `act` for `sig` if the program leaves the signal at its default action.
void install_if_default(SigactionFn real, int sig, const struct sigaction& act) {
  struct sigaction old {};
  if (real(sig, nullptr, &old) != 0 || (old.sa_flags & SA_SIGINFO) || old.sa_handler != SIG_DFL) return;
  real(sig, &act, nullptr);
}

bool is_shim_handler(const struct sigaction& a) {
  if (a.sa_flags & SA_SIGINFO) return a.sa_sigaction == on_fatal_signal;
  return a.sa_handler == on_stop_signal;
}

}  // namespace

void install_stop_signal_reporting() {
  SigactionFn real = sigaction_fn();
  if (!real) return;
  struct sigaction stop {};
  stop.sa_handler = on_stop_signal;
  sigemptyset(&stop.sa_mask);
  for (int s : kStopSignals) sigaddset(&stop.sa_mask, s);
  stop.sa_flags = SA_RESTART;
  for (int sig : kStopSignals) install_if_default(real, sig, stop);
  struct sigaction fatal {};
  fatal.sa_sigaction = on_fatal_signal;
  sigemptyset(&fatal.sa_mask);
  for (int s : kStopSignals) sigaddset(&fatal.sa_mask, s);
  fatal.sa_flags = SA_SIGINFO | SA_RESTART;
  for (int sig : kFatalSignals) install_if_default(real, sig, fatal);
}

void end_even_if_the_report_hangs() {
  set_default_and_unblock(SIGALRM);
  alarm(kReportSeconds);
}

void block_stop_signals_in_this_thread() {
  sigset_t set;
  sigemptyset(&set);
  for (int s : kStopSignals) sigaddset(&set, s);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
}

}  // namespace lockscope::rt

using namespace lockscope::rt;

// The program asking what a stop signal does sees the default where the shim's handler stands.
extern "C" __attribute__((visibility("default"))) int sigaction(int sig, const struct sigaction* act,
                                                                 struct sigaction* old) noexcept {
  SigactionFn real = sigaction_fn();
  if (!real) {
    errno = ENOSYS;
    return -1;
  }
  int r = real(sig, act, old);
  if (r == 0 && old && (is_one_of(kStopSignals, sig) || is_one_of(kFatalSignals, sig)) && is_shim_handler(*old)) {
    old->sa_handler = SIG_DFL;
    old->sa_flags = 0;
    sigemptyset(&old->sa_mask);
  }
  return r;
}

namespace {
// signal() and its variants (strict C picks __sysv_signal through a header redirect) report the
// previous handler: SIG_DFL where the shim's stands (a SA_SIGINFO handler comes back through the
// same union member).
sighandler_t replace_handler(std::atomic<SignalFn>& real, const char* name, int sig, sighandler_t handler) {
  SignalFn f = real.load(std::memory_order_acquire);
  if (!f) {
    f = reinterpret_cast<SignalFn>(dlsym(RTLD_NEXT, name));
    real.store(f, std::memory_order_release);
  }
  if (!f) return SIG_ERR;
  sighandler_t old = f(sig, handler);
  bool shim = old == on_stop_signal || reinterpret_cast<void*>(old) == reinterpret_cast<void*>(on_fatal_signal);
  return shim ? SIG_DFL : old;
}
std::atomic<SignalFn> real_sysv_signal{nullptr}, real_sysv_signal2{nullptr}, real_bsd_signal{nullptr};
}  // namespace

#define SIGNAL_INTERCEPTOR(name, real)                                                                     \
  extern "C" __attribute__((visibility("default"))) sighandler_t name(int sig, sighandler_t h) noexcept { \
    return replace_handler(real, #name, sig, h);                                                           \
  }
SIGNAL_INTERCEPTOR(signal, real_signal)
SIGNAL_INTERCEPTOR(__sysv_signal, real_sysv_signal)
SIGNAL_INTERCEPTOR(sysv_signal, real_sysv_signal2)
SIGNAL_INTERCEPTOR(bsd_signal, real_bsd_signal)
