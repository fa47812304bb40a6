// An error path that DOES return: like noreturn_paths_ok.c, enqueue() drops queue_lock when the
// queue overflows, but then calls report_overflow(), which logs and returns (the author took it
// for a fatal error handler). That path falls through to the writes with no lock held, so they
// race with the other producer's (one finding on each write); it also unlocks queue_lock a second
// time. The run never fills the queue.
#include <pthread.h>
#include <stdio.h>

#define CAPACITY 1024

static pthread_mutex_t queue_lock = PTHREAD_MUTEX_INITIALIZER;
static long queue_len;
static long queue_bytes;

static void report_overflow(const char *why) { fprintf(stderr, "error: %s\n", why); }

static void enqueue(long item) {
  pthread_mutex_lock(&queue_lock);
  if (queue_len == CAPACITY) {
    pthread_mutex_unlock(&queue_lock);
    report_overflow("queue overflow");
  }
  queue_len += 1;  // expect[static]: data-race
  queue_bytes += item;  // expect[static]: data-race
  pthread_mutex_unlock(&queue_lock);
}

static void *produce(void *arg) {
  for (long i = 0; i < 100; ++i) enqueue(i + (long)arg);
  return NULL;
}

int main(void) {
  pthread_t a, b;
  if (pthread_create(&a, NULL, produce, (void *)1L) != 0) return 1;
  if (pthread_create(&b, NULL, produce, (void *)2L) != 0) return 1;
  pthread_join(a, NULL);
  pthread_join(b, NULL);
  printf("%ld items, %ld bytes\n", queue_len, queue_bytes);
  return 0;
}
