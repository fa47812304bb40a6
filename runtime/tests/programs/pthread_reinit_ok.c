// Heap pthread mutexes: init, use, destroy, free. Main locks global -> m; the next mutex, at the
// same address, is handed to a worker running alongside, which locks it -> global. Different
// locks: no cycle.
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>

static pthread_mutex_t global = PTHREAD_MUTEX_INITIALIZER;
static _Atomic(pthread_mutex_t*) handed;
static atomic_int done;

static void* worker(void* arg) {
  (void)arg;
  for (;;) {
    pthread_mutex_t* m = atomic_load(&handed);
    if (!m) {
      if (done) return 0;
      sched_yield();
      continue;
    }
    pthread_mutex_lock(m);
    pthread_mutex_lock(&global);
    pthread_mutex_unlock(&global);
    pthread_mutex_unlock(m);
    atomic_store(&handed, (pthread_mutex_t*)0);
  }
}

int main(void) {
  pthread_t w;
  pthread_create(&w, 0, worker, 0);
  int reused = 0;
  for (int i = 0; i < 100; ++i) {
    pthread_mutex_t* m = malloc(sizeof *m);
    pthread_mutex_init(m, 0);
    pthread_mutex_lock(&global);
    pthread_mutex_lock(m);
    pthread_mutex_unlock(m);
    pthread_mutex_unlock(&global);
    pthread_mutex_destroy(m);
    void* old = m;
    free(m);
    pthread_mutex_t* next = malloc(sizeof *next);
    if ((void*)next == old) ++reused;
    pthread_mutex_init(next, 0);
    atomic_store(&handed, next);
    while (atomic_load(&handed)) sched_yield();
    pthread_mutex_destroy(next);
    free(next);
  }
  done = 1;
  pthread_join(w, 0);
  if (!reused) {
    fprintf(stderr, "allocator never reused an address: the test shows nothing\n");
    return 3;
  }
  return 0;
}
