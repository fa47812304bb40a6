// Counters shared by four pthreads, every access atomic: the __atomic and __sync builtins and a
// C11 _Atomic variable. Atomic accesses never race with each other, so nothing may be reported.
// main reads the plain `rounds` only after joining every thread.
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>

static long hits;
static long misses;
static _Atomic long batches;
static long rounds;

static void *count_events(void *arg) {
  (void)arg;
  for (int i = 0; i < 1000; ++i) {
    __atomic_fetch_add(&hits, 1, __ATOMIC_RELAXED);
    __sync_fetch_and_add(&misses, 2);
    batches += 1;
  }
  return NULL;
}

int main(void) {
  pthread_t threads[4];
  rounds = 4;
  for (int t = 0; t < 4; ++t) pthread_create(&threads[t], NULL, count_events, NULL);
  for (int t = 0; t < 4; ++t) pthread_join(threads[t], NULL);
  printf("%ld hits, %ld misses, %ld batches in %ld rounds\n", __atomic_load_n(&hits, __ATOMIC_RELAXED), misses,
         (long)batches, rounds);
  return 0;
}
