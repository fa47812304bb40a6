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
// If the report cannot be written (the signal interrupted a thread inside malloc, say), SIGALRM's
// default action still ends the process after this many seconds: never a hang instead of a stop.
constexpr unsigned kReportSeconds = 30;  // room for symbolizing a large binary

using SigactionFn = int (*)(int, const struct sigaction*, struct sigaction*);
using SignalFn = sighandler_t (*)(int, sighandler_t);
std::atomic<SigactionFn> real_sigaction{nullptr};
std::atomic<SignalFn> real_signal{nullptr};
std::atomic<bool> reporting{false};

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

void on_stop_signal(int sig) {
  // Only the first stop signal reports; a second one (Ctrl-C twice) waits here for the first to
  // end the process, which it does even if the report hangs (the alarm below).
  if (reporting.exchange(true)) {
    for (;;) pause();
  }
  end_even_if_the_report_hangs();
  // A thread interrupted inside the shim may hold the locks the report needs: no report then,
  // rather than a wait that only the alarm would end.
  if (ready() && t_shim.in_shim == 0) report_and_write_json();
  set_default_and_unblock(sig);
  raise(sig);
}

bool is_stop_signal(int sig) {
  for (int s : kStopSignals)
    if (s == sig) return true;
  return false;
}

}  // namespace

void install_stop_signal_reporting() {
  SigactionFn real = sigaction_fn();
  if (!real) return;
  for (int sig : kStopSignals) {
    struct sigaction old {};
    if (real(sig, nullptr, &old) != 0 || (old.sa_flags & SA_SIGINFO) || old.sa_handler != SIG_DFL) continue;
    struct sigaction act {};
    act.sa_handler = on_stop_signal;
    sigemptyset(&act.sa_mask);
    for (int s : kStopSignals) sigaddset(&act.sa_mask, s);
    act.sa_flags = SA_RESTART;
    real(sig, &act, nullptr);
  }
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
  if (r == 0 && old && is_stop_signal(sig) && !(old->sa_flags & SA_SIGINFO) && old->sa_handler == on_stop_signal) {
    old->sa_handler = SIG_DFL;
    old->sa_flags = 0;
    sigemptyset(&old->sa_mask);
  }
  return r;
}

namespace {
// signal() and its variants (strict C picks __sysv_signal through a header redirect) report the
// previous handler: SIG_DFL where the shim's stands.
sighandler_t replace_handler(std::atomic<SignalFn>& real, const char* name, int sig, sighandler_t handler) {
  SignalFn f = real.load(std::memory_order_acquire);
  if (!f) {
    f = reinterpret_cast<SignalFn>(dlsym(RTLD_NEXT, name));
    real.store(f, std::memory_order_release);
  }
  if (!f) return SIG_ERR;
  sighandler_t old = f(sig, handler);
  return old == on_stop_signal ? SIG_DFL : old;
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
