// Accesses through pointers to a struct type, guarded per object: each connection has its own
// mutex, the connection thread stamps last_active holding it, and the reaper takes the same
// connection's mutex before clearing it. The requests counter is written by the connection's own
// thread only (one thread per connection) and read by main after joining. Nothing may be
// reported.
#include <pthread.h>
#include <stdio.h>
#include <time.h>

struct conn {
  pthread_mutex_t lock;
  int fd;
  long last_active;
  long requests;
  struct conn *next;
};

static struct conn conns[2] = {{PTHREAD_MUTEX_INITIALIZER, 3, 0, 0, &conns[1]},
                               {PTHREAD_MUTEX_INITIALIZER, 4, 0, 0, NULL}};
static struct conn *conn_list = &conns[0];

static void *serve(void *arg) {
  struct conn *c = arg;
  for (int i = 0; i < 200; ++i) {
    pthread_mutex_lock(&c->lock);
    c->requests += 1;
    c->last_active = (long)time(NULL);
    pthread_mutex_unlock(&c->lock);
  }
  return NULL;
}

static void *reap_idle(void *arg) {
  (void)arg;
  for (int round = 0; round < 50; ++round) {
    long now = (long)time(NULL);
    for (struct conn *c = conn_list; c != NULL; c = c->next) {
      pthread_mutex_lock(&c->lock);
      if (now - c->last_active > 60) c->last_active = 0;
      pthread_mutex_unlock(&c->lock);
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
