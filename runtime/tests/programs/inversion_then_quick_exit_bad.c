/* A program that ends with _exit (as dash does after every `sh -c`, and servers do in forked
   workers) runs no exit handler: the inversion it made is still reported and the report written,
   and its status 0 becomes the findings status. */
#include <pthread.h>
#include <stdatomic.h>
#include <sched.h>
#include <unistd.h>

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
  pthread_t t1, t2;
  pthread_create(&t2, 0, backward, 0);
  pthread_create(&t1, 0, forward, 0);
  pthread_join(t1, 0);
  pthread_join(t2, 0);
  _exit(0);
}
