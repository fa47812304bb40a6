// A daemon's usual shutdown: its SIGTERM handler calls _exit (async-signal-safe) while the main
// thread waits. The inversion made before is reported and the report written on the way out,
// and the 0 it exits with becomes the findings status.
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <unistd.h>

static pthread_mutex_t a = PTHREAD_MUTEX_INITIALIZER, b = PTHREAD_MUTEX_INITIALIZER;
static atomic_int first_done;

static void on_term(int sig) {
  (void)sig;
  _exit(0);
}

static void* forward(void* arg) {
  (void)arg;
  pthread_mutex_lock(&a);
  pthread_mutex_lock(&b);
  pthread_mutex_unlock(&b);
  pthread_mutex_unlock(&a);
  atomic_store(&first_done, 1);
  return 0;
}

static void* backward(void* arg) {
  (void)arg;
  while (!atomic_load(&first_done)) {
  }
  pthread_mutex_lock(&b);
  pthread_mutex_lock(&a);  // expect: lock-order-inversion
  pthread_mutex_unlock(&a);
  pthread_mutex_unlock(&b);
  return 0;
}

int main(void) {
  struct sigaction act = {0};
  act.sa_handler = on_term;
  sigemptyset(&act.sa_mask);
  sigaction(SIGTERM, &act, 0);
  pthread_t t1, t2;
  pthread_create(&t2, 0, backward, 0);
  pthread_create(&t1, 0, forward, 0);
  pthread_join(t1, 0);
  pthread_join(t2, 0);
  kill(getpid(), SIGTERM);
  for (;;) pause();
}
