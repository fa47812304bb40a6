// A thread created while its creator holds a lock, with one write too many: main takes
// start_lock, starts the workers, fills in the job table and releases the lock, so the workers
// (which take and drop start_lock first) see the table. But main then lowers job_count again
// after the release, while the workers read it: that write races (one finding). The writes before
// the release are ordered before the workers' reads: no finding there.
#include <pthread.h>
#include <stdio.h>

#define JOBS 4

static pthread_mutex_t start_lock = PTHREAD_MUTEX_INITIALIZER;
static int job_size[JOBS];
static int job_count;

static void *worker(void *arg) {
  pthread_mutex_lock(&start_lock);
  pthread_mutex_unlock(&start_lock);
  long done = 0;
  for (int j = 0; j < job_count; ++j) done += job_size[j];
  return (void *)(done + (long)(arg != NULL));
}

int main(void) {
  pthread_t t[2];
  pthread_mutex_lock(&start_lock);
  for (int i = 0; i < 2; ++i)
    if (pthread_create(&t[i], NULL, worker, NULL) != 0) return 1;
  for (int j = 0; j < JOBS; ++j) job_size[j] = 10 * (j + 1);
  job_count = JOBS;
  pthread_mutex_unlock(&start_lock);
  job_count = JOBS - 1;  // expect[static]: data-race
  long total = 0;
  for (int i = 0; i < 2; ++i) {
    void *done = NULL;
    pthread_join(t[i], &done);
    total += (long)done;
  }
  printf("%ld units of work\n", total);
  return 0;
}
