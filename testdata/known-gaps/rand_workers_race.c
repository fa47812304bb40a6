// rand() advances one hidden global seed, which POSIX does not require to be thread-safe: two
// simulation workers draw from it at the same time, so their sequences interleave and (on a C
// library without an internal lock) the seed itself is torn. One thread-unsafe-call finding on
// the call (both workers run it; the note names the other thread's call).
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

static void *simulate(void *arg) {
  (void)arg;
  long heads = 0;
  for (int i = 0; i < 10000; ++i) {
    if (rand() % 2 == 0) heads += 1;  // expect[static]: thread-unsafe-call
  }
  return (void *)heads;
}

int main(void) {
  srand(42);
  pthread_t a, b;
  if (pthread_create(&a, NULL, simulate, NULL) != 0) return 1;
  if (pthread_create(&b, NULL, simulate, NULL) != 0) return 1;
  void *ha = NULL, *hb = NULL;
  pthread_join(a, &ha);
  pthread_join(b, &hb);
  printf("%ld heads\n", (long)ha + (long)hb);
  return 0;
}
