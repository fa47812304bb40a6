// The usual C way to give a pthread its work: a pointer to a struct through pthread_create's
// void* argument, cast back in the thread function. Both workers get the same job, and the
// explicit cast must not hide it: `j->done` is written by both with no lock. `total` is updated
// under the job's own mutex, taken through the same cast pointer, and must stay silent.
#include <pthread.h>
#include <stdio.h>

struct job {
  pthread_mutex_t lock;
  long total;
  int done;
};

static void *worker(void *arg) {
  struct job *j = (struct job *)arg;
  for (int i = 0; i < 1000; ++i) {
    pthread_mutex_lock(&j->lock);
    j->total += i;
    pthread_mutex_unlock(&j->lock);
  }
  j->done += 1;  // expect[static]: data-race
  return NULL;
}

int main(void) {
  static struct job shared = {PTHREAD_MUTEX_INITIALIZER, 0, 0};
  pthread_t a, b;
  if (pthread_create(&a, NULL, worker, &shared) != 0) return 1;
  if (pthread_create(&b, NULL, worker, (void *)&shared) != 0) return 1;
  pthread_join(a, NULL);
  pthread_join(b, NULL);
  printf("total = %ld, done = %d\n", shared.total, shared.done);
  return 0;
}
