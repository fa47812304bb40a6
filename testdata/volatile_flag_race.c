// volatile is not synchronization: the workers count into a volatile counter and poll a
// volatile stop flag that main sets. volatile keeps the compiler from caching the values, but
// the increments are still unsynchronised read-modify-writes and the flag write is unordered with
// the polls. Both writes race (one finding each).
#include <pthread.h>
#include <stdio.h>
#include <time.h>

static volatile int stop;
static volatile long ticks;

static void *tick(void *arg) {
  (void)arg;
  for (int i = 0; i < 100000 && !stop; ++i) ticks += 1;  // expect[static]: data-race
  return NULL;
}

int main(void) {
  pthread_t a, b;
  if (pthread_create(&a, NULL, tick, NULL) != 0) return 1;
  if (pthread_create(&b, NULL, tick, NULL) != 0) return 1;
  struct timespec pause = {0, 1000000};
  nanosleep(&pause, NULL);
  stop = 1;  // expect[static]: data-race
  pthread_join(a, NULL);
  pthread_join(b, NULL);
  printf("%ld ticks\n", ticks);
  return 0;
}
