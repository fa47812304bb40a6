/* A C module locks through its own helpers (stats_lock/stats_unlock); one external function
   updates the statistics without calling them. */
// lockscope-test: no-run
#include <pthread.h>

static pthread_mutex_t stats_mutex = PTHREAD_MUTEX_INITIALIZER;
static unsigned long bytes_read, bytes_written;

static void stats_lock(void) { pthread_mutex_lock(&stats_mutex); }
static void stats_unlock(void) { pthread_mutex_unlock(&stats_mutex); }

void note_read(unsigned long n) {
  stats_lock();
  bytes_read += n;
  stats_unlock();
}

void note_write(unsigned long n) {
  bytes_written += n; // expect: data-race
}

unsigned long total_bytes(void) {
  stats_lock();
  unsigned long t = bytes_read + bytes_written;
  stats_unlock();
  return t;
}
