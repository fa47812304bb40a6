// Reader-writer locks, join-ordered: the writer takes index then table for writing; a later
// reader holds table for reading and waits to write index. A reader holding table blocks the
// writer's wrlock(table), so run concurrently these deadlock: reported.
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>

static pthread_rwlock_t index_lock = PTHREAD_RWLOCK_INITIALIZER;
static pthread_rwlock_t table_lock = PTHREAD_RWLOCK_INITIALIZER;

static void* writer(void* arg) {
  (void)arg;
  pthread_rwlock_wrlock(&index_lock);
  pthread_rwlock_wrlock(&table_lock);
  pthread_rwlock_unlock(&table_lock);
  pthread_rwlock_unlock(&index_lock);
  return NULL;
}

static void* reader_then_reindex(void* arg) {
  (void)arg;
  pthread_rwlock_rdlock(&table_lock);
  pthread_rwlock_wrlock(&index_lock);  // expect: lock-order-inversion
  pthread_rwlock_unlock(&index_lock);
  pthread_rwlock_unlock(&table_lock);
  return NULL;
}

int main(void) {
  pthread_t th;
  pthread_create(&th, NULL, writer, NULL);
  pthread_join(th, NULL);
  pthread_create(&th, NULL, reader_then_reindex, NULL);
  pthread_join(th, NULL);
  return 0;
}
