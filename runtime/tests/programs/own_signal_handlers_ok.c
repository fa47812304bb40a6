// A program that looks at and installs its own stop-signal handlers sees exactly what it would
// without the shim: SIG_DFL before it installs anything, and its own handler runs (the shim's
// report-on-SIGTERM handler steps aside). Exit status 1-4 names the first thing that went wrong.
#include <signal.h>
#include <stddef.h>

static volatile sig_atomic_t got_term;

static void on_term(int sig) { got_term = sig; }

int main(void) {
  int sigs[] = {SIGTERM, SIGINT, SIGHUP};
  for (int i = 0; i < 3; ++i) {
    struct sigaction old;
    if (sigaction(sigs[i], NULL, &old) != 0 || old.sa_handler != SIG_DFL) return 1;
  }
  if (signal(SIGINT, SIG_IGN) != SIG_DFL) return 2;
  struct sigaction act = {0};
  act.sa_handler = on_term;
  sigemptyset(&act.sa_mask);
  struct sigaction old;
  if (sigaction(SIGTERM, &act, &old) != 0 || old.sa_handler != SIG_DFL) return 3;
  raise(SIGTERM);
  return got_term == SIGTERM ? 0 : 4;
}
