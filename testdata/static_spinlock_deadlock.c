/* Spinlocks deadlock like mutexes (they spin instead of sleeping): two threads take two spinlocks
 * in opposite orders. The second waits for the first, so the run never hangs. */
// Strict C11 hides the POSIX rwlock and spinlock APIs unless a POSIX level is asked for.
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>

static pthread_spinlock_t a;
static pthread_spinlock_t b;
static atomic_bool first_done;

static void *first(void *arg) {
  pthread_spin_lock(&a);
  pthread_spin_lock(&b);
  pthread_spin_unlock(&b);
  pthread_spin_unlock(&a);
  atomic_store(&first_done, true);
  return arg;
}

static void *second(void *arg) {
  while (!atomic_load(&first_done)) sched_yield();
  pthread_spin_lock(&b);
  pthread_spin_lock(&a);  // expect: lock-order-inversion
  pthread_spin_unlock(&a);
  pthread_spin_unlock(&b);
  return arg;
}

int main(void) {
  pthread_spin_init(&a, PTHREAD_PROCESS_PRIVATE);
  pthread_spin_init(&b, PTHREAD_PROCESS_PRIVATE);
  pthread_t t1, t2;
  if (pthread_create(&t1, NULL, first, NULL) != 0) return 1;
  if (pthread_create(&t2, NULL, second, NULL) != 0) return 1;
  pthread_join(t1, NULL);
  pthread_join(t2, NULL);
  puts("done");
  return 0;
}
