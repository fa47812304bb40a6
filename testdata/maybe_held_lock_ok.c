// A lock taken on some paths only, in the one order the program uses everywhere: flush_stats()
// takes stats_lock when asked for a verbose flush, then log_lock; reset_stats() takes stats_lock
// then log_lock too. The locks that may be held form no cycle, and every shared counter is
// written under a lock held on every path to the write: nothing may be reported.
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>

static pthread_mutex_t stats_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t log_lock = PTHREAD_MUTEX_INITIALIZER;
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
  for (int i = 0; i < 100; ++i) flush_stats(arg != NULL && i % 10 == 0);
  return NULL;
}

static void *reset_stats(void *arg) {
  (void)arg;
  for (int i = 0; i < 100; ++i) {
    pthread_mutex_lock(&stats_lock);
    requests_seen += 1;
    pthread_mutex_lock(&log_lock);
    lines_logged = 0;
    pthread_mutex_unlock(&log_lock);
    pthread_mutex_unlock(&stats_lock);
  }
  return NULL;
}

int main(void) {
  static int verbose = 1;
  pthread_t t1, t2;
  if (pthread_create(&t1, NULL, flusher, &verbose) != 0) return 1;
  if (pthread_create(&t2, NULL, reset_stats, NULL) != 0) return 1;
  pthread_join(t1, NULL);
  pthread_join(t2, NULL);
  printf("logged %ld, requests %ld\n", lines_logged, requests_seen);
  return 0;
}
