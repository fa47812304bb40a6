// The reverse order taken with a try-lock that backs off, one thread after the other: a thread
// that fails the try releases what it holds instead of waiting, so it never deadlocks. Silent.
#include <pthread.h>
#include <sched.h>

static pthread_mutex_t a = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t b = PTHREAD_MUTEX_INITIALIZER;

static void* forward(void* arg) {
  (void)arg;
  pthread_mutex_lock(&a);
  pthread_mutex_lock(&b);
  pthread_mutex_unlock(&b);
  pthread_mutex_unlock(&a);
  return NULL;
}

static void* backward_with_backoff(void* arg) {
  (void)arg;
  for (;;) {
    pthread_mutex_lock(&b);
    if (pthread_mutex_trylock(&a) == 0) break;
    pthread_mutex_unlock(&b);
    sched_yield();
  }
  pthread_mutex_unlock(&a);
  pthread_mutex_unlock(&b);
  return NULL;
}

int main(void) {
  pthread_t th;
  pthread_create(&th, NULL, forward, NULL);
  pthread_join(th, NULL);
  pthread_create(&th, NULL, backward_with_backoff, NULL);
  pthread_join(th, NULL);
  backward_with_backoff(NULL);
  return 0;
}
