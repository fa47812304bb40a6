// Accesses through pointers to a struct type: each connection thread gets its `struct conn *`
// as its argument and stamps last_active on every request; the reaper thread walks the global
// connection list and clears last_active of idle connections. The same field of the same object
// is written through two different pointers by two threads, with no lock: both writes race
// (one finding each).
#include <pthread.h>
#include <stdio.h>
#include <time.h>

struct conn {
  int fd;
  long last_active;
  long requests;
  struct conn *next;
};

static struct conn conns[2] = {{3, 0, 0, &conns[1]}, {4, 0, 0, NULL}};
static struct conn *conn_list = &conns[0];

static void *serve(void *arg) {
  struct conn *c = arg;
  for (int i = 0; i < 200; ++i) {
    c->requests += 1;
    c->last_active = (long)time(NULL);  // expect[static]: data-race
  }
  return NULL;
}

static void *reap_idle(void *arg) {
  (void)arg;
  for (int round = 0; round < 50; ++round) {
    long now = (long)time(NULL);
    for (struct conn *c = conn_list; c != NULL; c = c->next) {
      if (now - c->last_active > 60) c->last_active = 0;  // expect[static]: data-race
    }
  }
  return NULL;
}

int main(void) {
  pthread_t workers[2], reaper;
  for (int i = 0; i < 2; ++i)
    if (pthread_create(&workers[i], NULL, serve, &conns[i]) != 0) return 1;
  if (pthread_create(&reaper, NULL, reap_idle, NULL) != 0) return 1;
  for (int i = 0; i < 2; ++i) pthread_join(workers[i], NULL);
  pthread_join(reaper, NULL);
  printf("requests %ld %ld\n", conns[0].requests, conns[1].requests);
  return 0;
}
