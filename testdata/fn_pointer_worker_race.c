/* Tutorial scenario in C: worker threads started through a helper that takes the entry as a
 * function pointer (memcached's create_worker), and a small "ops" table of function pointers.
 * Each worker counts requests in `served` with no lock: two workers run at once, a data race.
 * The ops table's `record` entry updates `recorded` under `stats_lock` and must stay silent. */
#include <pthread.h>
#include <stdio.h>

static long served;
static long recorded;
static pthread_mutex_t stats_lock = PTHREAD_MUTEX_INITIALIZER;

struct stats_ops {
  void (*record)(long n);
};

static void record_locked(long n) {
  pthread_mutex_lock(&stats_lock);
  recorded += n;
  pthread_mutex_unlock(&stats_lock);
}

static const struct stats_ops ops = {.record = record_locked};

static void *worker(void *arg) {
  (void)arg;
  for (int i = 0; i < 1000; ++i) {
    served++;  // expect[static]: data-race
    ops.record(1);
  }
  return NULL;
}

static void create_worker(pthread_t *thread, void *(*func)(void *), void *arg) {
  if (pthread_create(thread, NULL, func, arg) != 0) perror("pthread_create");
}

int main(void) {
  pthread_t threads[2];
  for (int i = 0; i < 2; ++i) create_worker(&threads[i], worker, NULL);
  for (int i = 0; i < 2; ++i) pthread_join(threads[i], NULL);
  printf("served=%ld recorded=%ld\n", served, recorded);
  return 0;
}
