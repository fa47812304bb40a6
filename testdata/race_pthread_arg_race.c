// A pointer passed to pthread_create: both workers get the address of the same `struct job`
// and bump its `done` field with no lock. The field write races (one finding). The `id` field
// is only read by the workers and written by main before the starts: it carries none.
#include <pthread.h>
#include <stdio.h>

struct job {
  int id;
  long done;
};

static void *run_job(void *arg) {
  struct job *j = arg;
  for (int i = 0; i < 1000; ++i) {
    j->done += j->id;  // expect[static]: data-race
  }
  return NULL;
}

int main(void) {
  struct job shared;
  shared.id = 1;
  shared.done = 0;
  pthread_t a, b;
  if (pthread_create(&a, NULL, run_job, &shared) != 0) return 1;
  if (pthread_create(&b, NULL, run_job, &shared) != 0) return 1;
  pthread_join(a, NULL);
  pthread_join(b, NULL);
  printf("done %ld\n", shared.done);
  return 0;
}
