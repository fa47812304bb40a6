/* Two external functions of a C module take the same two locks in opposite orders. */
// lockscope-test: no-run
#include <pthread.h>

static pthread_mutex_t queue_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t stats_lock = PTHREAD_MUTEX_INITIALIZER;
static int queued, served;

void enqueue(void) {
  pthread_mutex_lock(&queue_lock);
  queued++;
  pthread_mutex_lock(&stats_lock);
  served++;
  pthread_mutex_unlock(&stats_lock);
  pthread_mutex_unlock(&queue_lock);
}

void report_stats(void) {
  pthread_mutex_lock(&stats_lock);
  pthread_mutex_lock(&queue_lock); // expect: lock-order-inversion
  served = queued;
  pthread_mutex_unlock(&queue_lock);
  pthread_mutex_unlock(&stats_lock);
}
