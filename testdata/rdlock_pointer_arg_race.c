// A write under a reader lock on data handed to the threads by pointer: main's local `struct
// stats` is passed to every lookup thread, which takes the table's rwlock for READING and still
// counts into stats->lookups. Readers hold the lock together: the write races with the same write
// in the other thread (one finding).
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
  for (int i = 0; i < 1000; ++i) {
    pthread_rwlock_rdlock(&table_lock);
    if (table[i % 8] == 0) misses += 1;
    st->lookups += 1;  // expect[static]: data-race
    pthread_rwlock_unlock(&table_lock);
  }
  pthread_rwlock_wrlock(&table_lock);
  st->misses += misses;
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
