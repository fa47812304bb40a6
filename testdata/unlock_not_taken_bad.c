// An unlock of a lock this path never took: append_record() rejects an oversized record by
// jumping to the common error exit, which unlocks the journal's mutex, but the size check comes
// before the lock. The run appends one oversized record, so the runtime sees the unlock too.
#include <pthread.h>
#include <stdio.h>
#include <string.h>

static pthread_mutex_t journal_lock = PTHREAD_MUTEX_INITIALIZER;
static char journal[256];
static size_t journal_len;

static int append_record(const char *record) {
  size_t n = strlen(record);
  if (n > 32) goto fail;
  pthread_mutex_lock(&journal_lock);
  if (journal_len + n >= sizeof journal) goto fail;
  memcpy(journal + journal_len, record, n);
  journal_len += n;
  pthread_mutex_unlock(&journal_lock);
  return 0;
fail:
  pthread_mutex_unlock(&journal_lock);  // expect: unlock-not-held
  return -1;
}

static void *writer(void *arg) {
  int rejected = 0;
  for (int i = 0; i < 3; ++i) rejected += append_record(arg) != 0;
  return (void *)(long)rejected;
}

int main(void) {
  pthread_t t;
  if (pthread_create(&t, NULL, writer, "short record;") != 0) return 1;
  pthread_join(t, NULL);
  int rejected = append_record("a record far too long to fit in one journal slot");
  printf("%zu bytes journaled, oversized record rejected: %d\n", journal_len, rejected != 0);
  return 0;
}
