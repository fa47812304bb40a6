// One thread takes a then b, later b then a (two code paths of one request handler, exercised one
// after the other). The run cannot hang, but two threads making these calls concurrently
// deadlock: reported, and the report says one thread made both orders.
#include <pthread.h>

static pthread_mutex_t a = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t b = PTHREAD_MUTEX_INITIALIZER;

static void handle_put(void) {
  pthread_mutex_lock(&a);
  pthread_mutex_lock(&b);
  pthread_mutex_unlock(&b);
  pthread_mutex_unlock(&a);
}

static void handle_flush(void) {
  pthread_mutex_lock(&b);
  pthread_mutex_lock(&a);  // expect: lock-order-inversion
  pthread_mutex_unlock(&a);
  pthread_mutex_unlock(&b);
}

int main(void) {
  handle_put();
  handle_flush();
  return 0;
}
