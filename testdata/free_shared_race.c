// free() writes the block it releases: the cache thread reads entries of the shared `slots` block
// with no lock, and the shutdown thread frees it at the same time. The free races with the reads
// (one finding, on the free). Static only: a run could read freed memory.
// lockscope-test: no-run
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

static long *slots;

static void *read_slots(void *arg) {
  (void)arg;
  long sum = 0;
  for (int i = 0; i < 64; ++i) sum += slots[i];
  return (void *)sum;
}

static void *shutdown_cache(void *arg) {
  (void)arg;
  free(slots);  // expect[static]: data-race
  return NULL;
}

int main(void) {
  slots = calloc(64, sizeof *slots);
  if (slots == NULL) return 1;
  pthread_t r, s;
  if (pthread_create(&r, NULL, read_slots, NULL) != 0) return 1;
  if (pthread_create(&s, NULL, shutdown_cache, NULL) != 0) return 1;
  void *sum = NULL;
  pthread_join(r, &sum);
  pthread_join(s, NULL);
  printf("sum %ld\n", (long)sum);
  return 0;
}
