// Pointers to a struct type that never alias across threads: main allocates one connection per
// worker and hands each worker its own; the worker alone writes that connection's fields, and
// main reads them only after joining. Same type, same fields, different objects: nothing may be
// reported.
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

struct conn {
  int fd;
  long bytes_in;
  long requests;
};

static void *serve(void *arg) {
  struct conn *c = arg;
  for (int i = 0; i < 1000; ++i) {
    c->requests += 1;
    c->bytes_in += 512;
  }
  return NULL;
}

int main(void) {
  enum { WORKERS = 4 };
  struct conn *conns[WORKERS];
  pthread_t t[WORKERS];
  for (int i = 0; i < WORKERS; ++i) {
    conns[i] = calloc(1, sizeof *conns[i]);
    if (conns[i] == NULL) return 1;
    conns[i]->fd = 10 + i;
    if (pthread_create(&t[i], NULL, serve, conns[i]) != 0) return 1;
  }
  long total = 0;
  for (int i = 0; i < WORKERS; ++i) {
    pthread_join(t[i], NULL);
    total += conns[i]->bytes_in;
    free(conns[i]);
  }
  printf("%ld bytes in\n", total);
  return 0;
}
