// A helper that starts a thread and joins it before it returns, called again and again (a test
// runner waiting for a child with a timeout). The paths that give up do so before the thread
// exists: pthread_create failed (tested directly, or through the variable holding its result
// after an unrelated abort() check), and abort() paths never return. So no call's thread can
// still run when the next call writes the arguments: nothing may be reported.
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

struct job {
  int n;
  long result;
};

static void *work(void *data) {
  struct job *j = (struct job *)data;
  j->result = (long)j->n * 2;
  return NULL;
}

static long run_directly(int n) {
  struct job j;
  pthread_t tid;
  j.n = n;
  if (pthread_create(&tid, NULL, work, &j) != 0) return -1;
  pthread_join(tid, NULL);
  return j.result;
}

static long run_with_attributes(int n) {
  struct job j;
  pthread_t tid;
  pthread_attr_t attr;
  long r;
  int created;
  j.n = n;
  if (pthread_attr_init(&attr)) abort();
  created = pthread_create(&tid, &attr, work, &j);
  if (pthread_attr_destroy(&attr)) abort();
  if (created) {
    r = -1;
    goto done;
  }
  pthread_join(tid, NULL);
  r = j.result;
done:
  return r;
}

static int shared_input;

static void *read_shared(void *arg) {
  (void)arg;
  return (void *)(long)shared_input;
}

static void publish_and_wait(int n) {
  pthread_t tid;
  shared_input = n;
  if (pthread_create(&tid, NULL, read_shared, NULL)) {
    perror("pthread_create");
    exit(1);
  }
  pthread_join(tid, NULL);
}

int main(void) {
  long total = 0;
  for (int i = 0; i < 4; ++i) total += run_directly(i) + run_with_attributes(i);
  publish_and_wait(1);
  publish_and_wait(2);
  printf("%ld\n", total);
  return 0;
}
