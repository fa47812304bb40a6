/* A C helper that locks whatever mutex it is given is recognised from its body: lock_account()
 * calls pthread_mutex_lock on its argument, so a call with &a is an acquisition of a. Two
 * threads move money in opposite directions through the helpers; the second waits on an atomic
 * flag for the first, so the run never hangs. The inversion sits on the second thread's call
 * that takes a. */
// Where the halves differ: the static checker puts an acquisition made through a lock wrapper (a
// function that returns holding the lock it took) on the wrapper's call site; the runtime shim
// reports the innermost frame, inside the wrapper. Both expectations are spelled out.
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>

static pthread_mutex_t a = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t b = PTHREAD_MUTEX_INITIALIZER;
static atomic_bool first_done;

static void lock_account(pthread_mutex_t *m) { pthread_mutex_lock(m); }  // expect[runtime]: lock-order-inversion
static void unlock_account(pthread_mutex_t *m) { pthread_mutex_unlock(m); }

static void *a_to_b(void *arg) {
  lock_account(&a);
  lock_account(&b);
  unlock_account(&b);
  unlock_account(&a);
  atomic_store(&first_done, true);
  return arg;
}

static void *b_to_a(void *arg) {
  while (!atomic_load(&first_done)) sched_yield();
  lock_account(&b);
  lock_account(&a);  // expect[static]: lock-order-inversion
  unlock_account(&a);
  unlock_account(&b);
  return arg;
}

int main(void) {
  pthread_t t1, t2;
  if (pthread_create(&t1, NULL, a_to_b, NULL) != 0) return 1;
  if (pthread_create(&t2, NULL, b_to_a, NULL) != 0) return 1;
  pthread_join(t1, NULL);
  pthread_join(t2, NULL);
  puts("done");
  return 0;
}
