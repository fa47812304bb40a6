/* A program that makes a lock-order inversion and then fails an assert: abort() raises SIGABRT,
   which runs no exit handler, yet the inversion is reported and the JSON report written before
   the process dies by SIGABRT (status 128+6). */
// lockscope-test: status: 134
#include <assert.h>
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <sys/resource.h>

static pthread_mutex_t a = PTHREAD_MUTEX_INITIALIZER, b = PTHREAD_MUTEX_INITIALIZER;
static atomic_int first_done;

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
  while (!atomic_load(&first_done)) sched_yield();
  pthread_mutex_lock(&b);
  pthread_mutex_lock(&a);  // expect: lock-order-inversion
  pthread_mutex_unlock(&a);
  pthread_mutex_unlock(&b);
  return 0;
}

int main(void) {
  struct rlimit no_core = {0, 0};
  setrlimit(RLIMIT_CORE, &no_core);
  pthread_t t1, t2;
  pthread_create(&t2, 0, backward, 0);
  pthread_create(&t1, 0, forward, 0);
  pthread_join(t1, 0);
  pthread_join(t2, 0);
  int balance = -1;
  assert(balance >= 0);
  return 0;
}
