// Pointers passed to pthread_create, one object per thread: each worker gets the address of its
// own `struct job` and writes only that. The objects are distinct, so nothing may be reported;
// main reads them after joining.
#include <pthread.h>
#include <stdio.h>

struct job {
  int id;
  long done;
};

static void *run_job(void *arg) {
  struct job *j = arg;
  for (int i = 0; i < 1000; ++i) {
    j->done += j->id;
  }
  return NULL;
}

int main(void) {
  struct job first = {1, 0};
  struct job second = {2, 0};
  pthread_t a, b;
  if (pthread_create(&a, NULL, run_job, &first) != 0) return 1;
  if (pthread_create(&b, NULL, run_job, &second) != 0) return 1;
  pthread_join(a, NULL);
  pthread_join(b, NULL);
  printf("done %ld and %ld\n", first.done, second.done);
  return 0;
}
