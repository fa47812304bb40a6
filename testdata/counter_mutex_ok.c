// The counter in C done right: every `counter += 1` sits between pthread_mutex_lock and
// pthread_mutex_unlock of one statically initialized mutex, and main reads the counter after
// joining every thread. Every access is guarded or ordered by a join: the analyzer must stay
// silent.
#include <pthread.h>
#include <stdio.h>

static pthread_mutex_t counter_mutex = PTHREAD_MUTEX_INITIALIZER;
static long counter;

static void *increment_many(void *arg) {
  (void)arg;
  for (int i = 0; i < 10000; ++i) {
    pthread_mutex_lock(&counter_mutex);
    counter += 1;
    pthread_mutex_unlock(&counter_mutex);
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
  printf("counter = %ld\n", counter);
  return 0;
}
