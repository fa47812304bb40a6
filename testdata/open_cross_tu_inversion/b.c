#include <pthread.h>

extern pthread_mutex_t a_lock;
extern int a_items;
pthread_mutex_t b_lock = PTHREAD_MUTEX_INITIALIZER;
static int b_items;

void append_b(int n) {
  pthread_mutex_lock(&b_lock);
  b_items += n;
  pthread_mutex_unlock(&b_lock);
}

void move_b_to_a(void) {
  pthread_mutex_lock(&b_lock);
  pthread_mutex_lock(&a_lock); // expect: lock-order-inversion
  a_items += b_items;
  b_items = 0;
  pthread_mutex_unlock(&a_lock);
  pthread_mutex_unlock(&b_lock);
}
