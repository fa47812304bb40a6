// C11 <threads.h> mutexes (glibc implements them without the pthread_* symbols), in two threads
// alive at the same time.
#include <stdatomic.h>
#include <threads.h>

static mtx_t a, b, r;
static atomic_int main_done;
static int backward(void* arg);

int main(void) {
  mtx_init(&a, mtx_plain);
  mtx_init(&b, mtx_plain);
  mtx_init(&r, mtx_plain | mtx_recursive);
  thrd_t t;
  thrd_create(&t, backward, 0);
  mtx_lock(&r);
  mtx_lock(&r); // recursive: fine
  mtx_lock(&a);
  mtx_lock(&b);
  mtx_unlock(&b);
  mtx_unlock(&a);
  mtx_unlock(&r);
  mtx_unlock(&r);
  main_done = 1;
  thrd_join(t, 0);
  mtx_destroy(&a);
  mtx_destroy(&b);
  mtx_destroy(&r);
  return 0;
}

static int backward(void* arg) {
  (void)arg;
  while (!main_done) thrd_yield();
  mtx_lock(&b);
  mtx_lock(&a); // expect: lock-order-inversion
  mtx_unlock(&a);
  mtx_unlock(&b);
  return 0;
}
