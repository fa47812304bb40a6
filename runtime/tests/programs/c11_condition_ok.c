// C11 condition variables and timed mutexes: cnd_wait releases the mutex and takes it back,
// mtx_timedlock orders like mtx_lock; consistent order, nothing to report.
#include <threads.h>
#include <time.h>

static mtx_t m, outer;
static cnd_t cv;
static int ready;

static int producer(void* arg) {
  (void)arg;
  struct timespec ts;
  timespec_get(&ts, TIME_UTC);
  ts.tv_sec += 5;
  mtx_timedlock(&outer, &ts);
  mtx_lock(&m);
  ready = 1;
  cnd_signal(&cv);
  mtx_unlock(&m);
  mtx_unlock(&outer);
  return 0;
}

int main(void) {
  mtx_init(&m, mtx_plain);
  mtx_init(&outer, mtx_timed);
  cnd_init(&cv);
  thrd_t t;
  thrd_create(&t, producer, 0);
  mtx_lock(&outer);
  mtx_lock(&m);
  mtx_unlock(&outer);
  while (!ready) {
    struct timespec ts;
    timespec_get(&ts, TIME_UTC);
    ts.tv_nsec = 0;
    ts.tv_sec += 1;
    cnd_timedwait(&cv, &m, &ts);
    if (!ready) cnd_wait(&cv, &m);
  }
  mtx_unlock(&m);
  thrd_join(t, 0);
  return 0;
}
