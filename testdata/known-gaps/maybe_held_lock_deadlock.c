// A lock taken on some paths only. flush_stats() takes stats_lock only when asked for a verbose
// flush, then log_lock; rotate_log() holds log_lock and takes stats_lock to reset the counters.
// With verbose set, the two threads take the two locks in opposite orders: a deadlock the order
// graph sees only if it keeps the locks that MAY be held (the race lockset keeps the MUST-held
// ones). The second thread waits for the first, so the run never hangs.
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>

static pthread_mutex_t stats_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t log_lock = PTHREAD_MUTEX_INITIALIZER;
static atomic_bool flushed;
static long lines_logged;
static long requests_seen;

static void flush_stats(bool verbose) {
  if (verbose) pthread_mutex_lock(&stats_lock);
  pthread_mutex_lock(&log_lock);
  lines_logged += 1;
  if (verbose) printf("requests so far: %ld\n", requests_seen);
  pthread_mutex_unlock(&log_lock);
  if (verbose) pthread_mutex_unlock(&stats_lock);
}

static void *flusher(void *arg) {
  flush_stats(arg != NULL);
  atomic_store(&flushed, true);
  return NULL;
}

static void *rotate_log(void *arg) {
  (void)arg;
  while (!atomic_load(&flushed)) sched_yield();
  pthread_mutex_lock(&log_lock);
  pthread_mutex_lock(&stats_lock);  // expect: lock-order-inversion
  requests_seen = 0;
  lines_logged = 0;
  pthread_mutex_unlock(&stats_lock);
  pthread_mutex_unlock(&log_lock);
  return NULL;
}

int main(void) {
  static int verbose = 1;
  pthread_t t1, t2;
  if (pthread_create(&t1, NULL, flusher, &verbose) != 0) return 1;
  if (pthread_create(&t2, NULL, rotate_log, NULL) != 0) return 1;
  pthread_join(t1, NULL);
  pthread_join(t2, NULL);
  printf("logged %ld\n", lines_logged);
  return 0;
}
