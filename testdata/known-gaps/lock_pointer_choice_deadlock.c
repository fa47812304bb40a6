// Locks reached through pointers that may point to either of two locks: a pump moves data
// between an input and an output queue, and which queue it drains first depends on its
// direction. The pump started with direction 1 takes in_lock then out_lock, the other out_lock
// then in_lock. Both edges are made on the line that locks `second`, where the finding belongs;
// a note must say which pointer made the cycle possible. The second pump waits for the first, so
// the run never hangs.
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>

static pthread_mutex_t in_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t out_lock = PTHREAD_MUTEX_INITIALIZER;
static long in_queued = 10;
static long out_queued = 10;
static atomic_bool first_pumped;

static void *pump(void *arg) {
  const bool inward = *(const int *)arg != 0;
  if (!inward) {
    while (!atomic_load(&first_pumped)) sched_yield();
  }
  pthread_mutex_t *first = inward ? &in_lock : &out_lock;
  pthread_mutex_t *second = inward ? &out_lock : &in_lock;
  pthread_mutex_lock(first);
  pthread_mutex_lock(second);  // expect: lock-order-inversion
  long moved = inward ? out_queued : in_queued;
  in_queued += inward ? moved : -moved;
  out_queued += inward ? -moved : moved;
  pthread_mutex_unlock(second);
  pthread_mutex_unlock(first);
  atomic_store(&first_pumped, true);
  return NULL;
}

int main(void) {
  static const int inward = 1;
  static const int outward = 0;
  pthread_t t1, t2;
  if (pthread_create(&t1, NULL, pump, (void *)&inward) != 0) return 1;
  if (pthread_create(&t2, NULL, pump, (void *)&outward) != 0) return 1;
  pthread_join(t1, NULL);
  pthread_join(t2, NULL);
  printf("in %ld, out %ld\n", in_queued, out_queued);
  return 0;
}
