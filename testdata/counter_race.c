// The unguarded counter in C: four pthreads each run `counter += 1` ten thousand times with no
// mutex. The increment is a load, an add and a store, so increments get lost; one finding
// belongs on that write (one write site, one variable). main reads the counter only after every
// pthread_join and must not be reported.
#include <pthread.h>
#include <stdio.h>

static long counter;

static void *increment_many(void *arg) {
  (void)arg;
  for (int i = 0; i < 10000; ++i) {
    counter += 1;  // expect[static]: data-race
  }
  return NULL;
}

int main(void) {
  pthread_t threads[4];
  for (int t = 0; t < 4; ++t) {
    if (pthread_create(&threads[t], NULL, increment_many, NULL) != 0) return 1;
  }
  for (int t = 0; t < 4; ++t) {
    pthread_join(threads[t], NULL);
  }
  printf("counter = %ld (40000 without the race)\n", counter);
  return 0;
}
