// A spinlock built on C11 atomic_flag, with one access outside it: the server counts requests
// between acquire and release, but adds to `bytes` after releasing. The counter under the
// spinlock is safe; the write after the release races with the other server's (one finding).
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>

static atomic_flag busy = ATOMIC_FLAG_INIT;
static long requests;
static long bytes;

static void spin_acquire(void) {
  while (atomic_flag_test_and_set_explicit(&busy, memory_order_acquire)) {
  }
}

static void spin_release(void) { atomic_flag_clear_explicit(&busy, memory_order_release); }

static void *serve(void *arg) {
  const long size = (long)arg;
  for (int i = 0; i < 1000; ++i) {
    spin_acquire();
    requests += 1;
    spin_release();
    bytes += size;  // expect[static]: data-race
  }
  return NULL;
}

int main(void) {
  pthread_t a, b;
  if (pthread_create(&a, NULL, serve, (void *)64L) != 0) return 1;
  if (pthread_create(&b, NULL, serve, (void *)512L) != 0) return 1;
  pthread_join(a, NULL);
  pthread_join(b, NULL);
  printf("%ld requests, %ld bytes\n", requests, bytes);
  return 0;
}
