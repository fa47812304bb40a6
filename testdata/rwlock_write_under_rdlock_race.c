// The readers/writer program with the writer's one mistake: it takes the rwlock in READ mode
// before updating. A read lock is shared, so readers hold it at the same time as the writer and
// the lock excludes nothing: each of the writer's two writes races with the readers' reads. A
// lock held in shared mode on both sides is not a lock in common; one finding belongs on each
// write. The readers only read, so nothing else may be reported.
// Strict C11 hides the POSIX rwlock API unless a POSIX level is asked for.
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>

static pthread_rwlock_t config_lock = PTHREAD_RWLOCK_INITIALIZER;
static int config_version;
static int config_checksum;

static void *writer(void *arg) {
  (void)arg;
  for (int v = 1; v <= 200; ++v) {
    pthread_rwlock_rdlock(&config_lock);
    config_version = v;  // expect[static]: data-race
    config_checksum = v * 7;  // expect[static]: data-race
    pthread_rwlock_unlock(&config_lock);
  }
  return NULL;
}

static void *reader(void *arg) {
  (void)arg;
  intptr_t torn = 0;
  for (int i = 0; i < 1000; ++i) {
    pthread_rwlock_rdlock(&config_lock);
    if (config_checksum != config_version * 7) torn += 1;
    pthread_rwlock_unlock(&config_lock);
  }
  return (void *)torn;
}

int main(void) {
  pthread_t readers[3];
  pthread_t w;
  for (int r = 0; r < 3; ++r) {
    if (pthread_create(&readers[r], NULL, reader, NULL) != 0) return 1;
  }
  if (pthread_create(&w, NULL, writer, NULL) != 0) return 1;
  intptr_t torn_total = 0;
  for (int r = 0; r < 3; ++r) {
    void *torn = NULL;
    pthread_join(readers[r], &torn);
    torn_total += (intptr_t)torn;
  }
  pthread_join(w, NULL);
  printf("version %d, torn reads %ld\n", config_version, (long)torn_total);
  return 0;
}
