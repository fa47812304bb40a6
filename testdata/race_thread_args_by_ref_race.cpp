// The same job as race_thread_args_by_value_ok.cpp, with the settings passed by std::ref: both
// workers now update main's one `settings` object, with no lock. The worker's write to the
// budget races with the other worker's (one finding); main's write before the starts and its
// read after the joins are ordered and carry none.
#include <cstdio>
#include <functional>
#include <thread>

namespace {

struct Settings {
  int retries = 3;
  long budget = 100;
};

void run_job(Settings& settings) {
  for (int i = 0; i < settings.retries; ++i) {
    settings.budget -= 10;  // expect[static]: data-race
  }
}

}  // namespace

int main() {
  Settings settings;
  settings.budget = 1000;
  std::thread first(run_job, std::ref(settings));
  std::thread second(run_job, std::ref(settings));
  first.join();
  second.join();
  std::printf("budget left: %ld\n", settings.budget);
  return 0;
}
