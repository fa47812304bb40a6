// A thread created while its creator holds a lock: main takes start_lock, starts the workers, fills
// in the job table, and only then releases the lock. Each worker's first act is to take and drop
// start_lock, so everything main did before releasing it happens before anything the worker does
// next: the workers then read the table without a lock. main touches the table again only after
// joining them. Nothing may be reported.
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
  long total = 0;
  for (int i = 0; i < 2; ++i) {
    void *done = NULL;
    pthread_join(t[i], &done);
    total += (long)done;
  }
  job_count = 0;
  printf("%ld units of work\n", total);
  return 0;
}
