// Create-all-then-join-all, the usual shape: main fills the shared table, starts every worker in
// one loop, joins them all in the next, and only then reads and resets the totals. Every worker
// write is under the mutex; main's unguarded accesses come before the first start or after the
// last join, so they are ordered and nothing may be reported.
#include <pthread.h>
#include <stdio.h>

static pthread_mutex_t table_mutex = PTHREAD_MUTEX_INITIALIZER;
static long table[8];
static long grand_total;

static void *accumulate(void *arg) {
  long id = (long)arg;
  for (int i = 0; i < 1000; ++i) {
    pthread_mutex_lock(&table_mutex);
    table[id % 8] += 1;
    grand_total += 1;
    pthread_mutex_unlock(&table_mutex);
  }
  return NULL;
}

int main(void) {
  pthread_t workers[4];
  for (int i = 0; i < 8; ++i) table[i] = 0;
  grand_total = 0;
  for (long t = 0; t < 4; ++t) {
    if (pthread_create(&workers[t], NULL, accumulate, (void *)t) != 0) return 1;
  }
  for (int t = 0; t < 4; ++t) {
    pthread_join(workers[t], NULL);
  }
  printf("grand total %ld, first slot %ld\n", grand_total, table[0]);
  grand_total = 0;
  return 0;
}
