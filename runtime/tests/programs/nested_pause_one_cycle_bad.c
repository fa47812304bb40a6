// The shape of memcached's hash-table expansion (assoc.c:247-256 -> thread.c:158-170): one thread
// holds `maintenance` and takes several locks nested inside it (pause_threads: `rebalance`, then
// `crawler`); another holds `crawler` and waits for `maintenance` (assoc_get_iterator from the
// LRU crawler). One deadlock: crawler <-> maintenance, reported once. The cycle
// maintenance -> rebalance -> crawler -> maintenance is the same deadlock drawn through
// `rebalance`: whoever takes rebalance -> crawler holds maintenance already, so the thread holding
// maintenance and waiting for rebalance cannot exist. Not a second report.
// The threads overlap in time; a flag orders them so the run never hangs.
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>

pthread_mutex_t maintenance = PTHREAD_MUTEX_INITIALIZER;
pthread_mutex_t rebalance = PTHREAD_MUTEX_INITIALIZER;
pthread_mutex_t crawler = PTHREAD_MUTEX_INITIALIZER;
atomic_int step;

static void pause_threads(void) {
  pthread_mutex_lock(&rebalance);
  pthread_mutex_lock(&crawler);
}

static void resume_threads(void) {
  pthread_mutex_unlock(&rebalance);
  pthread_mutex_unlock(&crawler);
}

static void* expansion(void* arg) {
  while (atomic_load(&step) < 1) sched_yield();
  pthread_mutex_lock(&maintenance);
  pause_threads();
  resume_threads();
  pthread_mutex_unlock(&maintenance);
  return arg;
}

static void* crawl_hash(void* arg) {
  pthread_mutex_lock(&crawler);
  pthread_mutex_lock(&maintenance);  // expect: lock-order-inversion
  pthread_mutex_unlock(&maintenance);
  pthread_mutex_unlock(&crawler);
  atomic_store(&step, 1);
  return arg;
}

int main(void) {
  pthread_t t1, t2;
  pthread_create(&t1, 0, expansion, 0);
  pthread_create(&t2, 0, crawl_hash, 0);
  pthread_join(t1, 0);
  pthread_join(t2, 0);
  return 0;
}
