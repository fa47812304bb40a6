/* A C module without main(): its external functions may be called from any thread. counter_add
   takes the module's lock, counter_reset writes the counter without it. */
// lockscope-test: no-run
#include <pthread.h>

static pthread_mutex_t counter_lock = PTHREAD_MUTEX_INITIALIZER;
static long counter;

void counter_add(long n) {
  pthread_mutex_lock(&counter_lock);
  counter += n;
  pthread_mutex_unlock(&counter_lock);
}

long counter_get(void) {
  pthread_mutex_lock(&counter_lock);
  long v = counter;
  pthread_mutex_unlock(&counter_lock);
  return v;
}

void counter_reset(void) {
  counter = 0; // expect: data-race
}
