/* A C module whose external functions all take its lock; the static helper writes without it
   but runs only inside them. */
// lockscope-test: no-run
#include <pthread.h>

static pthread_mutex_t table_lock = PTHREAD_MUTEX_INITIALIZER;
static int table[64];
static int used;

static void clear_slot(int i) {
  table[i & 63] = 0;
  used--;
}

void table_put(int i, int v) {
  pthread_mutex_lock(&table_lock);
  table[i & 63] = v;
  used++;
  pthread_mutex_unlock(&table_lock);
}

void table_remove(int i) {
  pthread_mutex_lock(&table_lock);
  clear_slot(i);
  pthread_mutex_unlock(&table_lock);
}

int table_used(void) {
  pthread_mutex_lock(&table_lock);
  int n = used;
  pthread_mutex_unlock(&table_lock);
  return n;
}
