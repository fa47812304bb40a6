// Atomic builtins beside a plain write: the workers count with __sync_fetch_and_add, but the
// reporter resets the counter with a plain store while they run. An atomic access does not make
// a plain one safe: the reset races with the atomic increments (one finding, on the plain write;
// the atomic writes carry none).
#include <pthread.h>
#include <stdio.h>

static long hits;

static void *count(void *arg) {
  (void)arg;
  for (int i = 0; i < 10000; ++i) __sync_fetch_and_add(&hits, 1);
  return NULL;
}

static void *report(void *arg) {
  (void)arg;
  long reported = 0;
  for (int i = 0; i < 10; ++i) {
    reported += __atomic_load_n(&hits, __ATOMIC_RELAXED);
    hits = 0;  // expect[static]: data-race
  }
  return (void *)reported;
}

int main(void) {
  pthread_t a, b, r;
  if (pthread_create(&a, NULL, count, NULL) != 0) return 1;
  if (pthread_create(&b, NULL, count, NULL) != 0) return 1;
  if (pthread_create(&r, NULL, report, NULL) != 0) return 1;
  pthread_join(a, NULL);
  pthread_join(b, NULL);
  pthread_join(r, NULL);
  printf("%ld hits left\n", hits);
  return 0;
}
