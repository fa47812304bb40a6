/* lock_pair() takes its two arguments in the order given; every caller passes them in the same
 * global order (a before b), so the helper orders nothing inconsistently. */
#include <pthread.h>
#include <stdio.h>

static pthread_mutex_t a = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t b = PTHREAD_MUTEX_INITIALIZER;

static void lock_pair(pthread_mutex_t *first, pthread_mutex_t *second) {
  pthread_mutex_lock(first);
  pthread_mutex_lock(second);
}

static void unlock_pair(pthread_mutex_t *first, pthread_mutex_t *second) {
  pthread_mutex_unlock(second);
  pthread_mutex_unlock(first);
}

static void *worker(void *arg) {
  for (int i = 0; i < 100; ++i) {
    lock_pair(&a, &b);
    unlock_pair(&a, &b);
  }
  return arg;
}

int main(void) {
  pthread_t t1, t2;
  if (pthread_create(&t1, NULL, worker, NULL) != 0) return 1;
  if (pthread_create(&t2, NULL, worker, NULL) != 0) return 1;
  pthread_join(t1, NULL);
  pthread_join(t2, NULL);
  puts("done");
  return 0;
}
