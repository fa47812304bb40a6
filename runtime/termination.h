#pragma once
// A program stopped by a signal whose default action is to terminate it (SIGTERM from `kill`,
// `timeout` or a CI runner, SIGINT from Ctrl-C, SIGHUP) would end without running exit handlers,
// so the findings the run had made (a lock-order cycle seen an hour earlier in a server) would be
// lost. For the signals the program leaves at their default, the shim installs a handler that
// writes the report and then ends the process by the same signal, so its status is unchanged.
// A program that handles a signal itself keeps its handler (and reports at exit as usual);
// sigaction()/signal() show such a program SIG_DFL where the shim's handler stands.
// A crash (SIGSEGV, SIGBUS, SIGFPE, SIGILL, or SIGABRT from a failed assert) is handled the same
// way: the report is written, then the process dies by the same signal.
namespace lockscope::rt {

// Called once at start, in the process that owns the shim state (and again in a forked child,
// which inherits the handlers).
void install_stop_signal_reporting();  // stop and crash signals
// For a report written where the program may be ending from a signal handler or with a lock of
// its own held (malloc's): SIGALRM's default action ends the process after 30 s if the report
// cannot be written, so a stop is never turned into a hang.
void end_even_if_the_report_hangs();
// The shim's own threads (the watchdog) never take these signals: the handler may have to wait
// for locks that such a thread holds.
void block_stop_signals_in_this_thread();

}  // namespace lockscope::rt
