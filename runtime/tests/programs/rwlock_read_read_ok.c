#define _POSIX_C_SOURCE 200809L
/* Two readers take two rwlocks in opposite orders: readers never exclude each other. */
#include <pthread.h>

static pthread_rwlock_t x = PTHREAD_RWLOCK_INITIALIZER, y = PTHREAD_RWLOCK_INITIALIZER;

static void* reader(void* arg) {
  pthread_rwlock_t* first = arg ? &x : &y;
  pthread_rwlock_t* second = arg ? &y : &x;
  for (int i = 0; i < 100; ++i) {
    pthread_rwlock_rdlock(first);
    pthread_rwlock_rdlock(second);
    pthread_rwlock_unlock(second);
    pthread_rwlock_unlock(first);
  }
  return 0;
}

int main(void) {
  pthread_t t1, t2;
  pthread_create(&t1, 0, reader, &x);
  pthread_join(t1, 0);
  pthread_create(&t2, 0, reader, 0);
  pthread_join(t2, 0);
  /* Recursive read locking by one thread is fine too. */
  pthread_rwlock_rdlock(&x);
  pthread_rwlock_rdlock(&x);
  pthread_rwlock_unlock(&x);
  pthread_rwlock_unlock(&x);
  return 0;
}
