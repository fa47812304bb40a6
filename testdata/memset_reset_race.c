// A library call that writes: the collector adds latencies into shared statistics under
// stats_lock; the reporter reads them under the lock but clears them with memset AFTER
// unlocking. memset writes every field of the struct: it races with the collector's updates of
// each, one finding per field (location) on the memset line. The lock guards every other access,
// so the guarded writes carry none (as in race_inferred_guard_race.cpp).
#include <pthread.h>
#include <stdio.h>
#include <string.h>

struct latency_stats {
  long samples;
  long total_us;
  long max_us;
};

static pthread_mutex_t stats_lock = PTHREAD_MUTEX_INITIALIZER;
static struct latency_stats stats;

static void *collect(void *arg) {
  (void)arg;
  for (long i = 0; i < 5000; ++i) {
    long us = 100 + i % 37;
    pthread_mutex_lock(&stats_lock);
    stats.samples += 1;
    stats.total_us += us;
    if (us > stats.max_us) stats.max_us = us;
    pthread_mutex_unlock(&stats_lock);
  }
  return NULL;
}

static void *report(void *arg) {
  (void)arg;
  long seen = 0;
  for (int round = 0; round < 20; ++round) {
    pthread_mutex_lock(&stats_lock);
    seen += stats.samples;
    printf("mean %ld us, max %ld us\n", stats.samples ? stats.total_us / stats.samples : 0, stats.max_us);
    pthread_mutex_unlock(&stats_lock);
    memset(&stats, 0, sizeof stats);  // expect[static]: data-race, data-race, data-race
  }
  return (void *)seen;
}

int main(void) {
  pthread_t c, r;
  if (pthread_create(&c, NULL, collect, NULL) != 0) return 1;
  if (pthread_create(&r, NULL, report, NULL) != 0) return 1;
  void *seen = NULL;
  pthread_join(c, NULL);
  pthread_join(r, &seen);
  printf("reported %ld samples\n", (long)seen);
  return 0;
}
