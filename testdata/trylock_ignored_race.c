// pthread_mutex_trylock whose result is ignored: the flusher "locks" the buffer with a try-lock
// and carries on whether or not it got the lock. When the append thread holds the lock, the try
// fails and the flush writes the buffer length unguarded. The lock is held on one path only, so
// it does not guard the write: one data-race finding on it (the note says the try-lock's result
// is ignored; the appender's writes hold the lock most accesses hold, and carry none). Static only: whether a run's try fails (and then unlocks a mutex the other thread
// holds) depends on timing.
// lockscope-test: no-run
#include <pthread.h>
#include <stdio.h>

static pthread_mutex_t buffer_lock = PTHREAD_MUTEX_INITIALIZER;
static long buffered;
static long flushed;
static long peak;

static void *append(void *arg) {
  (void)arg;
  for (int i = 0; i < 100; ++i) {
    pthread_mutex_lock(&buffer_lock);
    buffered += 1;
    if (buffered > peak) peak = buffered;
    pthread_mutex_unlock(&buffer_lock);
  }
  return NULL;
}

static void *flush(void *arg) {
  (void)arg;
  pthread_mutex_trylock(&buffer_lock);
  flushed += buffered;
  buffered = 0;  // expect[static]: data-race
  pthread_mutex_unlock(&buffer_lock);
  return NULL;
}

int main(void) {
  pthread_t a, f;
  if (pthread_create(&a, NULL, append, NULL) != 0) return 1;
  if (pthread_create(&f, NULL, flush, NULL) != 0) return 1;
  pthread_join(a, NULL);
  pthread_join(f, NULL);
  printf("flushed %ld, peak %ld\n", flushed, peak);
  return 0;
}
