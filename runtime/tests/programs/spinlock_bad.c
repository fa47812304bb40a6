// pthread spinlocks in opposite orders, in two threads alive at the same time.
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>
#include <stdatomic.h>
#include <sched.h>

static pthread_spinlock_t s1, s2;
static atomic_int main_done;
static void* backward(void* arg);

int main(void) {
  pthread_spin_init(&s1, PTHREAD_PROCESS_PRIVATE);
  pthread_spin_init(&s2, PTHREAD_PROCESS_PRIVATE);
  pthread_t t;
  pthread_create(&t, 0, backward, 0);
  pthread_spin_lock(&s1);
  pthread_spin_lock(&s2);
  pthread_spin_unlock(&s2);
  pthread_spin_unlock(&s1);
  main_done = 1;
  pthread_join(t, 0);
  pthread_spin_destroy(&s1);
  pthread_spin_destroy(&s2);
  return 0;
}

static void* backward(void* arg) {
  (void)arg;
  while (!main_done) sched_yield();
  pthread_spin_lock(&s2);
  pthread_spin_lock(&s1); // expect: lock-order-inversion
  pthread_spin_unlock(&s1);
  pthread_spin_unlock(&s2);
  return 0;
}
