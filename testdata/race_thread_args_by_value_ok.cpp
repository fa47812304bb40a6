// Data handed to a thread through its constructor arguments: std::thread copies every argument
// (unless wrapped in std::ref), so each worker updates its own copy of `settings` and of
// `counter`, while main keeps changing the originals. Nothing is shared and nothing may be
// reported.
#include <cstdio>
#include <thread>

namespace {

struct Settings {
  int retries = 3;
  long budget = 100;
};

void run_job(Settings settings, long counter) {
  for (int i = 0; i < settings.retries; ++i) {
    settings.budget -= 10;
    counter += settings.budget;
  }
  std::printf("job used %ld\n", counter);
}

}  // namespace

int main() {
  Settings settings;
  long counter = 0;
  std::thread first(run_job, settings, counter);
  std::thread second(run_job, settings, counter);
  settings.retries = 5;
  settings.budget = 50;
  counter = 7;
  first.join();
  second.join();
  std::printf("main's settings: %d retries\n", settings.retries);
  return 0;
}
