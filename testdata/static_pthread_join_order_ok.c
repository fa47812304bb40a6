/* pthread_join orders threads: the first thread is joined before the second is created, so
 * their opposite lock orders never overlap in time. The static half (closed world) stays silent;
 * the runtime reports the inversion as sequential (this run cannot deadlock, the same calls made
 * concurrently do: runtime/README.md, "Time"). */
#include <pthread.h>
#include <stdio.h>

static pthread_mutex_t a = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t b = PTHREAD_MUTEX_INITIALIZER;

static void *forward(void *arg) {
  pthread_mutex_lock(&a);
  pthread_mutex_lock(&b);
  pthread_mutex_unlock(&b);
  pthread_mutex_unlock(&a);
  return arg;
}

static void *backward(void *arg) {
  pthread_mutex_lock(&b);
  pthread_mutex_lock(&a);  // expect[runtime]: lock-order-inversion
  pthread_mutex_unlock(&a);
  pthread_mutex_unlock(&b);
  return arg;
}

int main(void) {
  pthread_t t;
  if (pthread_create(&t, NULL, forward, NULL) != 0) return 1;
  pthread_join(t, NULL);
  if (pthread_create(&t, NULL, backward, NULL) != 0) return 1;
  pthread_join(t, NULL);
  puts("done");
  return 0;
}
