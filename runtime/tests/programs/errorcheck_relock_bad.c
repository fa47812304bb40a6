// An error-checking mutex locked twice: glibc returns EDEADLK instead of hanging; the re-lock is
// reported and the program goes on.
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <stdio.h>

int main(void) {
  pthread_mutexattr_t attr;
  pthread_mutexattr_init(&attr);
  pthread_mutexattr_settype(&attr, PTHREAD_MUTEX_ERRORCHECK);
  pthread_mutex_t m;
  pthread_mutex_init(&m, &attr);
  pthread_mutex_lock(&m);
  int r = pthread_mutex_lock(&m); // expect: double-lock
  pthread_mutex_unlock(&m);
  pthread_mutex_destroy(&m);
  puts(r == EDEADLK ? "EDEADLK" : "unexpected");
  return r == EDEADLK ? 0 : 1;
}
