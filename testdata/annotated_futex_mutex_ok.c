// A futex-based mutex (Drepper, "Futexes Are Tricky", mutex 2), annotated with
// lockscope/annotations.h, taken in one consistent order by two threads running at the same time,
// and a lock destroyed and re-created at the same address (a new lock, no edges of the old one):
// silent.
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

static void* worker(void* arg) {
  (void)arg;
  for (int i = 0; i < 1000; ++i) {
    futex_mutex_lock(&a);
    futex_mutex_lock(&b);
    futex_mutex_unlock(&b);
    futex_mutex_unlock(&a);
  }
  return NULL;
}

int main(void) {
  futex_mutex_init(&a, "a");
  futex_mutex_init(&b, "b");
  pthread_t t1, t2;
  pthread_create(&t1, NULL, worker, NULL);
  pthread_create(&t2, NULL, worker, NULL);
  pthread_join(t1, NULL);
  pthread_join(t2, NULL);
  /* b becomes a new lock: taking it before a is no inversion of the old b's order. */
  lockscope_lock_destroy(&b);
  futex_mutex_init(&b, "b2");
  futex_mutex_lock(&b);
  futex_mutex_lock(&a);
  futex_mutex_unlock(&a);
  futex_mutex_unlock(&b);
  return 0;
}
