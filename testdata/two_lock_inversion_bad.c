// The classic two-lock deadlock in C: transfer_a_to_b() locks a then b, transfer_b_to_a() locks
// b then a, on two pthreads. So that the run never really hangs, the second thread spins on a C11
// atomic flag until the first has unlocked both mutexes; lock order does not care about that
// flag, and the runtime still sees both orders. One lock-order-inversion belongs on the cycle's
// acquisition that comes last in the file: the second function's lock of a.
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>

static pthread_mutex_t a = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t b = PTHREAD_MUTEX_INITIALIZER;
static atomic_bool first_done;
static long balance_a = 100;
static long balance_b = 100;

static void *transfer_a_to_b(void *arg) {
  (void)arg;
  pthread_mutex_lock(&a);
  pthread_mutex_lock(&b);
  balance_a -= 10;
  balance_b += 10;
  pthread_mutex_unlock(&b);
  pthread_mutex_unlock(&a);
  atomic_store(&first_done, true);
  return NULL;
}

static void *transfer_b_to_a(void *arg) {
  (void)arg;
  while (!atomic_load(&first_done)) {
    sched_yield();
  }
  pthread_mutex_lock(&b);
  pthread_mutex_lock(&a);  // expect: lock-order-inversion
  balance_b -= 5;
  balance_a += 5;
  pthread_mutex_unlock(&a);
  pthread_mutex_unlock(&b);
  return NULL;
}

int main(void) {
  pthread_t t1;
  pthread_t t2;
  if (pthread_create(&t1, NULL, transfer_a_to_b, NULL) != 0) return 1;
  if (pthread_create(&t2, NULL, transfer_b_to_a, NULL) != 0) return 1;
  pthread_join(t1, NULL);
  pthread_join(t2, NULL);
  printf("a = %ld, b = %ld\n", balance_a, balance_b);
  return 0;
}
