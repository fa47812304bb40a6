// Tutorial scenario: a daemon thread. A detached "heartbeat" thread appends to a log while main
// appends to the same log, and main never waits for the daemon (Python kills daemon threads at
// exit; here the process exit does). No lock guards the log, so each of the four writes races
// with its twin on the other thread: the daemon's entry write and length bump, and main's entry
// write and length bump, one finding each. The log is plain arrays so that a daemon still
// running during exit cannot touch a destroyed object.
#include <chrono>
#include <cstdio>
#include <thread>

namespace {

constexpr int kLogCapacity = 1024;
char log_entries[kLogCapacity];
int log_length = 0;

// Daemons usually loop forever; this one is bounded so the program stays bounded either way.
void heartbeat() {
  for (int beat = 0; beat < 200; ++beat) {
    log_entries[log_length % kLogCapacity] = 'h';  // expect[static]: data-race
    log_length += 1;  // expect[static]: data-race
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
}

}  // namespace

int main() {
  std::thread(heartbeat).detach();
  for (int step = 0; step < 5; ++step) {
    log_entries[log_length % kLogCapacity] = 'm';  // expect[static]: data-race
    log_length += 1;  // expect[static]: data-race
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  std::printf("main leaves with the daemon still running (log length ~%d)\n", log_length);
  return 0;
}
