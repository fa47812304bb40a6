// The silent twin of thread_arg_cast_race.c in C++: a pthread gets its Job through the void*
// argument and takes it back with static_cast; a second thread gets a Worker (derived from Job)
// and works on it through a reinterpret_cast and a cast to the base. Every write to the shared
// counters happens under the job's mutex, taken through those same casts, so nothing may be
// reported: a cast that lost the lock's name would leave the writes unguarded.
#include <pthread.h>

#include <cstdio>
#include <mutex>

struct Job {
  std::mutex lock;
  long total = 0;
};

struct Worker : Job {
  int rounds = 0;
};

static void* run_job(void* arg) {
  Job* job = static_cast<Job*>(arg);
  for (int i = 0; i < 1000; ++i) {
    std::lock_guard<std::mutex> hold(job->lock);
    job->total += i;
  }
  return nullptr;
}

static void* run_worker(void* arg) {
  auto* w = reinterpret_cast<Worker*>(arg);
  for (int i = 0; i < 1000; ++i) {
    std::lock_guard<std::mutex> hold(static_cast<Job*>(w)->lock);
    static_cast<Job*>(w)->total += i;
    w->rounds += 1;
  }
  return nullptr;
}

int main() {
  static Worker shared;
  pthread_t a, b, c;
  if (pthread_create(&a, nullptr, run_job, static_cast<Job*>(&shared)) != 0) return 1;
  if (pthread_create(&b, nullptr, run_worker, &shared) != 0) return 1;
  if (pthread_create(&c, nullptr, run_worker, &shared) != 0) return 1;
  pthread_join(a, nullptr);
  pthread_join(b, nullptr);
  pthread_join(c, nullptr);
  std::printf("%ld %d\n", shared.total, shared.rounds);
}
