// A mutex made recursive at run time: main sets PTHREAD_MUTEX_RECURSIVE on an attribute object
// and initialises the registry lock with it. register_all() holds the lock and calls
// register_one(), which locks it again: a recursive mutex is re-entered legally. Nothing may be
// reported.
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>
#include <stdio.h>

static pthread_mutex_t registry_lock;
static int registered;

static void register_one(void) {
  pthread_mutex_lock(&registry_lock);
  registered += 1;
  pthread_mutex_unlock(&registry_lock);
}

static void *register_all(void *arg) {
  (void)arg;
  pthread_mutex_lock(&registry_lock);
  for (int i = 0; i < 3; ++i) register_one();
  pthread_mutex_unlock(&registry_lock);
  return NULL;
}

int main(void) {
  pthread_mutexattr_t attr;
  pthread_mutexattr_init(&attr);
  pthread_mutexattr_settype(&attr, PTHREAD_MUTEX_RECURSIVE);
  pthread_mutex_init(&registry_lock, &attr);
  pthread_mutexattr_destroy(&attr);
  pthread_t a, b;
  if (pthread_create(&a, NULL, register_all, NULL) != 0) return 1;
  if (pthread_create(&b, NULL, register_all, NULL) != 0) return 1;
  pthread_join(a, NULL);
  pthread_join(b, NULL);
  printf("%d registered\n", registered);
  pthread_mutex_destroy(&registry_lock);
  return 0;
}
