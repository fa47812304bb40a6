// Heap pthread mutexes: init, use, destroy, free; the next allocation at the same address is a
// different lock taken in the opposite order relative to a global: no cycle.
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

static pthread_mutex_t global = PTHREAD_MUTEX_INITIALIZER;

int main(void) {
  void* previous = 0;
  int reused = 0;
  for (int i = 0; i < 100; ++i) {
    pthread_mutex_t* m = malloc(sizeof *m);
    if ((void*)m == previous) ++reused;
    pthread_mutex_init(m, 0);
    if (i % 2 == 0) {
      pthread_mutex_lock(&global);
      pthread_mutex_lock(m);
      pthread_mutex_unlock(m);
      pthread_mutex_unlock(&global);
    } else {
      pthread_mutex_lock(m);
      pthread_mutex_lock(&global);
      pthread_mutex_unlock(&global);
      pthread_mutex_unlock(m);
    }
    pthread_mutex_destroy(m);
    previous = m;
    free(m);
  }
  if (!reused) {
    fprintf(stderr, "allocator never reused an address: the test shows nothing\n");
    return 3;
  }
  return 0;
}
