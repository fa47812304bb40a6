#define _POSIX_C_SOURCE 200809L
/* Two threads take a and b in opposite orders, each inside a read lock of the same rwlock. Readers
 * share the rwlock, so it is no gate: both can be inside at once, and the inversion is real.
 * The threads overlap in time; a flag orders them so the run never hangs. */
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>

static pthread_rwlock_t config = PTHREAD_RWLOCK_INITIALIZER;
static pthread_mutex_t a = PTHREAD_MUTEX_INITIALIZER, b = PTHREAD_MUTEX_INITIALIZER;
static atomic_int step;

static void* forward(void* arg) {
  pthread_rwlock_rdlock(&config);
  pthread_mutex_lock(&a);
  pthread_mutex_lock(&b);
  pthread_mutex_unlock(&b);
  pthread_mutex_unlock(&a);
  pthread_rwlock_unlock(&config);
  atomic_store(&step, 1);
  return arg;
}

static void* backward(void* arg) {
  while (atomic_load(&step) < 1) sched_yield();
  pthread_rwlock_rdlock(&config);
  pthread_mutex_lock(&b);
  pthread_mutex_lock(&a); // expect: lock-order-inversion
  pthread_mutex_unlock(&a);
  pthread_mutex_unlock(&b);
  pthread_rwlock_unlock(&config);
  return arg;
}

int main(void) {
  pthread_t t1, t2;
  pthread_create(&t1, 0, forward, 0);
  pthread_create(&t2, 0, backward, 0);
  pthread_join(t1, 0);
  pthread_join(t2, 0);
  return 0;
}
