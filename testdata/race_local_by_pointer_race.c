// A local shared by pointer: main's `hits` lives on main's stack, but its address goes to two
// pthreads, which both increment it with no lock. The increment races (one finding). main's
// read after both joins is ordered and carries none.
#include <pthread.h>
#include <stdio.h>

static void *count_hits(void *arg) {
  long *hits = arg;
  for (int i = 0; i < 1000; ++i) {
    *hits += 1;  // expect[static]: data-race
  }
  return NULL;
}

int main(void) {
  long hits = 0;
  pthread_t a, b;
  if (pthread_create(&a, NULL, count_hits, &hits) != 0) return 1;
  if (pthread_create(&b, NULL, count_hits, &hits) != 0) return 1;
  pthread_join(a, NULL);
  pthread_join(b, NULL);
  printf("hits %ld\n", hits);
  return 0;
}
