// The must-report twin of create_join_helper_ok.c: the helper joins its thread on one path only
// and detaches it on the other, so the thread of one call can still be reading the shared input
// when the next call writes it.
#include <pthread.h>
#include <stdio.h>

static int shared_input;

static void *read_shared(void *arg) {
  (void)arg;
  return (void *)(long)shared_input;
}

static int publish(int n, int wait) {
  pthread_t tid;
  shared_input = n;  // expect[static]: data-race
  if (pthread_create(&tid, NULL, read_shared, NULL) != 0) return -1;
  if (!wait) return pthread_detach(tid);
  return pthread_join(tid, NULL);
}

int main(void) {
  publish(1, 0);
  publish(2, 1);
  printf("done\n");
  return 0;
}
