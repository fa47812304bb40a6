// Reader and writer locks on data handed to the threads by pointer, used correctly: main's local
// `struct stats` is passed to every lookup thread, which reads the table under the rwlock's READ
// side and counts in locals, then adds its counts to the shared stats holding the WRITE side.
// Nothing may be reported.
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>
#include <stdio.h>

struct stats {
  long lookups;
  long misses;
};

static pthread_rwlock_t table_lock = PTHREAD_RWLOCK_INITIALIZER;
static const int table[8] = {1, 0, 3, 0, 5, 0, 7, 0};

static void *lookup(void *arg) {
  struct stats *st = arg;
  long misses = 0;
  long lookups = 0;
  for (int i = 0; i < 1000; ++i) {
    pthread_rwlock_rdlock(&table_lock);
    if (table[i % 8] == 0) misses += 1;
    lookups += 1;
    pthread_rwlock_unlock(&table_lock);
  }
  pthread_rwlock_wrlock(&table_lock);
  st->misses += misses;
  st->lookups += lookups;
  pthread_rwlock_unlock(&table_lock);
  return NULL;
}

int main(void) {
  struct stats st = {0, 0};
  pthread_t t[2];
  for (int i = 0; i < 2; ++i)
    if (pthread_create(&t[i], NULL, lookup, &st) != 0) return 1;
  for (int i = 0; i < 2; ++i) pthread_join(t[i], NULL);
  printf("%ld lookups, %ld misses\n", st.lookups, st.misses);
  return 0;
}
