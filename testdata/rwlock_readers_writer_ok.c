// Readers/writer with a pthread rwlock: one writer updates a two-field configuration under the
// write lock, three readers read it under the read lock and check the fields agree. Readers
// only read shared data (their tallies are locals returned through pthread_join), the writer's
// writes hold the lock exclusively, so every write excludes every other access: the analyzer
// must stay silent.
// Strict C11 hides the POSIX rwlock API unless a POSIX level is asked for.
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>

static pthread_rwlock_t config_lock = PTHREAD_RWLOCK_INITIALIZER;
static int config_version;
static int config_checksum;  // always config_version * 7 when observed under the lock

static void *writer(void *arg) {
  (void)arg;
  for (int v = 1; v <= 200; ++v) {
    pthread_rwlock_wrlock(&config_lock);
    config_version = v;
    config_checksum = v * 7;
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
