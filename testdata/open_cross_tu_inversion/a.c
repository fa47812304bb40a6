/* The edge a_lock -> b_lock is made inside a callee defined in another unit (b.c). */
// lockscope-test: no-run
#include <pthread.h>

pthread_mutex_t a_lock = PTHREAD_MUTEX_INITIALIZER;
int a_items;
void append_b(int n);

void move_a_to_b(void) {
  pthread_mutex_lock(&a_lock);
  append_b(a_items);
  a_items = 0;
  pthread_mutex_unlock(&a_lock);
}
