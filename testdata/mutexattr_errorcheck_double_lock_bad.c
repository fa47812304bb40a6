// A mutex given a type at run time that is NOT recursive: main initialises the registry lock with
// PTHREAD_MUTEX_ERRORCHECK. register_all() holds it and calls register_one(), which locks it
// again: a double lock (an error-checking mutex returns EDEADLK instead of hanging, so the run
// ends; the program is still wrong, its inner updates are lost). The finding belongs on the
// helper's re-lock.
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>
#include <stdio.h>

static pthread_mutex_t registry_lock;
static int registered;

static void register_one(void) {
  if (pthread_mutex_lock(&registry_lock) != 0) return;  // expect: double-lock
  registered += 1;
  pthread_mutex_unlock(&registry_lock);
}

static void *register_all(void *arg) {
  (void)arg;
  pthread_mutex_lock(&registry_lock);
  register_one();
  pthread_mutex_unlock(&registry_lock);
  return NULL;
}

int main(void) {
  pthread_mutexattr_t attr;
  pthread_mutexattr_init(&attr);
  pthread_mutexattr_settype(&attr, PTHREAD_MUTEX_ERRORCHECK);
  pthread_mutex_init(&registry_lock, &attr);
  pthread_mutexattr_destroy(&attr);
  pthread_t t;
  if (pthread_create(&t, NULL, register_all, NULL) != 0) return 1;
  pthread_join(t, NULL);
  printf("%d registered\n", registered);
  pthread_mutex_destroy(&registry_lock);
  return 0;
}
