/* C11 threads: mtx_lock in opposite orders on two thrd_create threads. The second waits for the
 * first, so the run never hangs. */
#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>
#include <threads.h>

static mtx_t a;
static mtx_t b;
static atomic_bool first_done;

static int first(void *arg) {
  (void)arg;
  mtx_lock(&a);
  mtx_lock(&b);
  mtx_unlock(&b);
  mtx_unlock(&a);
  atomic_store(&first_done, true);
  return 0;
}

static int second(void *arg) {
  (void)arg;
  while (!atomic_load(&first_done)) thrd_yield();
  mtx_lock(&b);
  mtx_lock(&a);  // expect: lock-order-inversion
  mtx_unlock(&a);
  mtx_unlock(&b);
  return 0;
}

int main(void) {
  if (mtx_init(&a, mtx_plain) != thrd_success || mtx_init(&b, mtx_plain) != thrd_success) return 1;
  thrd_t t1, t2;
  if (thrd_create(&t1, first, NULL) != thrd_success) return 1;
  if (thrd_create(&t2, second, NULL) != thrd_success) return 1;
  thrd_join(t1, NULL);
  thrd_join(t2, NULL);
  puts("done");
  return 0;
}
