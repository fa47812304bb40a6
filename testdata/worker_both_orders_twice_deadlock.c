// One worker function takes two locks in both orders: sync_index() holds index_lock then takes
// data_lock, and compact() holds data_lock then takes index_lock. One such thread alone can never
// deadlock, but two instances of it running at once can (one in sync_index, one in compact).
// The finding belongs on the cycle's edge acquisition that comes last in the file: compact's lock
// of index_lock. Static only: how the runtime explains cycles made by one thread, or by threads
// run one after another, is the runtime rule of issue 15, tested with the runtime.
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
  pthread_mutex_lock(&index_lock);  // expect: lock-order-inversion
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
  pthread_t t1, t2;
  if (pthread_create(&t1, NULL, maintenance, NULL) != 0) return 1;
  if (pthread_create(&t2, NULL, maintenance, NULL) != 0) return 1;
  pthread_join(t1, NULL);
  pthread_join(t2, NULL);
  printf("%ld entries, %ld blocks\n", index_entries, data_blocks);
  return 0;
}
