/* Threads exit (pthread_exit, and plain return) while holding locks; nobody touches them again. */
#include <pthread.h>

static pthread_mutex_t left_locked[2] = {PTHREAD_MUTEX_INITIALIZER, PTHREAD_MUTEX_INITIALIZER};
static pthread_mutex_t other = PTHREAD_MUTEX_INITIALIZER;

static void* quitter(void* arg) {
  pthread_mutex_lock(&left_locked[arg != 0]);
  if (arg) pthread_exit(0);
  return 0;
}

int main(void) {
  pthread_t t1, t2;
  pthread_create(&t1, 0, quitter, 0);
  pthread_join(t1, 0);
  pthread_create(&t2, 0, quitter, &t1);
  pthread_join(t2, 0);
  pthread_mutex_lock(&other);
  pthread_mutex_unlock(&other);
  return 0;
}
