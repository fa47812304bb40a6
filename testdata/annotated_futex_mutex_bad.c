// A futex-based mutex (Drepper, "Futexes Are Tricky", mutex 2), invisible to the shim's
// interceptors, annotated with lockscope/annotations.h. The first thread takes a then b and is
// joined before the second takes b then a: the runtime reports the inversion (the same calls
// made concurrently deadlock). The static half does not know these are locks.
#define _GNU_SOURCE
#include <linux/futex.h>
#include <stdatomic.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <pthread.h>

#include "../runtime/include/lockscope/annotations.h"

struct futex_mutex {
  atomic_int state; /* 0 free, 1 locked, 2 locked with waiters */
};

static void futex_mutex_init(struct futex_mutex* m, const char* name) {
  atomic_init(&m->state, 0);
  lockscope_lock_create(m, 0, name);
}

static void futex_mutex_lock(struct futex_mutex* m) {
  lockscope_before_lock(m, 0);
  int c = 0;
  if (!atomic_compare_exchange_strong(&m->state, &c, 1)) {
    if (c != 2) c = atomic_exchange(&m->state, 2);
    while (c != 0) {
      syscall(SYS_futex, &m->state, FUTEX_WAIT_PRIVATE, 2, NULL, NULL, 0);
      c = atomic_exchange(&m->state, 2);
    }
  }
  lockscope_after_lock(m, 0, 1);
}

static void futex_mutex_unlock(struct futex_mutex* m) {
  lockscope_before_unlock(m, 0);
  if (atomic_fetch_sub(&m->state, 1) != 1) {
    atomic_store(&m->state, 0);
    syscall(SYS_futex, &m->state, FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0);
  }
}

static struct futex_mutex a, b;

static void* forward(void* arg) {
  (void)arg;
  futex_mutex_lock(&a);
  futex_mutex_lock(&b);
  futex_mutex_unlock(&b);
  futex_mutex_unlock(&a);
  return NULL;
}

static void* backward(void* arg) {
  (void)arg;
  futex_mutex_lock(&b);
  futex_mutex_lock(&a);  // expect[runtime]: lock-order-inversion
  futex_mutex_unlock(&a);
  futex_mutex_unlock(&b);
  return NULL;
}

int main(void) {
  futex_mutex_init(&a, "a");
  futex_mutex_init(&b, "b");
  pthread_t th;
  pthread_create(&th, NULL, forward, NULL);
  pthread_join(th, NULL);
  pthread_create(&th, NULL, backward, NULL);
  pthread_join(th, NULL);
  return 0;
}
