/* Two readers take two rwlocks in opposite orders, both for reading only. Readers never block
 * readers, so neither can wait for the other: no deadlock (and no writer exists to change that). */
// Strict C11 hides the POSIX rwlock and spinlock APIs unless a POSIX level is asked for.
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>
#include <stdio.h>

static pthread_rwlock_t index_lock = PTHREAD_RWLOCK_INITIALIZER;
static pthread_rwlock_t data_lock = PTHREAD_RWLOCK_INITIALIZER;

static void *lookup(void *arg) {
  pthread_rwlock_rdlock(&index_lock);
  pthread_rwlock_rdlock(&data_lock);
  pthread_rwlock_unlock(&data_lock);
  pthread_rwlock_unlock(&index_lock);
  return arg;
}

static void *scan(void *arg) {
  pthread_rwlock_rdlock(&data_lock);
  pthread_rwlock_rdlock(&index_lock);
  pthread_rwlock_unlock(&index_lock);
  pthread_rwlock_unlock(&data_lock);
  return arg;
}

int main(void) {
  pthread_t t1, t2;
  if (pthread_create(&t1, NULL, lookup, NULL) != 0) return 1;
  if (pthread_create(&t2, NULL, scan, NULL) != 0) return 1;
  pthread_join(t1, NULL);
  pthread_join(t2, NULL);
  puts("done");
  return 0;
}
