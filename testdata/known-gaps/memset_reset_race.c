// A library call that writes: the collector counts latencies into a shared histogram under
// hist_lock; the reporter prints the histogram under the lock but clears it with memset AFTER
// unlocking. memset writes the whole array: it races with the collector's increment, and the
// increment (under a lock the memset does not hold) races with it. One finding on each write.
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#define BUCKETS 8

static pthread_mutex_t hist_lock = PTHREAD_MUTEX_INITIALIZER;
static long histogram[BUCKETS];

static void *collect(void *arg) {
  (void)arg;
  for (int i = 0; i < 5000; ++i) {
    pthread_mutex_lock(&hist_lock);
    histogram[i % BUCKETS] += 1;  // expect[static]: data-race
    pthread_mutex_unlock(&hist_lock);
  }
  return NULL;
}

static void *report(void *arg) {
  (void)arg;
  long seen = 0;
  for (int round = 0; round < 20; ++round) {
    pthread_mutex_lock(&hist_lock);
    for (int b = 0; b < BUCKETS; ++b) seen += histogram[b];
    pthread_mutex_unlock(&hist_lock);
    memset(histogram, 0, sizeof histogram);  // expect[static]: data-race
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
