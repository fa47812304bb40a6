// pthread_mutex_trylock whose result is checked: the flusher flushes only when it got the lock,
// and otherwise counts a skipped flush in an atomic and tries again later. Every access to the
// buffer holds buffer_lock: nothing may be reported.
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>

static pthread_mutex_t buffer_lock = PTHREAD_MUTEX_INITIALIZER;
static long buffered;
static long flushed;
static atomic_long skipped;

static void *append(void *arg) {
  (void)arg;
  for (int i = 0; i < 1000; ++i) {
    pthread_mutex_lock(&buffer_lock);
    buffered += 1;
    pthread_mutex_unlock(&buffer_lock);
  }
  return NULL;
}

static void *flush(void *arg) {
  (void)arg;
  for (int i = 0; i < 100; ++i) {
    if (pthread_mutex_trylock(&buffer_lock) != 0) {
      atomic_fetch_add(&skipped, 1);
      continue;
    }
    flushed += buffered;
    buffered = 0;
    pthread_mutex_unlock(&buffer_lock);
  }
  return NULL;
}

int main(void) {
  pthread_t a, f;
  if (pthread_create(&a, NULL, append, NULL) != 0) return 1;
  if (pthread_create(&f, NULL, flush, NULL) != 0) return 1;
  pthread_join(a, NULL);
  pthread_join(f, NULL);
  printf("flushed %ld, %ld still buffered, %ld flushes skipped\n", flushed, buffered, atomic_load(&skipped));
  return 0;
}
