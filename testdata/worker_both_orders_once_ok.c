// One worker thread takes two locks in both orders: sync_index() holds index_lock then takes
// data_lock, and compact() holds data_lock then takes index_lock. It is the only thread besides
// main, which just waits for it: nothing else can hold either lock at the same time, so this
// program cannot deadlock, and the static half (which knows the whole program's threads) stays
// silent. Static only: the runtime reports such cycles under issue 15's rule ("one thread made
// both orders; the same calls made concurrently deadlock"), tested with the runtime.
// lockscope-test: no-run
#include <pthread.h>
#include <stdio.h>

static pthread_mutex_t index_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t data_lock = PTHREAD_MUTEX_INITIALIZER;
static long index_entries;
static long data_blocks;

static void sync_index(void) {
  pthread_mutex_lock(&index_lock);
  pthread_mutex_lock(&data_lock);
  index_entries = data_blocks;
  pthread_mutex_unlock(&data_lock);
  pthread_mutex_unlock(&index_lock);
}

static void compact(void) {
  pthread_mutex_lock(&data_lock);
  pthread_mutex_lock(&index_lock);
  data_blocks = index_entries / 2;
  pthread_mutex_unlock(&index_lock);
  pthread_mutex_unlock(&data_lock);
}

static void *maintenance(void *arg) {
  (void)arg;
  for (int i = 0; i < 10; ++i) {
    sync_index();
    compact();
  }
  return NULL;
}

int main(void) {
  pthread_t t;
  if (pthread_create(&t, NULL, maintenance, NULL) != 0) return 1;
  pthread_join(t, NULL);
  printf("%ld entries, %ld blocks\n", index_entries, data_blocks);
  return 0;
}
