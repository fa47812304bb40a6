/* pthread rwlocks: a writer holding `index` waits for `data`, while another thread holds `data`
 * for writing and asks for `index` for reading, which the writer blocks. Read and write modes
 * still order. The second thread waits for the first, so the run never hangs. */
// Strict C11 hides the POSIX rwlock and spinlock APIs unless a POSIX level is asked for.
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>

static pthread_rwlock_t index_lock = PTHREAD_RWLOCK_INITIALIZER;
static pthread_rwlock_t data_lock = PTHREAD_RWLOCK_INITIALIZER;
static atomic_bool first_done;

static void *reindex(void *arg) {
  pthread_rwlock_wrlock(&index_lock);
  pthread_rwlock_rdlock(&data_lock);
  pthread_rwlock_unlock(&data_lock);
  pthread_rwlock_unlock(&index_lock);
  atomic_store(&first_done, true);
  return arg;
}

static void *update(void *arg) {
  while (!atomic_load(&first_done)) sched_yield();
  pthread_rwlock_wrlock(&data_lock);
  pthread_rwlock_rdlock(&index_lock);  // expect: lock-order-inversion
  pthread_rwlock_unlock(&index_lock);
  pthread_rwlock_unlock(&data_lock);
  return arg;
}

int main(void) {
  pthread_t t1, t2;
  if (pthread_create(&t1, NULL, reindex, NULL) != 0) return 1;
  if (pthread_create(&t2, NULL, update, NULL) != 0) return 1;
  pthread_join(t1, NULL);
  pthread_join(t2, NULL);
  puts("done");
  return 0;
}
