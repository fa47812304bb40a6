/* a_lock then b_lock everywhere, one of the edges made inside a callee in another unit. */
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
